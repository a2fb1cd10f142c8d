package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.sdelink.metrics.evaluation.ReportingPeriod;

/**
 * The reporting period DHSC derives for one submission from the event end dates in it, not the period it states
 * ({@code Stored_procedures/create_REF_Submission_Reporting_Periods_table.sql}; methodology
 * {@code Main_tables/docs/methodology/2-reporting-periods.md}). Events are counted by the month of their (raw)
 * {@code Event_End_Date}, leaving out end dates in or after the month the file was received (open events have none).
 * A month counts when it holds at least 2 % of the file's counted events and at least as many event types as the
 * busiest month less one; when the file has fewer than 100 counted events every month counts (the code; its document
 * says the stated period is used then). The period runs from the first day of the first counted month to the last day
 * of the last. A file with no counted events has no derived period (the code's {@code LEFT JOIN} leaves it null), so
 * DHSC's submission selection never chooses it.
 */
public final class DerivedReportingPeriod {
  static final int MIN_EVENTS = 100;
  static final int MIN_PERCENT = 2;

  private DerivedReportingPeriod() {}

  /**
   * The derived period of one file.
   *
   * @param rowsByMonthAndType counted events (end before the month received) by end month, then by event type (folded
   *     as SQL Server compares: trimmed, lower case)
   */
  public static Optional<ReportingPeriod> of(Map<YearMonth, Map<String, Long>> rowsByMonthAndType) {
    checkNotNull(rowsByMonthAndType, "rowsByMonthAndType");
    long inFile = 0;
    int typesInFile = 0;
    for (Map<String, Long> types : rowsByMonthAndType.values()) {
      for (long n : types.values()) {
        checkArgument(n >= 0, "counts must not be negative");
        inFile += n;
      }
      typesInFile = Math.max(typesInFile, types.size());
    }
    if (inFile == 0) {
      return Optional.empty();
    }
    YearMonth first = null;
    YearMonth last = null;
    for (Map.Entry<YearMonth, Map<String, Long>> month : rowsByMonthAndType.entrySet()) {
      long inMonth = month.getValue().values().stream().mapToLong(Long::longValue).sum();
      if (inMonth == 0) {
        continue;
      }
      // 100.0 * n_month / n_file >= 2, exactly
      boolean busy = 100 * inMonth >= MIN_PERCENT * inFile && month.getValue().size() >= typesInFile - 1;
      boolean counted = inFile < MIN_EVENTS || busy;
      if (counted) {
        first = first == null || month.getKey().isBefore(first) ? month.getKey() : first;
        last = last == null || month.getKey().isAfter(last) ? month.getKey() : last;
      }
    }
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(new ReportingPeriod(first.atDay(1), last.atEndOfMonth()));
  }

  /** True when an event ending on {@code end} counts for a file received on {@code received} (unknown: it counts). */
  public static boolean counts(LocalDate end, LocalDate received) {
    checkNotNull(end, "end");
    return received == null || end.isBefore(received.withDayOfMonth(1));
  }
}
