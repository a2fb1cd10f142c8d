package org.sdelink.metrics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {
  @Test
  void inclusiveBothEnds() {
    ReportingPeriod period = ReportingPeriod.parse("2024-04-01", "2025-03-31");
    assertTrue(period.contains(LocalDate.of(2024, 4, 1)));
    assertTrue(period.contains(LocalDate.of(2025, 3, 31)));
    assertFalse(period.contains(LocalDate.of(2025, 4, 1)));
    assertFalse(period.contains(null));
    assertEquals(365, period.lengthInDays());
  }

  @Test
  void badPeriods_fail() {
    assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2025-04-01", "2025-03-31"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("01/04/2024", "2025-03-31"));
    assertTrue(e.getMessage().contains("yyyy-MM-dd"));
  }
}
