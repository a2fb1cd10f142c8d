package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ACRO's checks for magnitude tables, cell by cell: negative or missing contributions, the minimum number of
 * contributors ({@code threshold}), the p% rule ({@code p-ratio}: the contributions other than the two largest are
 * less than p of the largest, so the second-largest contributor could estimate the largest closely), the n-k
 * dominance rule ({@code nk-rule}: the n largest contributions are more than k of the total) and
 * {@code all-values-are-same} (every contributor gave the same amount, so the cell reveals each). A contribution that
 * is not a finite number, or whose size exceeds {@link #MAX_CONTRIBUTION}, is reported as {@code missing}: such a
 * value defeats the dominance rules (infinity over infinity is not a number, and every comparison with it is false),
 * so its cell is never published.
 */
public final class MagnitudeTableCheck {
  /**
   * The largest size a contribution may have (10^9): far above any real contribution (a person's weekly cost of care
   * is in the thousands of pounds), and small enough that a sum of millions of them stays exact enough in a double.
   */
  public static final double MAX_CONTRIBUTION = 1e9;

  private MagnitudeTableCheck() {}

  /** The checks {@code cell} fails under {@code rules}; empty when it may be published. */
  public static EnumSet<AcroCheck> check(MagnitudeCell cell, MagnitudeRules rules) {
    checkNotNull(cell, "cell");
    checkNotNull(rules, "rules");
    double[] values = cell.contributions().toArray();
    EnumSet<AcroCheck> failed = EnumSet.noneOf(AcroCheck.class);
    if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v) || Math.abs(v) > MAX_CONTRIBUTION)) {
      failed.add(AcroCheck.MISSING);
      return failed;
    }
    if (Arrays.stream(values).anyMatch(v -> v < 0)) {
      failed.add(AcroCheck.NEGATIVE);
      return failed;
    }
    if (values.length < rules.threshold()) {
      failed.add(AcroCheck.THRESHOLD);
    }
    double[] descending = values.clone();
    Arrays.sort(descending);
    reverse(descending);
    double total = Arrays.stream(descending).sum();
    if (!Double.isFinite(total)) {
      failed.add(AcroCheck.MISSING);
      return failed;
    }
    if (total <= 0 || descending.length <= 1) {
      if (rules.zerosAreDisclosive()) {
        failed.add(AcroCheck.P_RATIO);
      }
    } else {
      double rest = total - descending[0] - descending[1];
      if (rest / descending[0] < rules.pRatio()) {
        failed.add(AcroCheck.P_RATIO);
      }
    }
    if (total > 0) {
      double top = 0;
      for (int i = 0; i < Math.min(rules.nkN(), descending.length); i++) {
        top += descending[i];
      }
      if (top / total > rules.nkK()) {
        failed.add(AcroCheck.NK_RULE);
      }
    }
    if (descending.length >= 1 && descending[0] == descending[descending.length - 1]) {
      failed.add(AcroCheck.ALL_VALUES_ARE_SAME);
    }
    return failed;
  }

  /**
   * Checks every cell of a table and lays the results out for ACRO (rows and columns in order of first appearance).
   *
   * @throws IllegalArgumentException when two cells share a row and column
   */
  public static AcroCellFlags checkTable(List<MagnitudeCell> cells, MagnitudeRules rules) {
    checkNotNull(cells, "cells");
    Set<String> rows = new LinkedHashSet<>();
    Set<String> columns = new LinkedHashSet<>();
    Set<List<String>> seen = new HashSet<>();
    for (MagnitudeCell cell : cells) {
      checkArgument(seen.add(List.of(cell.row(), cell.column())), "two cells at row %s, column %s", cell.row(),
          cell.column());
      rows.add(cell.row());
      columns.add(cell.column());
    }
    ImmutableList<String> rowLabels = ImmutableList.copyOf(rows);
    ImmutableList<String> columnLabels = ImmutableList.copyOf(columns);
    AcroCellFlags.Builder flags = AcroCellFlags.builder(rowLabels, columnLabels);
    for (MagnitudeCell cell : cells) {
      int r = rowLabels.indexOf(cell.row());
      int c = columnLabels.indexOf(cell.column());
      for (AcroCheck failed : check(cell, rules)) {
        flags.flag(r, c, failed);
      }
    }
    return flags.build();
  }

  private static void reverse(double[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      double tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}
