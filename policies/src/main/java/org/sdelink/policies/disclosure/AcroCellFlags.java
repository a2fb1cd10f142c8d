package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks each cell of a table failed, laid out as ACRO reports them: by row and column label and by index. ACRO
 * positions ({@code [row, column]}) count the rows of the table's body from 0 and its columns from 0 after the
 * first (label) column of the CSV file, which is how the SACRO viewer highlights cells; {@link #forCsv} lays a
 * table out so for a CSV file written by sdelink.
 */
public final class AcroCellFlags {
  private final ImmutableList<String> rowLabels;
  private final ImmutableList<String> columnLabels;
  private final EnumSet<AcroCheck>[][] flags;

  private AcroCellFlags(ImmutableList<String> rowLabels, ImmutableList<String> columnLabels,
      EnumSet<AcroCheck>[][] flags) {
    this.rowLabels = rowLabels;
    this.columnLabels = columnLabels;
    this.flags = flags;
  }

  /**
   * A builder for the cells of a CSV file with {@code bodyRows} rows under {@code header}: ACRO rows are the body
   * rows (labelled {@code 0}, {@code 1}, ... as pandas labels a default index) and ACRO columns the CSV columns after
   * the first, so that a position {@code [r, c]} is the cell in body row r and CSV column c + 1.
   */
  public static Builder forCsv(int bodyRows, List<String> header) {
    checkArgument(bodyRows >= 0, "bodyRows must not be negative");
    checkNotNull(header, "header");
    checkArgument(header.size() >= 2, "a table file needs a label column and at least one more");
    ImmutableList.Builder<String> rows = ImmutableList.builder();
    for (int r = 0; r < bodyRows; r++) {
      rows.add(Integer.toString(r));
    }
    return new Builder(rows.build(), ImmutableList.copyOf(header.subList(1, header.size())));
  }

  /** A builder for a table with these row and column labels (each list without duplicates). */
  public static Builder builder(ImmutableList<String> rowLabels, ImmutableList<String> columnLabels) {
    return new Builder(rowLabels, columnLabels);
  }

  public ImmutableList<String> rowLabels() {
    return rowLabels;
  }

  public ImmutableList<String> columnLabels() {
    return columnLabels;
  }

  /** The checks the cell failed (empty when it passed). */
  public Set<AcroCheck> checks(int row, int column) {
    return EnumSet.copyOf(flags[row][column]);
  }

  /**
   * The ACRO outcome text of a cell: {@code ok}, or each failed check followed by {@code "; "}. As in ACRO, a table
   * with a negative value (else one with a missing value) is not checked further: its negative (missing) cells read
   * {@code negative} ({@code missing}) and the others are blank.
   */
  public String outcomeText(int row, int column) {
    EnumSet<AcroCheck> cell = flags[row][column];
    for (AcroCheck stopping : List.of(AcroCheck.NEGATIVE, AcroCheck.MISSING)) {
      if (count(stopping) > 0) {
        return cell.contains(stopping) ? stopping.acroName() : "";
      }
    }
    if (cell.isEmpty()) {
      return "ok";
    }
    StringBuilder text = new StringBuilder();
    for (AcroCheck check : cell) {
      text.append(check.acroName()).append("; ");
    }
    return text.toString();
  }

  /** The number of cells that failed {@code check}. */
  public int count(AcroCheck check) {
    int n = 0;
    for (EnumSet<AcroCheck>[] row : flags) {
      for (EnumSet<AcroCheck> cell : row) {
        n += cell.contains(check) ? 1 : 0;
      }
    }
    return n;
  }

  /** Whether any cell failed any check. */
  public boolean anyFlagged() {
    for (AcroCheck check : AcroCheck.values()) {
      if (count(check) > 0) {
        return true;
      }
    }
    return false;
  }

  /** ACRO's {@code outcome}: column label to row label to outcome text, in table order. */
  Map<String, Map<String, String>> outcome() {
    Map<String, Map<String, String>> outcome = new LinkedHashMap<>();
    for (int c = 0; c < columnLabels.size(); c++) {
      Map<String, String> column = new LinkedHashMap<>();
      for (int r = 0; r < rowLabels.size(); r++) {
        column.put(rowLabels.get(r), outcomeText(r, c));
      }
      outcome.put(columnLabels.get(c), column);
    }
    return outcome;
  }

  /** Collects the flags of a table. */
  public static final class Builder {
    private final ImmutableList<String> rowLabels;
    private final ImmutableList<String> columnLabels;
    private final EnumSet<AcroCheck>[][] flags;

    @SuppressWarnings("unchecked")
    private Builder(ImmutableList<String> rowLabels, ImmutableList<String> columnLabels) {
      this.rowLabels = checkNotNull(rowLabels, "rowLabels");
      this.columnLabels = checkNotNull(columnLabels, "columnLabels");
      checkArgument(rowLabels.stream().distinct().count() == rowLabels.size(), "row labels must be unique");
      checkArgument(columnLabels.stream().distinct().count() == columnLabels.size(), "column labels must be unique");
      flags = new EnumSet[rowLabels.size()][columnLabels.size()];
      for (EnumSet<AcroCheck>[] row : flags) {
        for (int c = 0; c < row.length; c++) {
          row[c] = EnumSet.noneOf(AcroCheck.class);
        }
      }
    }

    /** Records that the cell in row {@code row} and the column labelled {@code column} failed {@code check}. */
    public Builder flag(int row, String column, AcroCheck check) {
      int index = columnLabels.indexOf(checkNotNull(column, "column"));
      checkArgument(index >= 0, "no column %s", column);
      return flag(row, index, check);
    }

    /** Records that the cell failed {@code check}. */
    public Builder flag(int row, int column, AcroCheck check) {
      flags[row][column].add(checkNotNull(check, "check"));
      return this;
    }

    public AcroCellFlags build() {
      @SuppressWarnings("unchecked")
      EnumSet<AcroCheck>[][] copy = new EnumSet[flags.length][];
      for (int r = 0; r < flags.length; r++) {
        copy[r] = new EnumSet[flags[r].length];
        for (int c = 0; c < flags[r].length; c++) {
          copy[r][c] = EnumSet.copyOf(flags[r][c]);
        }
      }
      return new AcroCellFlags(rowLabels, columnLabels, copy);
    }
  }
}
