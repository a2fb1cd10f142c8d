package org.sdelink.metrics.costs;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.records.RecordDates;
import org.sdelink.metrics.submissions.LatestVersions;

/**
 * One person's planned weekly spend on the day a snapshot is taken (the period end): every CLD Service open that day
 * with a weekly cost (see {@link PlannedWeeklyCost}), summed per council and service type. Each event counts
 * once: its latest received version ({@link LatestVersions#ofRecords}). Service types are reported in their Release 1 spelling, so
 * Release 1 and Release 2 submissions fall in the same cell.
 */
public final class PersonServiceCosts {
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("person_id", "la_code", "service_type", "weekly_cost");
  private static final ImmutableList<String> RELEASE_1_SERVICE_TYPES = ImmutableList.of(
      "Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community",
      "Long Term Support: Prison", "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level",
      "Short Term Support: Other Short Term", "Carer Support: Direct to Carer",
      "Carer Support: Support involving the person cared-for");

  private PersonServiceCosts() {}

  /** Rows of {@link #HEADER}: one per (council, service type) with a cost, in that order. */
  public static List<List<String>> rows(String personId, List<Map<String, String>> cldRows, LocalDate snapshot) {
    List<Map<String, String>> latest = LatestVersions.ofRecords(cldRows, CldEvent::fromRow).kept();
    Map<List<String>, BigDecimal> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    for (Map<String, String> row : latest) {
      if (!"service".equals(row.getOrDefault("Event_Type", "").trim().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Optional<LocalDate> start = RecordDates.tryParse(row.getOrDefault("Event_Start_Date", ""));
      Optional<LocalDate> end = RecordDates.tryParse(row.getOrDefault("Event_End_Date", ""));
      if (start.isEmpty() || start.get().isAfter(snapshot) || end.map(e -> e.isBefore(snapshot)).orElse(false)) {
        continue;
      }
      Optional<BigDecimal> weekly = PlannedWeeklyCost.of(row.get("Unit_Cost"), row.get("Cost_Frequency_Unit_Type"),
          row.get("Planned_Units_Per_Week"));
      if (weekly.isPresent()) {
        sums.merge(List.of(row.getOrDefault("LA_Code", ""), serviceType(row.getOrDefault("Service_Type", ""))),
            weekly.get(), BigDecimal::add);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    sums.forEach((key, cost) -> rows.add(List.of(personId, key.get(0), key.get(1), cost.toPlainString())));
    return rows;
  }

  /** The Release 1 spelling of a service type (matched case-insensitively), else the value as recorded. */
  public static String serviceType(String recorded) {
    String trimmed = recorded.trim();
    for (String known : RELEASE_1_SERVICE_TYPES) {
      if (known.equalsIgnoreCase(trimmed)) {
        return known;
      }
    }
    return trimmed;
  }
}
