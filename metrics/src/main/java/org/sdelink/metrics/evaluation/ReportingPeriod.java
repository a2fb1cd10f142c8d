package org.sdelink.metrics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The reporting period of the metrics ({@code --period-start} / {@code --period-end}), both ends inclusive.
 * Discharge-based metrics count discharges with DISDATE in it; the LTS rate counts admissions and client-days in it.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) implements Serializable {
  public ReportingPeriod {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(!end.isBefore(start), "the period end %s is before its start %s", end, start);
  }

  /** The period [start, end]. */
  public static ReportingPeriod of(LocalDate start, LocalDate end) {
    return new ReportingPeriod(start, end);
  }

  /** The period from two {@code yyyy-MM-dd} strings, as given on the command line. */
  public static ReportingPeriod parse(String start, String end) {
    try {
      return of(LocalDate.parse(checkNotNull(start, "start").trim()), LocalDate.parse(checkNotNull(end, "end").trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--period-start and --period-end must be yyyy-MM-dd dates, e.g. 2024-04-01 and 2025-03-31", e);
    }
  }

  /** True when {@code day} lies in the period. */
  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(start) && !day.isAfter(end);
  }

  /** The number of days in the period. */
  public long lengthInDays() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }
}
