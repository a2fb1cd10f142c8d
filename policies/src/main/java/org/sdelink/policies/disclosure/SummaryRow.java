package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One row of the summary table before disclosure control: a metric's numerator and denominator for one group of one
 * breakdown. The group {@code all} of breakdown {@code all} is the metric's total, which the groups of every other
 * breakdown add up to. {@code valueScale} is set for ratio metrics (the value is {@code valueScale * numerator /
 * denominator}, recomputed from the published counts); {@code statistic} holds the value of other metrics (e.g. a
 * median), published as given unless a count behind it is suppressed.
 */
public record SummaryRow(
    String metric,
    String breakdown,
    String group,
    long numerator,
    long denominator,
    double valueScale,
    double statistic) {
  /** The breakdown and group name of a metric's total. */
  public static final String ALL = "all";

  public SummaryRow {
    checkNotNull(metric, "metric");
    checkNotNull(breakdown, "breakdown");
    checkNotNull(group, "group");
    checkArgument(numerator >= 0 && denominator >= 0, "counts cannot be negative");
    checkArgument(Double.isNaN(valueScale) != Double.isNaN(statistic),
        "a row is either a ratio (valueScale) or a statistic (statistic), not both");
  }

  /** A proportion: value = numerator / denominator. */
  public static SummaryRow proportion(String metric, String breakdown, String group, long numerator,
      long denominator) {
    return new SummaryRow(metric, breakdown, group, numerator, denominator, 1.0, Double.NaN);
  }

  /** A scaled ratio, e.g. events per 1000 years: value = scale * numerator / denominator. */
  public static SummaryRow ratio(String metric, String breakdown, String group, long numerator, long denominator,
      double scale) {
    checkArgument(scale > 0 && Double.isFinite(scale), "scale must be positive");
    return new SummaryRow(metric, breakdown, group, numerator, denominator, scale, Double.NaN);
  }

  /** A statistic that is not a ratio of the counts, e.g. a median; NaN when it has no value. */
  public static SummaryRow statistic(String metric, String breakdown, String group, long numerator,
      long denominator, double value) {
    return new SummaryRow(metric, breakdown, group, numerator, denominator, Double.NaN,
        Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value);
  }

  /** Whether the value is a ratio of the counts. */
  public boolean isRatio() {
    return !Double.isNaN(valueScale);
  }

  /** Whether this row is its metric's total. */
  public boolean isTotal() {
    return ALL.equals(breakdown) && ALL.equals(group);
  }
}
