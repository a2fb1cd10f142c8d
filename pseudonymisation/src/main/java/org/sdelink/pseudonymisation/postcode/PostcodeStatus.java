package org.sdelink.pseudonymisation.postcode;

/** Why a postcode is or is not usable for linkage. */
public enum PostcodeStatus {
  VALID(true),
  /** Null or blank. */
  MISSING(false),
  /** Not a UK postcode format. */
  INVALID_FORMAT(false),
  /** A ZZ99 pseudo-postcode (no fixed abode, country or region not known): not a place, so no token. */
  PSEUDO(false);

  private final boolean usable;

  PostcodeStatus(boolean usable) {
    this.usable = usable;
  }

  public boolean isUsable() {
    return usable;
  }
}
