package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of an input file: where it came from (file name, first physical line, 1-based data row number) and its
 * values keyed by the contract's column names. Its {@link #toString()} never shows values: they may be identifiers.
 */
public final class SourceRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final long line;
  private final long rowNumber;
  private final LinkedHashMap<String, String> values;

  private SourceRow(String fileName, long line, long rowNumber, LinkedHashMap<String, String> values) {
    this.fileName = fileName;
    this.line = line;
    this.rowNumber = rowNumber;
    this.values = values;
  }

  public static SourceRow of(String fileName, long line, long rowNumber, Map<String, String> values) {
    checkNotNull(fileName, "fileName");
    checkArgument(line >= 1 && rowNumber >= 1, "line and row number are 1-based");
    return new SourceRow(fileName, line, rowNumber, new LinkedHashMap<>(values));
  }

  public String fileName() {
    return fileName;
  }

  /** The physical line on which the row starts (the header is line 1). */
  public long line() {
    return line;
  }

  /** The 1-based number of the row among the data rows of its file. */
  public long rowNumber() {
    return rowNumber;
  }

  /** The trimmed value of {@code column}, or "" when the column is absent or blank. */
  public String get(String column) {
    String value = values.get(column);
    return value == null ? "" : value.trim();
  }

  public Map<String, String> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SourceRow)) {
      return false;
    }
    SourceRow other = (SourceRow) o;
    return fileName.equals(other.fileName) && line == other.line && rowNumber == other.rowNumber
        && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, line, rowNumber, values);
  }

  @Override
  public String toString() {
    return "SourceRow{" + fileName + ":" + line + ", " + values.size() + " values}";
  }
}
