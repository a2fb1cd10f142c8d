package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the HES small-number rule to the summary table. Numerators and denominators are protected separately:
 * within each metric, the groups of each breakdown add up to the metric's total (the {@code all}/{@code all} row, or
 * the breakdown's own {@code all} group), so suppressing a small group alone would let a reader work it out by
 * subtraction; further cells are suppressed until no suppressed count can be worked out from the totals. Groups that
 * cover only part of a total leave a never-published remainder, which is protected too when small.
 */
public final class SummaryTableProtection {
  private static final int VALUE_DECIMALS = 4;

  private SummaryTableProtection() {}

  /**
   * Protects {@code rows} with {@code rule}.
   *
   * @throws IllegalArgumentException when a (metric, breakdown, group) repeats, or a breakdown's groups add up to
   *     more than its total
   */
  public static ProtectedSummaryTable protect(List<SummaryRow> rows, SmallNumberRule rule) {
    checkNotNull(rows, "rows");
    checkNotNull(rule, "rule");
    Set<List<String>> seen = new HashSet<>();
    Map<String, Map<String, List<Integer>>> byMetric = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow row = rows.get(i);
      checkArgument(seen.add(List.of(row.metric(), row.breakdown(), row.group())),
          "the summary table repeats metric %s breakdown %s group %s", row.metric(), row.breakdown(), row.group());
      checkArgument(!SummaryRow.ALL.equals(row.breakdown()) || SummaryRow.ALL.equals(row.group()),
          "metric %s: breakdown all may only have group all", row.metric());
      byMetric.computeIfAbsent(row.metric(), m -> new LinkedHashMap<>())
          .computeIfAbsent(row.breakdown(), b -> new ArrayList<>()).add(i);
    }
    CellStatus[][] status = new CellStatus[2][];
    for (int column = 0; column < 2; column++) {
      status[column] = protectColumn(rows, byMetric, column, rule);
    }
    ImmutableList.Builder<PublishedSummaryRow> published = ImmutableList.builder();
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow row = rows.get(i);
      CellStatus numeratorStatus = status[0][i];
      CellStatus denominatorStatus = status[1][i];
      String numerator = publish(row.numerator(), numeratorStatus, rule);
      String denominator = publish(row.denominator(), denominatorStatus, rule);
      String value = "";
      if (numeratorStatus == CellStatus.PUBLISHED && denominatorStatus == CellStatus.PUBLISHED) {
        if (row.isRatio()) {
          long publishedDenominator = rule.round(row.denominator());
          if (publishedDenominator > 0) {
            value = format(BigDecimal.valueOf(row.valueScale())
                .multiply(BigDecimal.valueOf(rule.round(row.numerator())))
                .divide(BigDecimal.valueOf(publishedDenominator), VALUE_DECIMALS, RoundingMode.HALF_UP));
          }
        } else if (Double.isFinite(row.statistic())) {
          value = format(BigDecimal.valueOf(row.statistic()).setScale(VALUE_DECIMALS, RoundingMode.HALF_UP));
        }
      }
      published.add(new PublishedSummaryRow(row.metric(), row.breakdown(), row.group(), numerator, denominator, value,
          numeratorStatus, denominatorStatus));
    }
    return new ProtectedSummaryTable(published.build());
  }

  private static CellStatus[] protectColumn(List<SummaryRow> rows, Map<String, Map<String, List<Integer>>> byMetric,
      int column, SmallNumberRule rule) {
    List<Long> values = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    for (SummaryRow row : rows) {
      values.add(column == 0 ? row.numerator() : row.denominator());
      hidden.add(false);
    }
    List<int[]> sums = new ArrayList<>();
    List<int[]> equalities = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Integer>>> metric : byMetric.entrySet()) {
      Integer metricTotal = null;
      List<Integer> allRows = metric.getValue().get(SummaryRow.ALL);
      if (allRows != null) {
        metricTotal = allRows.get(0);
      }
      for (Map.Entry<String, List<Integer>> breakdown : metric.getValue().entrySet()) {
        if (SummaryRow.ALL.equals(breakdown.getKey())) {
          continue;
        }
        Integer total = null;
        List<Integer> groups = new ArrayList<>();
        for (int i : breakdown.getValue()) {
          if (SummaryRow.ALL.equals(rows.get(i).group())) {
            total = i;
          } else {
            groups.add(i);
          }
        }
        if (total != null && metricTotal != null) {
          equalities.add(new int[] {total, metricTotal});
        }
        if (total == null) {
          total = metricTotal;
        }
        if (total == null || groups.isEmpty()) {
          continue;
        }
        long sum = 0;
        for (int g : groups) {
          sum += values.get(g);
        }
        long totalValue = values.get(total);
        checkArgument(sum <= totalValue, "metric %s: the groups of breakdown %s add up to more than the total",
            metric.getKey(), breakdown.getKey());
        if (sum < totalValue) {
          groups.add(values.size());
          values.add(totalValue - sum);
          hidden.add(true);
        }
        int[] parts = groups.stream().mapToInt(Integer::intValue).toArray();
        int[] line = new int[parts.length + 1];
        System.arraycopy(parts, 0, line, 0, parts.length);
        line[parts.length] = total;
        sums.add(line);
      }
    }
    long[] valueArray = values.stream().mapToLong(Long::longValue).toArray();
    boolean[] hiddenArray = new boolean[hidden.size()];
    for (int i = 0; i < hiddenArray.length; i++) {
      hiddenArray[i] = hidden.get(i);
    }
    SuppressionSolver solver = new SuppressionSolver(valueArray, hiddenArray);
    for (int[] line : sums) {
      int[] parts = new int[line.length - 1];
      System.arraycopy(line, 0, parts, 0, parts.length);
      solver.addSum(parts, line[line.length - 1]);
    }
    for (int[] equality : equalities) {
      checkArgument(valueArray[equality[0]] == valueArray[equality[1]],
          "a breakdown's all group differs from its metric's total");
      solver.addConstraint(equality, new int[] {1, -1});
    }
    CellStatus[] all = solver.solve(rule);
    CellStatus[] forRows = new CellStatus[rows.size()];
    System.arraycopy(all, 0, forRows, 0, rows.size());
    return forRows;
  }

  private static String publish(long count, CellStatus status, SmallNumberRule rule) {
    return status == CellStatus.PUBLISHED ? Long.toString(rule.round(count)) : SmallNumberRule.SUPPRESSED;
  }

  private static String format(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
