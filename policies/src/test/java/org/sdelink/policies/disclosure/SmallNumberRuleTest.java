package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmallNumberRuleTest {
  private final SmallNumberRule hes = SmallNumberRule.hes();

  @Test
  void oneToSevenAreSmallZeroIsNot() {
    assertFalse(hes.isSmall(0));
    for (int count = 1; count <= 7; count++) {
      assertTrue(hes.isSmall(count));
    }
    assertFalse(hes.isSmall(8));
  }

  @Test
  void roundsToTheNearestFiveHalvesUp() {
    assertEquals(0, hes.round(0));
    assertEquals(10, hes.round(8));
    assertEquals(10, hes.round(12));
    assertEquals(15, hes.round(13));
    assertEquals(1235, hes.round(1234));
    assertEquals(1235, hes.round(1237));
    assertEquals(1240, hes.round(1238));
  }
}
