package org.sdelink.metrics.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The waiting-time rules built so far (named Ascof* to run with the ASCOF tests). */
class AscofWaitingTimesRulesTest {
  @Test
  void quartersCountFromApril() {
    assertEquals("2024-Q1", WaitingQuarter.of(LocalDate.parse("2024-04-01")));
    assertEquals("2024-Q1", WaitingQuarter.of(LocalDate.parse("2024-06-30")));
    assertEquals("2024-Q2", WaitingQuarter.of(LocalDate.parse("2024-07-01")));
    assertEquals("2024-Q3", WaitingQuarter.of(LocalDate.parse("2024-12-31")));
    assertEquals("2024-Q4", WaitingQuarter.of(LocalDate.parse("2025-01-01")));
    assertEquals("2024-Q4", WaitingQuarter.of(LocalDate.parse("2025-03-31")));
    assertEquals("2023-Q4", WaitingQuarter.of(LocalDate.parse("2024-03-31")));
  }

  @Test
  void ageBandsFrom25() {
    assertEquals(Optional.empty(), WaitingAgeBand.of(OptionalInt.of(24)));
    assertEquals(Optional.of("25-64"), WaitingAgeBand.of(OptionalInt.of(25)));
    assertEquals(Optional.of("25-64"), WaitingAgeBand.of(OptionalInt.of(64)));
    assertEquals(Optional.of("65+"), WaitingAgeBand.of(OptionalInt.of(65)));
    assertEquals(Optional.empty(), WaitingAgeBand.of(OptionalInt.empty()));
  }

  @Test
  void medianIsPercentileCont() {
    assertEquals("7.0", MedianDays.of(7).toPlainString());
    assertEquals("7.5", MedianDays.of(10, 7, 8, 3).toPlainString());
    assertEquals("8.0", MedianDays.of(10, 7, 8).toPlainString());
    assertEquals("0.5", MedianDays.of(0, 1).toPlainString());
    assertThrows(IllegalArgumentException.class, () -> MedianDays.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MedianDays.of(-1, 3));
  }
}
