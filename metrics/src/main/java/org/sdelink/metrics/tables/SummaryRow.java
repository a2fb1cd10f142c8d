package org.sdelink.metrics.tables;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * One row of {@code summary.csv}: the operator-side, unsuppressed figure of one metric in one breakdown group.
 * Numbers are already formatted (see {@link SummaryTable}); blank means "no value" (zero denominator).
 */
public record SummaryRow(
    String metric, String breakdown, String group, String numerator, String denominator, String value) {
  /** The header of {@code summary.csv}. */
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("metric", "breakdown", "group", "numerator", "denominator", "value");

  public SummaryRow {
    checkNotNull(metric, "metric");
    checkNotNull(breakdown, "breakdown");
    checkNotNull(group, "group");
    checkNotNull(numerator, "numerator");
    checkNotNull(denominator, "denominator");
    checkNotNull(value, "value");
  }

  /** The values in {@link #HEADER} order. */
  public ImmutableList<String> values() {
    return ImmutableList.of(metric, breakdown, group, numerator, denominator, value);
  }
}
