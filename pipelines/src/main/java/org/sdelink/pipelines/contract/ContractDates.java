package org.sdelink.pipelines.contract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The date rule of both input contracts: {@code yyyy-MM-dd} or {@code dd/MM/yyyy}, strictly (no 31 June). HES
 * sentinels 1800-01-01 and 1801-01-01 parse as dates; {@link #isHesNullSentinel} tells them apart.
 */
public final class ContractDates {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter UK =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final LocalDate SENTINEL_1800 = LocalDate.of(1800, 1, 1);
  private static final LocalDate SENTINEL_1801 = LocalDate.of(1801, 1, 1);

  private ContractDates() {}

  /** The date in {@code value}, or empty when it is not a real date in either accepted form. */
  public static Optional<LocalDate> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    if (trimmed.length() != 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(trimmed, trimmed.charAt(4) == '-' ? ISO : UK));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static boolean isHesNullSentinel(LocalDate date) {
    return SENTINEL_1800.equals(date) || SENTINEL_1801.equals(date);
  }
}
