package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * Age at a reference date from birth year and month, as the SALT replication code derives it: a proxy date of birth
 * on the first of the birth month, then {@code FLOOR(DATEDIFF(DAY, proxy, date) / 365.25)} (SALT STS001 and LTS001a
 * replication code, {@code Der_Age_EndDate}; Central Transformation Principles p.6). Without a birth year or month the
 * age is unknown: the method has no rule for a year alone.
 */
public final class DerivedAge {
  private DerivedAge() {}

  /** The derived age on {@code date}, or empty when the year or month is missing or the month is not 1-12. */
  public static OptionalInt at(Integer birthYear, Integer birthMonth, LocalDate date) {
    checkNotNull(date, "date");
    if (birthYear == null || birthMonth == null || birthMonth < 1 || birthMonth > 12) {
      return OptionalInt.empty();
    }
    long days = ChronoUnit.DAYS.between(LocalDate.of(birthYear, birthMonth, 1), date);
    return OptionalInt.of((int) Math.floor(days / 365.25));
  }
}
