package org.sdelink.pseudonymisation.dates;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A validated date of birth. Accepted forms: {@code yyyy-MM-dd} (ISO, HES and CLD extracts),
 * {@code dd/MM/yyyy} (UK spreadsheets) and {@code yyyyMMdd} (compact, e.g. FEBRL); never {@code MM/dd/yyyy},
 * which cannot be told apart from the UK form. Must be a real calendar date (strict: no 30 February), not
 * after the reference date (injected, so results do not depend on the day the job runs) and not before
 * 1890-01-01 (earlier dates are sentinels like 1800-01-01, not people). {@link #toString()} never shows the
 * date.
 */
public final class DateOfBirth {
  /** The earliest accepted date of birth. */
  public static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern UK = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
  private static final Pattern COMPACT = Pattern.compile("\\d{8}");
  private static final DateTimeFormatter ISO_FORMAT = strict("uuuu-MM-dd");
  private static final DateTimeFormatter UK_FORMAT = strict("dd/MM/uuuu");
  private static final DateTimeFormatter COMPACT_FORMAT = strict("uuuuMMdd");

  private final LocalDate date;

  private DateOfBirth(LocalDate date) {
    this.date = date;
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  public static Validated<DateOfBirth, DateOfBirthStatus> validate(String raw, LocalDate referenceDate) {
    checkNotNull(referenceDate, "referenceDate");
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(DateOfBirthStatus.MISSING);
    }
    String text = raw.strip();
    DateTimeFormatter format;
    if (ISO.matcher(text).matches()) {
      format = ISO_FORMAT;
    } else if (UK.matcher(text).matches()) {
      format = UK_FORMAT;
    } else if (COMPACT.matcher(text).matches()) {
      format = COMPACT_FORMAT;
    } else {
      return Validated.rejected(DateOfBirthStatus.INVALID_FORMAT);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, format);
    } catch (DateTimeParseException e) {
      return Validated.rejected(DateOfBirthStatus.INVALID_DATE);
    }
    if (date.isAfter(referenceDate)) {
      return Validated.rejected(DateOfBirthStatus.IN_FUTURE);
    }
    if (date.isBefore(EARLIEST)) {
      return Validated.rejected(DateOfBirthStatus.BEFORE_1890);
    }
    return Validated.usable(new DateOfBirth(date), DateOfBirthStatus.VALID);
  }

  public static DateOfBirth parse(String raw, LocalDate referenceDate) {
    Validated<DateOfBirth, DateOfBirthStatus> result = validate(raw, referenceDate);
    checkArgument(result.isUsable(), "date of birth is not usable: %s", result.status());
    return result.get();
  }

  public LocalDate date() {
    return date;
  }

  /** {@code yyyy-MM-dd}: the form that is tokenised. */
  public String iso() {
    return date.toString();
  }

  /** Four-digit year, e.g. {@code 1956}. */
  public String year() {
    return Integer.toString(date.getYear());
  }

  /** Two-digit month, e.g. {@code 09}. */
  public String month() {
    return twoDigits(date.getMonthValue());
  }

  /** Two-digit day of month, e.g. {@code 07}. */
  public String day() {
    return twoDigits(date.getDayOfMonth());
  }

  /** {@code yyyyMMdd}: the form whose bigrams go into the Bloom filter. */
  public String compact() {
    return year() + month() + day();
  }

  /**
   * The date with day and month exchanged, in {@code yyyy-MM-dd}, when that is a calendar date (day 1-12):
   * catches dates keyed as MM/dd. Equal to {@link #iso()} when day equals month.
   */
  public Optional<String> swappedIso() {
    try {
      return Optional.of(LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateOfBirth other && date.equals(other.date);
  }

  @Override
  public int hashCode() {
    return date.hashCode();
  }

  @Override
  public String toString() {
    return "DateOfBirth{redacted}";
  }
}
