package org.sdelink.pseudonymisation.names;

/** Why a given or family name is or is not usable for linkage. */
public enum NameStatus {
  VALID(true),
  /** Null or blank. */
  MISSING(false),
  /** No letter A-Z left after folding (e.g. digits or punctuation only). */
  NO_LETTERS(false),
  /** Only a title (e.g. "MR"), no name. */
  TITLE_ONLY(false),
  /** A known placeholder such as UNKNOWN, NK or BABY: would falsely link unrelated people. */
  PLACEHOLDER(false);

  private final boolean usable;

  NameStatus(boolean usable) {
    this.usable = usable;
  }

  public boolean isUsable() {
    return usable;
  }
}
