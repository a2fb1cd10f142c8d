package org.sdelink.pipelines.link;

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
 * of strings {@code [source, person_id, residual, value per layout field ("" = missing)]}; {@code residual} is
 * {@code 1} when the person has records of one source only (it goes on to the probabilistic phase), {@code 0} when
 * the deterministic phase already linked it across sources (it still trains the parameters).
 */
final class Entities implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int VALUES_FROM = 3;

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

  /** The entity of a person's records of one source (already distinct by record id). */
  static List<String> entity(RecordLayout layout, String source, String personId, boolean residual,
      List<LinkRecord> records) {
    List<String> out = new ArrayList<>(VALUES_FROM + layout.size());
    out.add(source);
    out.add(personId);
    out.add(residual ? "1" : "0");
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

  static String key(List<String> entity) {
    return entity.get(0) + ":" + entity.get(1);
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

  /** Report subgroups of an entity: council, decade band of birth year, sex (blank = unknown). */
  static List<String> subgroups(RecordLayout layout, List<String> entity) {
    return List.of(value(layout, entity, "council"), ageBand(value(layout, entity, "birth_year")),
        value(layout, entity, "sex"));
  }

  static final List<String> SUBGROUP_DIMENSIONS = List.of("council", "birth_year_band", "sex");

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
