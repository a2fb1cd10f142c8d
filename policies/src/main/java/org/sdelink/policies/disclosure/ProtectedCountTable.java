package org.sdelink.policies.disclosure;

import com.google.common.collect.ImmutableList;

/**
 * A {@link CountTable} after the small-number rule: each cell (row and column index {@code rows()} /
 * {@code columns()} address the totals) has a status and a published text, a rounded count or {@code *}.
 */
public final class ProtectedCountTable {
  private final CountTable table;
  private final SmallNumberRule rule;
  private final long[] values;
  private final CellStatus[] status;

  ProtectedCountTable(CountTable table, SmallNumberRule rule, long[] values, CellStatus[] status) {
    this.table = table;
    this.rule = rule;
    this.values = values;
    this.status = status;
  }

  /** The table before protection. */
  public CountTable table() {
    return table;
  }

  /** The status of a cell; {@code row == rows()} or {@code column == columns()} address the totals. */
  public CellStatus status(int row, int column) {
    return status[index(row, column)];
  }

  /** The text published for a cell: the rounded count, or {@code *} when suppressed. */
  public String published(int row, int column) {
    int i = index(row, column);
    return status[i] == CellStatus.PUBLISHED ? Long.toString(rule.round(values[i])) : SmallNumberRule.SUPPRESSED;
  }

  /** The number of cells (totals included) with {@code wanted} status. */
  public int count(CellStatus wanted) {
    int n = 0;
    for (CellStatus s : status) {
      n += s == wanted ? 1 : 0;
    }
    return n;
  }

  /**
   * The table as an ACRO output: rows and columns as labelled (the totals labelled {@code All}), outcome
   * {@code threshold} for primary and {@code secondary} for secondary suppression.
   */
  public AcroOutput toAcroOutput(String uid, String fileName, String command) {
    ImmutableList.Builder<String> rowLabels = ImmutableList.<String>builder().addAll(table.rowLabels()).add("All");
    ImmutableList.Builder<String> columnLabels =
        ImmutableList.<String>builder().addAll(table.columnLabels()).add("All");
    AcroCellFlags.Builder flags = AcroCellFlags.builder(rowLabels.build(), columnLabels.build());
    for (int r = 0; r <= table.rows(); r++) {
      for (int c = 0; c <= table.columns(); c++) {
        CellStatus s = status(r, c);
        if (s == CellStatus.PRIMARY) {
          flags.flag(r, c, AcroCheck.THRESHOLD);
        } else if (s == CellStatus.SECONDARY) {
          flags.flag(r, c, AcroCheck.SECONDARY);
        }
      }
    }
    return AcroOutput.countTable(uid, fileName, command, flags.build());
  }

  private int index(int row, int column) {
    if (row < 0 || row > table.rows() || column < 0 || column > table.columns()) {
      throw new IndexOutOfBoundsException("no cell " + row + ", " + column);
    }
    return row * (table.columns() + 1) + column;
  }
}
