package org.sdelink.metrics.records;

import com.google.common.base.Strings;
import java.time.LocalDate;
import java.util.Map;

/** Reads named columns of one row map, failing with a message that names the column and the layout. */
final class RowReader {
  private final Map<String, String> row;
  private final String layout;

  RowReader(Map<String, String> row, String layout) {
    this.row = row;
    this.layout = layout;
  }

  /** The trimmed value of a column that must be present (its value may be blank). */
  String required(String column) {
    if (!row.containsKey(column)) {
      throw new IllegalArgumentException(
          "column " + column + " is missing: expected the pseudonymised " + layout
              + " layout (see docs/metrics.md); check the file passed to the metrics stage");
    }
    return Strings.nullToEmpty(row.get(column)).trim();
  }

  /** The trimmed value of a column that may be absent (absent = blank). */
  String optional(String column) {
    return Strings.nullToEmpty(row.get(column)).trim();
  }

  LocalDate requiredDate(String column) {
    return RecordDates.parse(required(column), layout + " " + column).orElse(null);
  }

  LocalDate optionalDate(String column) {
    return RecordDates.parse(optional(column), layout + " " + column).orElse(null);
  }
}
