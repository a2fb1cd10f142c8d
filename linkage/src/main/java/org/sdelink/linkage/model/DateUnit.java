package org.sdelink.linkage.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The unit of a {@code date_difference} level. Months and years are average lengths (30.4375 and 365.25 days), as
 * Splink's absolute date difference compares epoch seconds against them.
 */
public enum DateUnit {
  @JsonProperty("day")
  DAY(1),
  @JsonProperty("month")
  MONTH(30.4375),
  @JsonProperty("year")
  YEAR(365.25);

  private final double days;

  DateUnit(double days) {
    this.days = days;
  }

  /** The unit's length in days. */
  public double days() {
    return days;
  }
}
