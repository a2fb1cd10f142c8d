package org.sdelink.metrics.records;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Strings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The one place that reads dates of the pseudonymised record files: {@code yyyy-MM-dd}, blank = missing, and the
 * HES null sentinels 1800-01-01 and 1801-01-01 = missing.
 */
public final class RecordDates {
  /** HES "null date" sentinel. */
  public static final LocalDate HES_NULL_DATE = LocalDate.of(1800, 1, 1);
  /** HES "invalid date" sentinel. */
  public static final LocalDate HES_INVALID_DATE = LocalDate.of(1801, 1, 1);

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter UK =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private RecordDates() {}

  /** True for the HES null sentinels, which mean "no date". */
  public static boolean isHesSentinel(LocalDate date) {
    checkNotNull(date, "date");
    return date.equals(HES_NULL_DATE) || date.equals(HES_INVALID_DATE);
  }

  /**
   * Parses a {@code yyyy-MM-dd} value; blank and the HES sentinels give empty.
   *
   * @throws IllegalArgumentException naming the column (never the value) when the value is not such a date
   */
  public static Optional<LocalDate> parse(String value, String column) {
    Optional<LocalDate> date = tryParse(value);
    if (date.isEmpty() && !isBlankOrSentinelText(value)) {
      throw new IllegalArgumentException(
          "column " + column + " holds a value that is not a yyyy-MM-dd date; the pseudonymise stage must"
              + " normalise dates (blank = missing), so re-run it on the raw files");
    }
    return date;
  }

  /** Parses a {@code yyyy-MM-dd} value leniently: blank, sentinel or unreadable values give empty. */
  public static Optional<LocalDate> tryParse(String value) {
    String text = Strings.nullToEmpty(value).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(text, ISO);
      return isHesSentinel(date) ? Optional.empty() : Optional.of(date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a raw input date leniently, in either format the input contract accepts ({@code yyyy-MM-dd} or {@code
   * dd/MM/yyyy}): blank, sentinel or unreadable values give empty.
   */
  public static Optional<LocalDate> tryParseInput(String value) {
    String text = Strings.nullToEmpty(value).trim();
    if (!text.contains("/")) {
      return tryParse(text);
    }
    try {
      LocalDate date = LocalDate.parse(text, UK);
      return isHesSentinel(date) ? Optional.empty() : Optional.of(date);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean isBlankOrSentinelText(String value) {
    String text = Strings.nullToEmpty(value).trim();
    return text.isEmpty() || text.equals("1800-01-01") || text.equals("1801-01-01");
  }

  /** Formats a date as {@code yyyy-MM-dd}, or blank for none. */
  public static String format(LocalDate date) {
    return date == null ? "" : date.format(ISO);
  }
}
