package org.sdelink.metrics.summary;

import com.google.common.collect.ImmutableList;

/** The transition metrics, in summary-table order; see docs/metrics.md for each definition. */
public enum Metric {
  REQUEST_AFTER_DISCHARGE("request_after_discharge", Kind.PROPORTION, Scope.DISCHARGES),
  REABLEMENT_AFTER_DISCHARGE("reablement_after_discharge", Kind.PROPORTION, Scope.DISCHARGES),
  AT_HOME_91D_AFTER_REABLEMENT("at_home_91d_after_reablement", Kind.PROPORTION, Scope.DISCHARGES),
  EMERGENCY_READMISSION_30D("emergency_readmission_30d", Kind.PROPORTION, Scope.DISCHARGES_AND_SOCIAL_CARE),
  CARE_HOME_AFTER_DISCHARGE("care_home_after_discharge", Kind.PROPORTION, Scope.DISCHARGES),
  EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS(
      "emergency_admissions_per_1000_lts_years", Kind.RATE_PER_1000_YEARS, Scope.PERSON_YEARS),
  MEDIAN_DAYS_DISCHARGE_TO_SERVICE("median_days_discharge_to_service", Kind.MEDIAN_DAYS, Scope.DISCHARGES);

  /** How a metric's value is formed from its tally. */
  public enum Kind {
    /** numerator / denominator, both counts of discharges. */
    PROPORTION,
    /** events per 1000 client-years; the tally holds client-days. */
    RATE_PER_1000_YEARS,
    /** median of day counts 0..{@link MetricTally#MAX_DAYS}; the tally holds a histogram. */
    MEDIAN_DAYS
  }

  private enum Scope {
    DISCHARGES(ImmutableList.of(Breakdown.ALL, Breakdown.AGE_BAND, Breakdown.SEX, Breakdown.LA)),
    DISCHARGES_AND_SOCIAL_CARE(ImmutableList.of(
        Breakdown.ALL, Breakdown.AGE_BAND, Breakdown.SEX, Breakdown.LA, Breakdown.SOCIAL_CARE_AT_DISCHARGE)),
    PERSON_YEARS(ImmutableList.of(Breakdown.ALL));

    private final ImmutableList<Breakdown> breakdowns;

    Scope(ImmutableList<Breakdown> breakdowns) {
      this.breakdowns = breakdowns;
    }
  }

  private final String id;
  private final Kind kind;
  private final Scope scope;

  Metric(String id, Kind kind, Scope scope) {
    this.id = id;
    this.kind = kind;
    this.scope = scope;
  }

  /** The name written in the {@code metric} column and used as the prefix of discharge-row flag columns. */
  public String id() {
    return id;
  }

  /** How the value is formed. */
  public Kind kind() {
    return kind;
  }

  /** The breakdowns reported for this metric, in output order. */
  public ImmutableList<Breakdown> breakdowns() {
    return scope.breakdowns;
  }
}
