package org.sdelink.pseudonymisation.dates;

/** Why a date of birth is or is not usable for linkage. */
public enum DateOfBirthStatus {
  VALID(true),
  /** Null or blank. */
  MISSING(false),
  /** Not {@code yyyy-MM-dd}, {@code dd/MM/yyyy} or {@code yyyyMMdd}. */
  INVALID_FORMAT(false),
  /** Right shape, but not a calendar date (e.g. 2023-02-30). */
  INVALID_DATE(false),
  /** After the reference date. */
  IN_FUTURE(false),
  /** Before 1890-01-01: nobody alive; usually a sentinel such as 1800-01-01. */
  BEFORE_1890(false);

  private final boolean usable;

  DateOfBirthStatus(boolean usable) {
    this.usable = usable;
  }

  public boolean isUsable() {
    return usable;
  }
}
