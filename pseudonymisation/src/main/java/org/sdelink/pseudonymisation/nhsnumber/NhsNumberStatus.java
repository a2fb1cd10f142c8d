package org.sdelink.pseudonymisation.nhsnumber;

/** Why an NHS number is or is not usable for linkage. */
public enum NhsNumberStatus {
  /** Ten digits, correct modulus-11 check digit, passes the HES rules. */
  VALID(true),
  /** Valid format and check digit in the reserved 999 test range: tokenised but flagged. */
  TEST_RANGE(true),
  /** Null or blank. */
  MISSING(false),
  /** Not ten digits after removing spaces and hyphens. */
  INVALID_FORMAT(false),
  /** Modulus-11 check digit wrong, or the computed check digit would be 10. */
  INVALID_CHECK_DIGIT(false),
  /** All ten digits the same (e.g. 0000000000): a placeholder (HES rule). */
  INVALID_ALL_SAME_DIGIT(false),
  /** The HES dummy number 2333455667. */
  INVALID_DUMMY(false),
  /** The pattern N00000000N (e.g. 4000000004): a placeholder (HES rule). */
  INVALID_PATTERN(false);

  private final boolean usable;

  NhsNumberStatus(boolean usable) {
    this.usable = usable;
  }

  /** Whether a number with this status gets a token. */
  public boolean isUsable() {
    return usable;
  }
}
