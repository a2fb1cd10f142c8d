package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.ReportingPeriod;

class ServiceMonthsTest {
  private static final ReportingPeriod QUARTER = ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30));

  @Test
  void monthsOfAPeriodIncludeCutMonths() {
    assertEquals(3, ServiceMonths.months(QUARTER).size());
    ReportingPeriod odd = ReportingPeriod.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 2));
    assertEquals(java.util.List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3)),
        ServiceMonths.months(odd));
  }

  @Test
  void openDaysAreClippedToThePeriodAndTheEvent() {
    Map<YearMonth, Integer> ongoing = ServiceMonths.openDays(LocalDate.of(2019, 8, 23), null, QUARTER);
    assertEquals(Map.of(YearMonth.of(2024, 4), 30, YearMonth.of(2024, 5), 31, YearMonth.of(2024, 6), 30), ongoing);
    Map<YearMonth, Integer> shortService = ServiceMonths.openDays(LocalDate.of(2024, 4, 26), LocalDate.of(2024, 5, 1),
        QUARTER);
    assertEquals(Map.of(YearMonth.of(2024, 4), 5, YearMonth.of(2024, 5), 1), shortService);
    assertEquals(Map.of(YearMonth.of(2024, 6), 1), ServiceMonths.openDays(LocalDate.of(2024, 6, 30),
        LocalDate.of(2024, 9, 1), QUARTER));
    assertTrue(ServiceMonths.openDays(LocalDate.of(2024, 7, 1), null, QUARTER).isEmpty());
    assertTrue(ServiceMonths.openDays(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 3, 31), QUARTER).isEmpty());
  }

  @Test
  void plannedSpendIsWeeklyCostTimesDaysOverSevenToThePenny() {
    Map<YearMonth, Integer> days = Map.of(YearMonth.of(2024, 4), 30, YearMonth.of(2024, 5), 1);
    Map<YearMonth, Long> pence = ServiceMonths.plannedSpendPence(new BigDecimal("700.00"), days);
    assertEquals(3000_00L, pence.get(YearMonth.of(2024, 4)), "700 a week for 30 days: 3,000 pounds");
    assertEquals(100_00L, pence.get(YearMonth.of(2024, 5)));
    // 1.00 a week for a day: 100 / 7 = 14.28... pence -> 14
    assertEquals(14L, ServiceMonths.plannedSpendPence(new BigDecimal("1.00"), Map.of(YearMonth.of(2024, 4), 1))
        .get(YearMonth.of(2024, 4)));
    // 0.105 * 100 = 10.5 a week; one week and half a penny rounds half-even: 10.5 -> 10
    assertEquals(10L, ServiceMonths.plannedSpendPence(new BigDecimal("0.105"), Map.of(YearMonth.of(2024, 4), 7))
        .get(YearMonth.of(2024, 4)));
    assertEquals(0L, ServiceMonths.plannedSpendPence(BigDecimal.ZERO, days).get(YearMonth.of(2024, 4)));
    assertThrows(IllegalArgumentException.class, () -> ServiceMonths.plannedSpendPence(new BigDecimal("-1"), days));
  }
}
