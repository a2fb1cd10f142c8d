package org.sdelink.pseudonymisation.sex;

/** Whether a sex or gender value was recognised. */
public enum SexStatus {
  VALID(true),
  /** Null or blank. */
  MISSING(false),
  /** Not a CLD Gender string or HES SEX code this module knows. */
  UNRECOGNISED(false);

  private final boolean usable;

  SexStatus(boolean usable) {
    this.usable = usable;
  }

  public boolean isUsable() {
    return usable;
  }
}
