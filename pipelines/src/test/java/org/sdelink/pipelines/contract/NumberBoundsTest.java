package org.sdelink.pipelines.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Numbers are finite and within the documented bounds (issue 15: Unit_Cost=1e309 was accepted and released). */
class NumberBoundsTest {
  private static Optional<RowRules.Failure> cld(String column, String value) {
    return RowRules.check(InputSource.CLD, Map.of(column, value));
  }

  private static Optional<RowRules.Failure> apc(String column, String value) {
    return RowRules.check(InputSource.APC, Map.of(column, value));
  }

  private static void outOfRange(Optional<RowRules.Failure> failure, String column, String value) {
    assertTrue(failure.isPresent(), column + "=" + value + " was accepted");
    assertEquals(column, failure.get().column());
    assertEquals("NUMBER_OUT_OF_RANGE", failure.get().reason());
    assertFalse(failure.get().message().contains(value), "the value is never quoted");
  }

  @Test
  void aCostOfTenToThe309IsRejectedNamingTheColumn() {
    outOfRange(cld("Unit_Cost", "1e309"), "Unit_Cost", "1e309");
    outOfRange(cld("Unit_Cost", "1000000.01"), "Unit_Cost", "1000000.01");
    assertTrue(cld("Unit_Cost", "1000000").isEmpty());
    assertTrue(cld("Unit_Cost", "1250.50").isEmpty());
    assertEquals("INVALID_NUMBER", cld("Unit_Cost", "Infinity").get().reason());
    assertEquals("INVALID_NUMBER", cld("Unit_Cost", "NaN").get().reason());
    assertEquals("NEGATIVE_COST", cld("Unit_Cost", "-1").get().reason());
  }

  @Test
  void hoursUnitsAndAdultsHaveUpperBounds() {
    outOfRange(cld("Total_Hrs_Caring_Per_Week", "168.5"), "Total_Hrs_Caring_Per_Week", "168.5");
    assertTrue(cld("Total_Hrs_Caring_Per_Week", "168").isEmpty());
    outOfRange(cld("Planned_Units_Per_Week", "1e4"), "Planned_Units_Per_Week", "1e4");
    assertTrue(cld("Planned_Units_Per_Week", "28.5").isEmpty());
    outOfRange(cld("No_of_adults_being_cared_for", "21"), "No_of_adults_being_cared_for", "21");
    outOfRange(cld("No_of_adults_being_cared_for", "1.5"), "No_of_adults_being_cared_for", "1.5");
    assertTrue(cld("No_of_adults_being_cared_for", "2").isEmpty());
    assertTrue(cld("No_of_adults_being_cared_for", "2.0").isEmpty());
  }

  @Test
  void apcNumbersFollowTheHesTos() {
    assertTrue(apc("EPIORDER", "1").isEmpty());
    assertTrue(apc("EPIORDER", "87").isEmpty());
    assertTrue(apc("EPIORDER", "99").isEmpty());
    outOfRange(apc("EPIORDER", "88"), "EPIORDER", "88");
    outOfRange(apc("EPIORDER", "0"), "EPIORDER", "0");
    assertTrue(apc("STARTAGE", "120").isEmpty());
    assertTrue(apc("STARTAGE", "7003").isEmpty());
    outOfRange(apc("STARTAGE", "121"), "STARTAGE", "121");
    outOfRange(apc("STARTAGE", "1e309"), "STARTAGE", "1e309");
    assertEquals("EPIORDER must be 1 to 87 or 98 to 99 (whole numbers) (docs/data-contracts.md)",
        apc("EPIORDER", "500").get().message());
  }
}
