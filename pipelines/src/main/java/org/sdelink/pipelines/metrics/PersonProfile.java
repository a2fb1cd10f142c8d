package org.sdelink.pipelines.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.spells.HospitalSpell;

/**
 * One linked person's attributes for the {@code persons} table, reconciled from all their records: for each attribute
 * the most frequent non-blank value (ties: the smallest), and the earliest death date of either source. These are
 * operator-side values; the release policy decides what a researcher sees of them.
 */
public final class PersonProfile {
  public static final List<String> COLUMNS = List.of("person_id", "nhs_number_token", "birth_year", "sex",
      "ethnicity", "postcode_district", "lsoa11", "la_code", "date_of_death", "gp_practice_code",
      "primary_support_reason", "cld_records", "apc_records");

  /** The record columns a profile reads, beside those the metric rules read. */
  public static final List<String> CLD_COLUMNS = List.of("nhs_number_token", "birth_year", "sex", "Ethnicity",
      "postcode_district", "LA_Code", "GP_Practice_Code", "Primary_Support_Reason", "record_id");
  public static final List<String> APC_COLUMNS = List.of("nhs_number_token", "birth_year", "sex",
      "postcode_district", "LSOA11", "RESLADST_ONS", "record_id");

  private PersonProfile() {}

  /** The person's row in {@link #COLUMNS} order. */
  public static List<String> of(String personId, List<Map<String, String>> cldRows, List<Map<String, String>> apcRows,
      List<CldEvent> events, List<ApcEpisode> episodes) {
    List<Map<String, String>> all = new ArrayList<>(cldRows);
    all.addAll(apcRows);
    LocalDate death = null;
    for (CldEvent event : events) {
      death = earliest(death, event.dateOfDeath());
    }
    for (HospitalSpell spell : HospitalSpell.assemble(episodes)) {
      if (spell.isFinished() && spell.endsInDeath()) {
        death = earliest(death, spell.dischargeDate());
      }
    }
    String la = modal(cldRows, "LA_Code");
    return List.of(
        personId,
        modal(all, "nhs_number_token"),
        modal(all, "birth_year"),
        modal(all, "sex"),
        modal(cldRows, "Ethnicity"),
        modal(all, "postcode_district"),
        modal(apcRows, "LSOA11"),
        la.isEmpty() ? modal(apcRows, "RESLADST_ONS") : la,
        death == null ? "" : death.toString(),
        modal(cldRows, "GP_Practice_Code"),
        modal(cldRows, "Primary_Support_Reason"),
        Long.toString(cldRows.stream().map(r -> r.get("record_id")).distinct().count()),
        Long.toString(apcRows.stream().map(r -> r.get("record_id")).distinct().count()));
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The most frequent non-blank value of {@code column} across rows; ties go to the smallest value. */
  static String modal(List<Map<String, String>> rows, String column) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Map<String, String> row : rows) {
      String value = row.getOrDefault(column, "");
      if (!value.isEmpty()) {
        counts.merge(value, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("");
  }
}
