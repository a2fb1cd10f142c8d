package org.sdelink.policies.treatments;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The field treatments of a release as plain functions, one per generalisation: the pipeline (through
 * {@link RecordTreatment}) and the k-anonymity ladders use these and no other code to coarsen a value. Functions that
 * parse text return {@link Optional#empty()} for text they cannot read and never put the value in an exception.
 */
public final class FieldTreatments {
  /** Ages from this one up share the top band, e.g. {@code 90+}. */
  public static final int TOP_CODED_AGE = 90;

  private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
  private static final CharMatcher LETTERS = CharMatcher.inRange('A', 'Z');

  private FieldTreatments() {}

  /** Parses an ISO date {@code yyyy-MM-dd}; empty when the text is not one. */
  public static Optional<LocalDate> parseDate(String text) {
    checkNotNull(text, "text");
    try {
      return Optional.of(LocalDate.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The year of {@code date}, {@code yyyy}. */
  public static String year(LocalDate date) {
    return String.format("%04d", date.getYear());
  }

  /** The month of {@code date}, {@code yyyy-MM}. */
  public static String month(LocalDate date) {
    return YearMonth.from(date).toString();
  }

  /** The quarter of {@code month}, {@code yyyy-Qn}. */
  public static String quarter(YearMonth month) {
    return String.format("%04d-Q%d", month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
  }

  /** Whole years from {@code dateOfBirth} to {@code asOf}; negative when born after {@code asOf}. */
  public static int ageInYears(LocalDate dateOfBirth, LocalDate asOf) {
    checkNotNull(dateOfBirth, "dateOfBirth");
    checkNotNull(asOf, "asOf");
    if (dateOfBirth.isAfter(asOf)) {
      return -1;
    }
    return Period.between(dateOfBirth, asOf).getYears();
  }

  /**
   * The age band of width {@code widthYears} holding {@code age}, e.g. {@code 65-69}; ages from
   * {@link #TOP_CODED_AGE} share one top band, and a band that reaches it is written as open, e.g. {@code 80+}.
   * Empty for a negative age.
   */
  public static Optional<String> ageBand(int age, int widthYears) {
    checkArgument(widthYears >= 1, "widthYears must be >= 1");
    if (age < 0) {
      return Optional.empty();
    }
    return Optional.of(bandLabel(age, age, widthYears, TOP_CODED_AGE));
  }

  /**
   * The band of width {@code width} that holds the whole range {@code low..high} (e.g. the band holding
   * {@code 18-64} at width 10 is {@code 10-69}); from {@code openFrom} on (if positive) the band is open, e.g.
   * {@code 90+}.
   */
  public static String bandLabel(int low, int high, int width, int openFrom) {
    checkArgument(low >= 0 && high >= low, "band bounds must be 0 <= low <= high");
    int lower = (low / width) * width;
    int upper = ((high / width) + 1) * width - 1;
    if (openFrom > 0 && upper >= openFrom) {
      return Math.min(lower, openFrom) + "+";
    }
    return lower == upper ? Integer.toString(lower) : lower + "-" + upper;
  }

  /** The age band at {@code asOf} of a person born on {@code dateOfBirth}; empty when born after {@code asOf}. */
  public static Optional<String> ageBand(LocalDate dateOfBirth, LocalDate asOf, int widthYears) {
    return ageBand(ageInYears(dateOfBirth, asOf), widthYears);
  }

  /** Days from {@code firstEvent} to {@code date}: 0 on the first event's day, negative before it. */
  public static long daysFrom(LocalDate firstEvent, LocalDate date) {
    checkNotNull(firstEvent, "firstEvent");
    checkNotNull(date, "date");
    return ChronoUnit.DAYS.between(firstEvent, date);
  }

  /** {@code date} moved by {@code offsetDays}. */
  public static LocalDate shift(LocalDate date, int offsetDays) {
    checkNotNull(date, "date");
    return date.plusDays(offsetDays);
  }

  /** A postcode upper-cased with all spaces removed, e.g. {@code ls16ab}, {@code LS1 6AB} both give LS16AB. */
  public static String normalisePostcode(String postcode) {
    checkNotNull(postcode, "postcode");
    return Ascii.toUpperCase(WHITESPACE.removeFrom(postcode));
  }

  /**
   * The district (outward code) of a full UK postcode, e.g. {@code LS1} for {@code LS1 6AB}: the normalised postcode
   * without its three-character inward code. Empty when the text is not shaped like a full postcode.
   */
  public static Optional<String> postcodeDistrict(String postcode) {
    String normalised = normalisePostcode(postcode);
    if (normalised.length() < 5 || normalised.length() > 7) {
      return Optional.empty();
    }
    String inward = normalised.substring(normalised.length() - 3);
    String outward = normalised.substring(0, normalised.length() - 3);
    boolean inwardShaped = Character.isDigit(inward.charAt(0)) && LETTERS.matchesAllOf(inward.substring(1));
    boolean outwardShaped = LETTERS.matches(outward.charAt(0)) && CharMatcher.javaLetterOrDigit().matchesAllOf(outward);
    return inwardShaped && outwardShaped ? Optional.of(outward) : Optional.empty();
  }

  /** The postcode area of a district or postcode: its leading letters, e.g. {@code LS} for {@code LS1}. */
  public static Optional<String> postcodeArea(String districtOrPostcode) {
    String normalised = normalisePostcode(districtOrPostcode);
    int letters = 0;
    while (letters < normalised.length() && LETTERS.matches(normalised.charAt(letters))) {
      letters++;
    }
    return letters >= 1 && letters <= 2 ? Optional.of(normalised.substring(0, letters)) : Optional.empty();
  }

  /**
   * The group of a CLD ethnicity: the part before {@code " - "} (Release 1) or {@code ": "} (Release 2), e.g.
   * {@code Asian or Asian British} for {@code Asian or Asian British - Indian}. A value with neither separator is
   * already a group and is returned trimmed.
   */
  public static String ethnicGroup(String ethnicity) {
    checkNotNull(ethnicity, "ethnicity");
    String trimmed = ethnicity.trim();
    int dash = trimmed.indexOf(" - ");
    int colon = trimmed.indexOf(": ");
    int cut = dash < 0 ? colon : colon < 0 ? dash : Math.min(dash, colon);
    return cut < 0 ? trimmed : trimmed.substring(0, cut).trim();
  }
}
