package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AscofMeasureValueTest {
  @Test
  void percentageRoundsHalfAwayFromZeroToOneDecimal() {
    assertEquals("33.3", MeasureValue.percentage(1, 3).valueText());
    assertEquals("66.7", MeasureValue.percentage(2, 3).valueText());
    assertEquals("6.3", MeasureValue.percentage(1, 16).valueText()); // 6.25
    assertEquals("100.0", MeasureValue.percentage(7, 7).valueText());
    assertEquals("0.0", MeasureValue.percentage(0, 7).valueText());
  }

  @Test
  void zeroDenominatorIsBlankWithItsReason() {
    MeasureValue value = MeasureValue.percentage(0, 0);
    assertEquals("", value.valueText());
    assertEquals("0", value.denominatorText());
    assertEquals(MeasureValue.ZERO_DENOMINATOR, value.blankReason());
  }

  @Test
  void rateNeedsAPopulation() {
    MeasureValue blank = MeasureValue.perHundredThousand(12, Optional.empty());
    assertEquals("", blank.valueText());
    assertEquals("", blank.denominatorText());
    assertEquals(MeasureValue.NO_POPULATION, blank.blankReason());
    MeasureValue rate = MeasureValue.perHundredThousand(12, Optional.of(250_000L));
    assertEquals("4.8", rate.valueText());
    assertEquals("250000", rate.denominatorText());
    assertEquals("", rate.blankReason());
  }

  @Test
  void aValueAndABlankReasonExcludeEachOther() {
    assertThrows(IllegalArgumentException.class, () -> new MeasureValue(1, 2L, null, ""));
    assertThrows(IllegalArgumentException.class, () -> MeasureValue.percentage(-1, 2));
  }
}
