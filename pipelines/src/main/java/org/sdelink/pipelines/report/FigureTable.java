package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The exact figures behind one chart: rows (usually months) by columns (categories), of one kind of measure (event
 * counts, distinct people, pence or records). {@link Disclosure} turns it into what is published.
 */
public final class FigureTable {
  private final String name;
  private final String title;
  private final String rowHeading;
  private final ImmutableList<String> rowLabels;
  private final ImmutableList<String> columnLabels;
  private final long[][] values;
  private final Measure.Kind kind;

  private FigureTable(String name, String title, String rowHeading, ImmutableList<String> rowLabels,
      ImmutableList<String> columnLabels, long[][] values, Measure.Kind kind) {
    this.name = name;
    this.title = title;
    this.rowHeading = rowHeading;
    this.rowLabels = rowLabels;
    this.columnLabels = columnLabels;
    this.values = values;
    this.kind = kind;
  }

  /**
   * A table named {@code name} (the stem of its CSV file), with {@code values[row][column]} not negative.
   */
  public static FigureTable of(String name, String title, String rowHeading, List<String> rowLabels,
      List<String> columnLabels, long[][] values, Measure.Kind kind) {
    checkArgument(name.matches("[a-z0-9-]+"), "a table name is lower-case words joined by hyphens: %s", name);
    checkNotNull(title, "title");
    checkNotNull(rowHeading, "rowHeading");
    checkNotNull(kind, "kind");
    checkArgument(!rowLabels.isEmpty() && !columnLabels.isEmpty(), "a table needs a row and a column");
    checkArgument(values.length == rowLabels.size(), "%s rows of values for %s labels", values.length,
        rowLabels.size());
    long[][] copy = new long[values.length][];
    for (int r = 0; r < values.length; r++) {
      checkArgument(values[r].length == columnLabels.size(), "row %s has %s values for %s columns", r,
          values[r].length, columnLabels.size());
      for (long v : values[r]) {
        checkArgument(v >= 0, "figures cannot be negative");
      }
      copy[r] = values[r].clone();
    }
    return new FigureTable(name, title, rowHeading, ImmutableList.copyOf(rowLabels),
        ImmutableList.copyOf(columnLabels), copy, kind);
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public String rowHeading() {
    return rowHeading;
  }

  public ImmutableList<String> rowLabels() {
    return rowLabels;
  }

  public ImmutableList<String> columnLabels() {
    return columnLabels;
  }

  public long value(int row, int column) {
    return values[row][column];
  }

  public Measure.Kind kind() {
    return kind;
  }

  /** Whether every value is zero (nothing to chart). */
  public boolean isEmpty() {
    for (long[] row : values) {
      for (long v : row) {
        if (v != 0) {
          return false;
        }
      }
    }
    return true;
  }

  long[][] values() {
    long[][] copy = new long[values.length][];
    for (int r = 0; r < values.length; r++) {
      copy[r] = values[r].clone();
    }
    return copy;
  }
}
