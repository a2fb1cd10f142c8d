package org.sdelink.pseudonymisation.names;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A person's normalised given names: all of them ({@link #full()}), the first ({@link #first()}), its
 * nickname-standardised form ({@link #nicknameStandardised()}) and initial. Rules, after
 * {@link NameNormaliser#fold(String)}: leading titles (MR, MRS, DR, SIR, ...) are removed, because systems
 * differ in whether they store a title in the name field; hyphens separate names (MARY-JANE = MARY JANE, so
 * the first given name is MARY either way). {@link #toString()} never shows the name.
 */
public final class GivenName {
  static final ImmutableSet<String> TITLES =
      ImmutableSet.of(
          "MR", "MRS", "MS", "MISS", "MX", "MASTER", "MADAM", "DR", "DOCTOR", "PROF", "PROFESSOR",
          "REV", "REVD", "REVEREND", "FR", "SIR", "DAME", "LORD", "LADY", "SISTER", "CAPT", "CAPTAIN",
          "MAJOR", "COL", "COLONEL", "LT", "SGT", "CLLR", "RT", "HON", "RABBI", "IMAM", "MME", "MLLE");

  private final ImmutableList<String> words;

  private GivenName(ImmutableList<String> words) {
    this.words = words;
  }

  public static Validated<GivenName, NameStatus> validate(String raw) {
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(NameStatus.MISSING);
    }
    ImmutableList<String> folded = NameNormaliser.words(raw);
    if (folded.isEmpty()) {
      return Validated.rejected(NameStatus.NO_LETTERS);
    }
    ImmutableList<String> words = NameRules.dropLeading(folded, TITLES);
    if (words.isEmpty()) {
      return Validated.rejected(NameStatus.TITLE_ONLY);
    }
    if (NameRules.isPlaceholder(words)) {
      return Validated.rejected(NameStatus.PLACEHOLDER);
    }
    return Validated.usable(new GivenName(words), NameStatus.VALID);
  }

  public static GivenName parse(String raw) {
    Validated<GivenName, NameStatus> result = validate(raw);
    checkArgument(result.isUsable(), "given name is not usable: %s", result.status());
    return result.get();
  }

  /** All given names, single-space separated, e.g. {@code JOHN PAUL}. */
  public String full() {
    return Joiner.on(' ').join(words);
  }

  /** The first given name, e.g. {@code JOHN}. */
  public String first() {
    return words.get(0);
  }

  /** The first given name through the nickname table, e.g. BILL gives WILLIAM; other names unchanged. */
  public String nicknameStandardised() {
    return Nicknames.standardise(first());
  }

  /** The first letter of the first given name. */
  public String initial() {
    return first().substring(0, 1);
  }

  public ImmutableList<String> words() {
    return words;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GivenName other && words.equals(other.words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "GivenName{redacted}";
  }
}
