package org.sdelink.policies.disclosure;

/** A disclosure check as ACRO names it in {@code results.json} (plus {@code secondary} for secondary suppression). */
public enum AcroCheck {
  NEGATIVE("negative"),
  MISSING("missing"),
  THRESHOLD("threshold"),
  P_RATIO("p-ratio"),
  NK_RULE("nk-rule"),
  ALL_VALUES_ARE_SAME("all-values-are-same"),
  /** Not an ACRO check: a cell suppressed so that a small count cannot be worked out from a total. */
  SECONDARY("secondary");

  private final String acroName;

  AcroCheck(String acroName) {
    this.acroName = acroName;
  }

  /** The name in ACRO's outcome strings and {@code sdc} keys. */
  public String acroName() {
    return acroName;
  }
}
