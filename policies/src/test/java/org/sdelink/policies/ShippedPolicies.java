package org.sdelink.policies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The policy files shipped in the module folder, for tests (surefire runs in the module folder). */
public final class ShippedPolicies {
  public static final String RESEARCHER = "researcher-linked-journeys";

  /** The shipped persons rules for the date of birth: the operator data has a birth year only. */
  public static final String SHIPPED_BIRTH_RULES = "    date_of_birth: drop\n    birth_year: keep\n";
  /** The shipped persons quasi-identifier for the birth year. */
  public static final String SHIPPED_BIRTH_QUASI_IDENTIFIER =
      "      - field: birth_year\n        ladder: [year-band-5y, year-band-10y, year-band-20y, withheld]\n";
  /** Persons rules that release the full date of birth as a 5-year age band on a fixed date. */
  public static final String AGE_BAND_BIRTH_RULES = "    date_of_birth:\n      action: generalise\n      to: age-band\n"
      + "      band_years: 5\n      as_of: 2025-03-31\n    birth_year: drop\n";
  /** The quasi-identifier for a date of birth released as an age band. */
  public static final String AGE_BAND_BIRTH_QUASI_IDENTIFIER =
      "      - field: date_of_birth\n        ladder: [age-band-10y, age-band-20y, withheld]\n";

  private ShippedPolicies() {}

  public static Path path(String name) {
    return Path.of(name + ".yaml");
  }

  public static String text(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code from} replaced by {@code to}; {@code from} must occur exactly once. */
  public static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("expected exactly one occurrence of: " + from);
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** The researcher policy text with {@code from} replaced by {@code to} (which must occur exactly once). */
  public static String researcherWith(String from, String to) {
    return replaceOnce(text(RESEARCHER), from, to);
  }

  /**
   * The researcher policy text changed to release {@code persons.date_of_birth} as 5-year age bands as of 2025-03-31
   * (and drop {@code birth_year}), with the date of birth counted by the k-anonymity gate on an age-band ladder: the
   * variant for tests of age bands, which the shipped policy no longer uses.
   */
  public static String researcherWithAgeBandedDateOfBirth() {
    String text = researcherWith(SHIPPED_BIRTH_RULES, AGE_BAND_BIRTH_RULES);
    return replaceOnce(text, SHIPPED_BIRTH_QUASI_IDENTIFIER, AGE_BAND_BIRTH_QUASI_IDENTIFIER);
  }

  public static Policy researcher() {
    try {
      return Policy.load(path(RESEARCHER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #researcherWithAgeBandedDateOfBirth()} parsed (under the researcher policy's name). */
  public static Policy researcherWithAgeBands() {
    return Policy.parse(researcherWithAgeBandedDateOfBirth(), RESEARCHER);
  }
}
