package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * The quarter a waiting time is reported in, written {@code yyyy-Qn} with quarters of the financial year starting in
 * {@code yyyy}: {@code 2024-Q1} = April-June 2024 ... {@code 2024-Q4} = January-March 2025. DHSC assigns a wait to
 * the calendar quarter in which the response (first response or first service) starts, not the request
 * ({@code waiting_times_method.sql} v1.1, {@code stat_reporting_period_start_part1/part2}); the quarters are the same
 * three-month blocks, only the label counts from April.
 */
public final class WaitingQuarter {
  private WaitingQuarter() {}

  /** The label of the quarter holding {@code day}. */
  public static String of(LocalDate day) {
    checkNotNull(day, "day");
    int month = day.getMonthValue();
    int firstYear = month >= 4 ? day.getYear() : day.getYear() - 1;
    int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
    return firstYear + "-Q" + quarter;
  }
}
