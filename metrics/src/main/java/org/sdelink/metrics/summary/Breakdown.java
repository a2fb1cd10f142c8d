package org.sdelink.metrics.summary;

/** A breakdown of the summary table, in output order. */
public enum Breakdown {
  /** Every counted item, in group {@code all}. */
  ALL("all"),
  /** Age at discharge: {@code 0-17}, {@code 18-64}, {@code 65-74}, {@code 75-84}, {@code 85+} or {@code unknown}. */
  AGE_BAND("age_band"),
  /** APC SEX code of the discharge episode ({@code unknown} when blank). */
  SEX("sex"),
  /** RESLADST_ONS of the discharge episode ({@code unknown} when blank). */
  LA("la"),
  /** {@code yes} when any CLD Service is open on DISDATE, else {@code no}. */
  SOCIAL_CARE_AT_DISCHARGE("social_care_at_discharge");

  /** The group name of {@link #ALL}. */
  public static final String ALL_GROUP = "all";
  /** The group name used when a breakdown's field is blank or unknown. */
  public static final String UNKNOWN_GROUP = "unknown";

  private final String id;

  Breakdown(String id) {
    this.id = id;
  }

  /** The name written in the {@code breakdown} column. */
  public String id() {
    return id;
  }
}
