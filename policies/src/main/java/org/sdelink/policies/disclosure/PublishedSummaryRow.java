package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One row of the summary table as published: counts rounded or {@code *}, and the value worked out from the
 * published counts (blank when either count is suppressed or the denominator is 0).
 */
public record PublishedSummaryRow(
    String metric,
    String breakdown,
    String group,
    String numerator,
    String denominator,
    String value,
    CellStatus numeratorStatus,
    CellStatus denominatorStatus) {

  public PublishedSummaryRow {
    checkNotNull(metric, "metric");
    checkNotNull(breakdown, "breakdown");
    checkNotNull(group, "group");
    checkNotNull(numerator, "numerator");
    checkNotNull(denominator, "denominator");
    checkNotNull(value, "value");
    checkNotNull(numeratorStatus, "numeratorStatus");
    checkNotNull(denominatorStatus, "denominatorStatus");
  }
}
