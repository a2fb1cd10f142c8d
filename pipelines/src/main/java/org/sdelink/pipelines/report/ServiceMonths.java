package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.sdelink.metrics.evaluation.ReportingPeriod;

/**
 * When a service runs within the reporting period, month by month, and what it is planned to cost there: the days
 * of each month (clipped to the period) on which it is open, and its planned weekly cost (the metrics module's
 * {@code PlannedWeeklyCost}) spread over those days, weekly cost x days / 7, to the penny (half-even).
 */
public final class ServiceMonths {
  private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);
  private static final BigDecimal PENCE_PER_POUND = BigDecimal.valueOf(100);

  private ServiceMonths() {}

  /** The calendar months the period touches, in order. */
  public static ImmutableList<YearMonth> months(ReportingPeriod period) {
    checkNotNull(period, "period");
    ImmutableList.Builder<YearMonth> months = ImmutableList.builder();
    for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(period.end())); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months.build();
  }

  /**
   * Days an event running from {@code start} to {@code end} (inclusive; {@code null} = still open) is open in each
   * month of the period; months without an open day are left out.
   */
  public static ImmutableSortedMap<YearMonth, Integer> openDays(LocalDate start, LocalDate end,
      ReportingPeriod period) {
    checkNotNull(start, "start");
    checkNotNull(period, "period");
    ImmutableSortedMap.Builder<YearMonth, Integer> days = ImmutableSortedMap.naturalOrder();
    for (YearMonth month : months(period)) {
      LocalDate from = latest(start, latest(month.atDay(1), period.start()));
      LocalDate to = earliest(month.atEndOfMonth(), period.end());
      if (end != null) {
        to = earliest(to, end);
      }
      if (!to.isBefore(from)) {
        days.put(month, (int) ChronoUnit.DAYS.between(from, to) + 1);
      }
    }
    return days.build();
  }

  /** Planned spend in pence per month: {@code weeklyCost} x days / 7, rounded half-even to the penny. */
  public static ImmutableSortedMap<YearMonth, Long> plannedSpendPence(BigDecimal weeklyCost,
      Map<YearMonth, Integer> openDays) {
    checkNotNull(weeklyCost, "weeklyCost");
    checkArgument(weeklyCost.signum() >= 0, "a planned cost cannot be negative");
    ImmutableSortedMap.Builder<YearMonth, Long> pence = ImmutableSortedMap.naturalOrder();
    openDays.forEach((month, days) -> pence.put(month, weeklyCost.multiply(PENCE_PER_POUND)
        .multiply(BigDecimal.valueOf(days)).divide(DAYS_PER_WEEK, 0, RoundingMode.HALF_EVEN).longValueExact()));
    return pence.build();
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
