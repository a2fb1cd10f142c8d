package org.sdelink.metrics.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A read-only copy of one cell of a {@link MetricTally}: counts for one (metric, breakdown, group). For a rate metric
 * the denominator holds exposure days; for the median metric {@code daysHistogram} holds the count of each day value
 * 0..{@link MetricTally#MAX_DAYS} (it is empty for other metrics).
 */
public record TallyCell(
    Metric metric, Breakdown breakdown, String group, long numerator, long denominator,
    ImmutableList<Long> daysHistogram) {
  public TallyCell {
    checkNotNull(metric, "metric");
    checkNotNull(breakdown, "breakdown");
    checkNotNull(group, "group");
    checkNotNull(daysHistogram, "daysHistogram");
  }
}
