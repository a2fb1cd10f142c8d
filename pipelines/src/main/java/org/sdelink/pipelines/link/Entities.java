package org.sdelink.pipelines.link;

import com.google.common.collect.Iterables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.FieldSpec;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

/**
 * Entities of the probabilistic phase: one per deterministic person and source, holding per model field the most
 * frequent value among the person's distinct records of that source (ties: the smallest value). Encoded as a list
 * of strings {@code [source, person_id, residual, variant, linked_councils, report_groups, value per layout field
 * ("" = missing)]};
 * {@code residual} is {@code 1} when the person has records of one source only (it goes on to the probabilistic
 * phase), {@code 0} when the deterministic phase already linked it across sources (it still trains the parameters;
 * an APC entity of such a person may still link to a CLD client of another council, see {@link PairFns});
 * {@code linked_councils} lists ({@code |}-separated, sorted) the councils of the person's records of the other
 * source; {@code report_groups} holds the person's report subgroups ({@link #SUBGROUP_DIMENSIONS}, {@code
 * |}-separated): the representative's council, birth-year band and sex, and the ethnicity of the person's CLD records.
 *
 * <p>{@code variant} {@code 0} is the representative above. A person whose records hold several addresses (a move:
 * another postcode, perhaps another council) or several dates of birth (trusts that typed it differently) has up to
 * {@link #MAX_ADDRESS_VARIANTS} more rows, variants {@code 1..}, each the representative with one of the other
 * address and date-of-birth combinations (the fields of {@link #ADDRESS_FIELDS} and {@link #DATE_OF_BIRTH_FIELDS}
 * taken together from one record), most frequent first. Variants are blocked and scored like the representative; an entity link keeps
 * its strongest variant pair. Term frequencies, EM and the u sample read variant 0 only.
 */
final class Entities implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int VALUES_FROM = 6;
  /** The fields that change together when a person moves; each other address of a person gives a variant. */
  static final List<String> ADDRESS_FIELDS =
      List.of("postcode_token", "postcode_sector_token", "postcode_district_token", "council");
  /** The date-of-birth fields, taken together from one record like an address. */
  static final List<String> DATE_OF_BIRTH_FIELDS = List.of("dob_token", "dob_swapped_token", "dob_year_token",
      "dob_month_token", "dob_day_token", "birth_year");
  static final int MAX_ADDRESS_VARIANTS = 3;

  private Entities() {}

  /** The input columns the model reads for {@code source} (field columns and their status columns), in order. */
  static List<String> columns(LinkageModel model, String source) {
    Set<String> columns = new LinkedHashSet<>();
    for (FieldSpec field : model.fields()) {
      String column = field.columnFor(source);
      if (!column.isEmpty()) {
        columns.add(column);
        if (field.validWhen() != null) {
          columns.add(field.validWhen().column());
        }
      }
    }
    columns.remove(idColumn(model));
    return List.copyOf(columns);
  }

  static String idColumn(LinkageModel model) {
    return model.reader().idColumn();
  }

  /** The linkage record of one input row, given its identity values in the order of {@link #columns}. */
  static LinkRecord record(LinkageModel model, String source, String recordId, List<String> columns,
      List<String> values) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      row.put(columns.get(i), values.get(i));
    }
    row.put(idColumn(model), recordId);
    return model.record(source, row);
  }

  /**
   * The entity rows of a person's records of one source (already distinct by record id): the representative
   * (variant 0), then one row per other address, most frequent first (ties: smallest values), at most
   * {@link #MAX_ADDRESS_VARIANTS}.
   */
  static List<List<String>> entities(RecordLayout layout, String source, String personId, boolean residual,
      List<LinkRecord> records, List<LinkRecord> otherSourceRecords, String ethnicity) {
    List<String> primary = entity(layout, source, personId, residual, records);
    primary.set(4, councils(layout, otherSourceRecords));
    primary.set(5, reportGroups(layout, primary, ethnicity));
    List<List<String>> out = new ArrayList<>();
    out.add(primary);
    List<Integer> address = new ArrayList<>();
    for (String field : Iterables.concat(ADDRESS_FIELDS, DATE_OF_BIRTH_FIELDS)) {
      if (layout.contains(field)) {
        address.add(layout.indexOf(field));
      }
    }
    if (address.isEmpty() || records.size() < 2) {
      return out;
    }
    List<String> primaryAddress = new ArrayList<>();
    for (int i : address) {
      primaryAddress.add(primary.get(VALUES_FROM + i));
    }
    Map<List<String>, Integer> counts = new TreeMap<>(Entities::compareLists);
    for (LinkRecord record : records) {
      List<String> values = new ArrayList<>();
      for (int i : address) {
        String v = record.value(i);
        values.add(v == null ? "" : v);
      }
      if (!values.equals(primaryAddress) && values.stream().anyMatch(v -> !v.isEmpty())) {
        counts.merge(values, 1, Integer::sum);
      }
    }
    List<Map.Entry<List<String>, Integer>> ordered = new ArrayList<>(counts.entrySet());
    ordered.sort(Comparator.<Map.Entry<List<String>, Integer>>comparingInt(Map.Entry::getValue).reversed()
        .thenComparing(Map.Entry::getKey, Entities::compareLists));
    for (int v = 0; v < Math.min(MAX_ADDRESS_VARIANTS, ordered.size()); v++) {
      List<String> variant = new ArrayList<>(primary);
      variant.set(3, Integer.toString(v + 1));
      List<String> values = ordered.get(v).getKey();
      for (int j = 0; j < address.size(); j++) {
        variant.set(VALUES_FROM + address.get(j), values.get(j));
      }
      out.add(variant);
    }
    return out;
  }

  /** The distinct council values of {@code records}, sorted, {@code |}-separated. */
  static String councils(RecordLayout layout, List<LinkRecord> records) {
    if (!layout.contains("council")) {
      return "";
    }
    java.util.TreeSet<String> councils = new java.util.TreeSet<>();
    for (LinkRecord record : records) {
      String value = record.value(layout.indexOf("council"));
      if (value != null) {
        councils.add(value);
      }
    }
    return String.join("|", councils);
  }

  /** Whether the person of {@code entity} already has records of the other source in {@code council}. */
  static boolean linkedIn(List<String> entity, String council) {
    return council != null && !entity.get(4).isEmpty() && List.of(entity.get(4).split("\\|")).contains(council);
  }

  private static int compareLists(List<String> a, List<String> b) {
    return String.join("\u0000", a).compareTo(String.join("\u0000", b));
  }

  /** The representative entity (variant 0) of a person's records of one source. */
  static List<String> entity(RecordLayout layout, String source, String personId, boolean residual,
      List<LinkRecord> records) {
    List<String> out = new ArrayList<>(VALUES_FROM + layout.size());
    out.add(source);
    out.add(personId);
    out.add(residual ? "1" : "0");
    out.add("0");
    out.add("");
    out.add("");
    for (int i = 0; i < layout.size(); i++) {
      Map<String, Integer> counts = new TreeMap<>();
      for (LinkRecord record : records) {
        String value = record.value(i);
        if (value != null) {
          counts.merge(value, 1, Integer::sum);
        }
      }
      out.add(counts.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(""));
    }
    return out;
  }

  /** The most frequent of {@code counts}' values (ties: the smallest); blank if there is none. */
  static String modal(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("");
  }

  static String key(List<String> entity) {
    return entity.get(0) + ":" + entity.get(1);
  }

  /** The key of one entity row: the entity's key and its variant. */
  static String rowKey(List<String> entity) {
    return key(entity) + "#" + entity.get(3);
  }

  static boolean primary(List<String> entity) {
    return "0".equals(entity.get(3));
  }

  static boolean residual(List<String> entity) {
    return "1".equals(entity.get(2));
  }

  /** The linkage record of an encoded entity: id = person id, source = the entity's source. */
  static LinkRecord decode(RecordLayout layout, List<String> entity) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < layout.size(); i++) {
      String value = entity.get(VALUES_FROM + i);
      if (!value.isEmpty()) {
        values.put(layout.fields().get(i), value);
      }
    }
    return LinkRecord.of(layout, entity.get(1), entity.get(0), values);
  }

  /** The report subgroups of an entity row, in the order of {@link #SUBGROUP_DIMENSIONS}. */
  static List<String> subgroups(List<String> entity) {
    return List.of(entity.get(5).split("\\|", -1));
  }

  /**
   * The report subgroups of a representative entity row: council, decade band of birth year, sex (blank =
   * {@code unknown}), then the ethnic group and category of {@code ethnicity} (see {@link EthnicCategories}),
   * {@code |}-separated.
   */
  static String reportGroups(RecordLayout layout, List<String> entity, String ethnicity) {
    List<String> groups = List.of(value(layout, entity, "council"), ageBand(value(layout, entity, "birth_year")),
        value(layout, entity, "sex"), EthnicCategories.group(ethnicity), EthnicCategories.category(ethnicity));
    return String.join("|", groups.stream().map(g -> g.replace('|', '/')).toList());
  }

  static final List<String> SUBGROUP_DIMENSIONS =
      List.of("council", "birth_year_band", "sex", "ethnic_group", "ethnicity");

  private static String value(RecordLayout layout, List<String> entity, String field) {
    if (!layout.contains(field)) {
      return "unknown";
    }
    String value = entity.get(VALUES_FROM + layout.indexOf(field));
    return value.isEmpty() ? "unknown" : value;
  }

  static String ageBand(String birthYear) {
    try {
      int year = Integer.parseInt(birthYear);
      int from = year - Math.floorMod(year, 10);
      return from + "-" + (from + 9);
    } catch (NumberFormatException e) {
      return "unknown";
    }
  }
}
