package org.sdelink.metrics.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeAtDischargeTest {

  @ParameterizedTest(name = "DOB {0}, discharge {1}: {2}")
  @CsvSource({
      "1944-06-10, 2024-06-10, 80",   // birthday on the discharge day
      "1944-06-11, 2024-06-10, 79",   // birthday the day after
      "1944-02-29, 2025-02-28, 80",   // leap-day birthday, not yet reached in a common year
      "1944-02-29, 2025-03-01, 81",
      "2024-06-10, 2024-06-10, 0"})
  void wholeYearsFromDateOfBirth(String dob, String discharge, int years) {
    assertEquals(OptionalInt.of(years), AgeAtDischarge.fromRawFields(dob, "", discharge));
  }

  @Test
  void dateOfBirthKnownOnlyAsMydob_usesTheFirstDayOfTheMonth() {
    assertEquals(OptionalInt.of(65), AgeAtDischarge.fromRawFields("", "031960", "2025-03-01"));
    assertEquals(OptionalInt.of(64), AgeAtDischarge.fromRawFields("", "031960", "2025-02-28"));
    assertEquals(OptionalInt.of(65), AgeAtDischarge.fromRawFields("", "31960", "2025-03-01"), "MYYYY form");
    assertEquals(OptionalInt.of(65), AgeAtDischarge.years(null, YearMonth.of(1960, 3), LocalDate.of(2025, 3, 1)));
  }

  @Test
  void dobWinsOverMydob() {
    assertEquals(OptionalInt.of(64), AgeAtDischarge.fromRawFields("1960-03-31", "031960", "2025-03-01"));
  }

  @Test
  void sentinelOrBlankDischargeDate_isUnknown() {
    assertTrue(AgeAtDischarge.fromRawFields("1944-06-10", "", "1800-01-01").isEmpty());
    assertTrue(AgeAtDischarge.fromRawFields("1944-06-10", "", "1801-01-01").isEmpty());
    assertTrue(AgeAtDischarge.fromRawFields("1944-06-10", "", "").isEmpty());
    assertEquals("", AgeAtDischarge.column("1944-06-10", "061944", "1800-01-01"));
  }

  @Test
  void sentinelOrUnreadableBirthFields_countAsMissing() {
    assertEquals(OptionalInt.of(65), AgeAtDischarge.fromRawFields("1800-01-01", "031960", "2025-03-01"));
    assertEquals(OptionalInt.of(65), AgeAtDischarge.fromRawFields("1960-02-30", "031960", "2025-03-01"));
    assertTrue(AgeAtDischarge.fromRawFields("", "131960", "2025-03-01").isEmpty(), "month 13");
    assertTrue(AgeAtDischarge.fromRawFields("", "0319x0", "2025-03-01").isEmpty());
    assertTrue(AgeAtDischarge.fromRawFields(null, null, "2025-03-01").isEmpty());
  }

  @Test
  void ukDateFormat_isAcceptedLikeTheInputContract() {
    assertEquals(OptionalInt.of(64), AgeAtDischarge.fromRawFields("10/03/1960", "031960", "01/03/2025"));
    assertTrue(AgeAtDischarge.fromRawFields("10/03/1960", "", "01/01/1800").isEmpty());
  }

  @Test
  void birthAfterDischarge_isUnknown() {
    assertTrue(AgeAtDischarge.fromRawFields("2025-03-02", "", "2025-03-01").isEmpty());
  }

  @Test
  void column_isDigitsOrBlank() {
    assertEquals("80", AgeAtDischarge.column("1944-06-10", "", "2024-06-10"));
    assertEquals("", AgeAtDischarge.column("", "", "2024-06-10"));
  }
}
