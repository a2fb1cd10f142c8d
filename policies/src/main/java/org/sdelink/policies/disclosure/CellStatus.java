package org.sdelink.policies.disclosure;

/** What the small-number rule did to one cell of a count table. */
public enum CellStatus {
  /** Shown, rounded. */
  PUBLISHED,
  /** Suppressed because the count is small (1 to the rule's limit). */
  PRIMARY,
  /** Suppressed so that a small count cannot be worked out from a total. */
  SECONDARY,
  /** Never shown: the part of a total no published group covers. */
  HIDDEN;

  /** Whether a reader of the table cannot see the cell's value. */
  public boolean isUnknown() {
    return this != PUBLISHED;
  }
}
