package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A two-way table of counts with its row totals, column totals and grand total (worked out here, so they always
 * add up), e.g. discharges by local authority and age band.
 */
public final class CountTable {
  private final ImmutableList<String> rowLabels;
  private final ImmutableList<String> columnLabels;
  private final long[][] cells;

  private CountTable(ImmutableList<String> rowLabels, ImmutableList<String> columnLabels, long[][] cells) {
    this.rowLabels = rowLabels;
    this.columnLabels = columnLabels;
    this.cells = cells;
  }

  /** A table with {@code cells[row][column]}; labels name the rows and columns in the outputs. */
  public static CountTable of(List<String> rowLabels, List<String> columnLabels, long[][] cells) {
    checkNotNull(rowLabels, "rowLabels");
    checkNotNull(columnLabels, "columnLabels");
    checkNotNull(cells, "cells");
    checkArgument(!rowLabels.isEmpty() && !columnLabels.isEmpty(), "a table needs at least one row and column");
    checkArgument(cells.length == rowLabels.size(), "%s rows of cells for %s row labels", cells.length,
        rowLabels.size());
    long[][] copy = new long[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      checkArgument(cells[r].length == columnLabels.size(), "row %s has %s cells for %s columns", r,
          cells[r].length, columnLabels.size());
      for (long cell : cells[r]) {
        checkArgument(cell >= 0, "counts cannot be negative");
      }
      copy[r] = cells[r].clone();
    }
    return new CountTable(ImmutableList.copyOf(rowLabels), ImmutableList.copyOf(columnLabels), copy);
  }

  public ImmutableList<String> rowLabels() {
    return rowLabels;
  }

  public ImmutableList<String> columnLabels() {
    return columnLabels;
  }

  public int rows() {
    return rowLabels.size();
  }

  public int columns() {
    return columnLabels.size();
  }

  /** The count in {@code row}, {@code column}. */
  public long cell(int row, int column) {
    return cells[row][column];
  }

  /** The total of {@code row}. */
  public long rowTotal(int row) {
    long sum = 0;
    for (long cell : cells[row]) {
      sum += cell;
    }
    return sum;
  }

  /** The total of {@code column}. */
  public long columnTotal(int column) {
    long sum = 0;
    for (long[] row : cells) {
      sum += row[column];
    }
    return sum;
  }

  /** The total of all cells. */
  public long grandTotal() {
    long sum = 0;
    for (int r = 0; r < rows(); r++) {
      sum += rowTotal(r);
    }
    return sum;
  }

  /**
   * Applies {@code rule} with secondary suppression over the rows, columns and totals.
   */
  public ProtectedCountTable protect(SmallNumberRule rule) {
    checkNotNull(rule, "rule");
    int rows = rows();
    int columns = columns();
    // Cells are laid out as a (rows + 1) x (columns + 1) grid; the last row and column are the totals.
    int width = columns + 1;
    long[] values = new long[(rows + 1) * width];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        values[r * width + c] = r < rows && c < columns ? cell(r, c)
            : r < rows ? rowTotal(r) : c < columns ? columnTotal(c) : grandTotal();
      }
    }
    SuppressionSolver solver = new SuppressionSolver(values, new boolean[values.length]);
    for (int r = 0; r <= rows; r++) {
      int[] parts = new int[columns];
      for (int c = 0; c < columns; c++) {
        parts[c] = r * width + c;
      }
      solver.addSum(parts, r * width + columns);
    }
    for (int c = 0; c <= columns; c++) {
      int[] parts = new int[rows];
      for (int r = 0; r < rows; r++) {
        parts[r] = r * width + c;
      }
      solver.addSum(parts, rows * width + c);
    }
    CellStatus[] status = solver.solve(rule);
    return new ProtectedCountTable(this, rule, values, status);
  }
}
