package org.sdelink.policies.kanonymity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneralisationLevelsTest {
  private static final Map<String, Map<String, String>> NO_TABLES = ImmutableMap.of();

  private static String apply(String level, String value) {
    return GeneralisationLevels.resolve(level, NO_TABLES).apply(value);
  }

  @Test
  void ageBandsHoldTheReleasedBandAndTopCodeAt90() {
    assertEquals("60-69", apply("age-band-10y", "65-69"));
    assertEquals("60-79", apply("age-band-20y", "65-69"));
    assertEquals("10-69", apply("age-band-10y", "18-64"));
    assertEquals("80+", apply("age-band-10y", "85+"));
    assertEquals("80+", apply("age-band-20y", "85-89"));
    assertEquals("90+", apply("age-band-5y", "93"));
    assertEquals("70-74", apply("age-band-5y", "72"));
    assertEquals("*", apply("age-band-10y", "unknown"));
    assertEquals("", apply("age-band-10y", ""));
  }

  @Test
  void yearBandsHaveNoTopCode() {
    assertEquals("1950-1954", apply("year-band-5y", "1952"));
    assertEquals("1990-1999", apply("year-band-10y", "1990-1994"));
  }

  @Test
  void bareBirthYearsClimbTheShippedPersonsLadder() {
    // persons.birth_year is released as a bare 4-digit year; the ladder is year-band-5y, 10y, 20y, withheld.
    assertEquals("1945-1949", apply("year-band-5y", "1947"));
    assertEquals("1940-1949", apply("year-band-10y", "1945-1949"));
    assertEquals("1940-1959", apply("year-band-20y", "1940-1949"));
    assertEquals("*", apply("withheld", "1940-1959"));
    // Each level also reads the bare year directly, and recent years are not top-coded.
    assertEquals("1940-1949", apply("year-band-10y", "1947"));
    assertEquals("1940-1959", apply("year-band-20y", "1947"));
    assertEquals("2000-2004", apply("year-band-5y", "2003"));
    assertEquals("2000-2019", apply("year-band-20y", "2003"));
    assertEquals("1920-1939", apply("year-band-20y", "1939"));
    assertEquals("", apply("year-band-5y", ""));
    assertEquals("*", apply("year-band-5y", "unknown"));
    assertEquals("5-year bands", GeneralisationLevels.describe("year-band-5y"));
  }

  @Test
  void datesClimbMonthQuarterYear() {
    assertEquals("2024-03", apply("month", "2024-03-17"));
    assertEquals("2024-Q1", apply("quarter", "2024-03-17"));
    assertEquals("2024-Q4", apply("quarter", "2024-12"));
    assertEquals("2024", apply("year", "2024-12"));
    assertEquals("2024", apply("year", "2024-Q2"));
    assertEquals("*", apply("quarter", "17/03/2024"));
  }

  @Test
  void areasGroupsLookupsAndWithheld() {
    assertEquals("LS", apply("postcode-area", "LS1"));
    assertEquals("B", apply("postcode-area", "B15"));
    assertEquals("Asian or Asian British", apply("ethnic-group", "Asian or Asian British - Indian"));
    assertEquals("*", apply("withheld", "E09000001"));
    assertEquals("*", apply("withheld", ""), "withheld hides whether a value was recorded too");
    GeneralisationLevel lookup = GeneralisationLevels.resolve("lookup:la-to-region",
        Map.of("la-to-region", Map.of("E08000035", "E12000003")));
    assertEquals("E12000003", lookup.apply("E08000035"));
    assertEquals("*", lookup.apply("E99999999"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> GeneralisationLevels.resolve("lookup:lsoa11-to-la", NO_TABLES));
    assertTrue(missing.getMessage().contains("lsoa11-to-la"));
  }

  @Test
  void namesAreCheckedWithoutTables() {
    assertTrue(GeneralisationLevels.isLevelName("age-band-10y"));
    assertTrue(GeneralisationLevels.isLevelName("lookup:lsoa11-to-la"));
    assertFalse(GeneralisationLevels.isLevelName("decade"));
    assertFalse(GeneralisationLevels.isLevelName("age-band-0y"));
    assertEquals("10-year age bands (90 and over together)", GeneralisationLevels.describe("age-band-10y"));
  }
}
