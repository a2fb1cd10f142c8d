package org.sdelink.metrics.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlannedWeeklyCostTest {
  private static String weekly(String cost, String frequency, String units) {
    return PlannedWeeklyCost.of(cost, frequency, units).map(BigDecimal::toPlainString).orElse("none");
  }

  @Test
  void perUnitPricesTimesPlannedUnits() {
    assertEquals("110.44", weekly("20.08", "Hourly", "5.5"));
    assertEquals("90.00", weekly("45", "per session", "2"));
    assertEquals("none", weekly("20.08", "Hourly", ""));
  }

  @Test
  void periodicPricesBroughtToAWeek() {
    assertEquals("850.00", weekly("850", "Weekly", ""));
    assertEquals("50.00", weekly("100", "Fortnightly", ""));
    assertEquals("25.00", weekly("100", "4-weekly", ""));
    assertEquals("276.92", weekly("1200", "Monthly", ""));
    assertEquals("76.92", weekly("1000", "Quarterly", ""));
    assertEquals("10.00", weekly("520", "Annually", ""));
    assertEquals("0.00", weekly("0.00", "No charge to client", "19"));
  }

  @Test
  void noWeeklyCostForOneOffUnknownNegativeOrUnreadable() {
    assertEquals("none", weekly("300", "One-off", ""));
    assertEquals("none", weekly("300", "Per fortnight-ish", ""));
    assertEquals("none", weekly("-5", "Weekly", ""));
    assertEquals("none", weekly("abc", "Weekly", ""));
    assertTrue(PlannedWeeklyCost.of("", "Weekly", "").isEmpty());
  }
}
