package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagnitudeTableCheckTest {
  private static final MagnitudeRules ACRO = MagnitudeRules.acroDefaults();

  private static EnumSet<AcroCheck> check(double... contributions) {
    return MagnitudeTableCheck.check(MagnitudeCell.of("r", "c", contributions), ACRO);
  }

  @Test
  void manyVariedContributorsPass() {
    assertEquals(EnumSet.noneOf(AcroCheck.class), check(120, 95, 90, 80, 75, 60, 55, 50, 40, 35, 30, 20));
  }

  @Test
  void fewerContributorsThanTheThresholdFail() {
    assertEquals(EnumSet.of(AcroCheck.THRESHOLD), check(50, 45, 40, 35, 30, 25, 20, 15, 10));
  }

  @Test
  void oneDominantContributorFailsBothDominanceRules() {
    // Others beyond the top two: 9 x 10 = 90, under 10% of 1000; top two 1000 + 10 = 1010 of 1100 > 90%.
    assertEquals(EnumSet.of(AcroCheck.P_RATIO, AcroCheck.NK_RULE),
        check(1000, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10));
  }

  @Test
  void twoLargeContributorsFailOnlyTheNkRule() {
    // Top two 500 + 450 = 950 of 1040 > 90%; the rest, 90, is 18% of the largest, above p = 10%.
    assertEquals(EnumSet.of(AcroCheck.NK_RULE), check(500, 450, 10, 10, 10, 10, 10, 10, 10, 10, 10));
  }

  @Test
  void largestCloselyEstimableFailsOnlyThePRatio() {
    // With ACRO's defaults (p 10%, n 2, k 90%) a p-ratio failure implies an n-k failure, so use p = 50%.
    MagnitudeRules strictP = new MagnitudeRules(10, 0.5, 2, 0.9, true);
    // The rest beyond the top two, 160, is 160% of the largest: passes.
    assertEquals(EnumSet.noneOf(AcroCheck.class), MagnitudeTableCheck.check(
        MagnitudeCell.of("r", "c", 100, 90, 20, 20, 20, 20, 20, 20, 20, 20), strictP));
    // The rest, 40, is 40% of the largest (< 50%); the top two, 190 of 230, are 82.6% (<= 90%).
    assertEquals(EnumSet.of(AcroCheck.P_RATIO), MagnitudeTableCheck.check(
        MagnitudeCell.of("r", "c", 100, 90, 5, 5, 5, 5, 5, 5, 5, 5), strictP));
  }

  @Test
  void emptyZeroNegativeAndIdenticalCells() {
    assertEquals(EnumSet.of(AcroCheck.THRESHOLD, AcroCheck.P_RATIO), check());
    assertEquals(EnumSet.of(AcroCheck.P_RATIO, AcroCheck.ALL_VALUES_ARE_SAME), check(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(EnumSet.of(AcroCheck.NEGATIVE), check(100, -5, 30, 30, 30, 30, 30, 30, 30, 30));
    assertEquals(EnumSet.of(AcroCheck.MISSING), check(100, Double.NaN, 30));
    assertEquals(EnumSet.of(AcroCheck.ALL_VALUES_ARE_SAME), check(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50));
  }

  @Test
  void tableLaysOutcomesOutByRowAndColumn() {
    AcroCellFlags flags = MagnitudeTableCheck.checkTable(List.of(
        MagnitudeCell.of("65-74", "E08000035", 120, 95, 90, 80, 75, 60, 55, 50, 40, 35, 30, 20),
        MagnitudeCell.of("65-74", "E09000001", 50, 45),
        MagnitudeCell.of("75-84", "E08000035", 1000, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10)), ACRO);
    assertEquals(List.of("65-74", "75-84"), flags.rowLabels());
    assertEquals(List.of("E08000035", "E09000001"), flags.columnLabels());
    assertEquals("ok", flags.outcomeText(0, 0));
    assertEquals("threshold; p-ratio; nk-rule; ", flags.outcomeText(0, 1));
    assertEquals("p-ratio; nk-rule; ", flags.outcomeText(1, 0));
    assertEquals("ok", flags.outcomeText(1, 1), "a cell with no data is not a cell of the table");
  }

  @Test
  void nonFiniteOrOutOfBoundsContributionsAreMissingNeverPublished() {
    // issue 15: Unit_Cost=1e309 made one contribution infinite; inf/inf is NaN, so p-ratio and n-k passed.
    double[] varied = {120, 95, 90, 80, 75, 60, 55, 50, 40, 35, 30};
    assertEquals(EnumSet.noneOf(AcroCheck.class), check(varied));
    for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        MagnitudeTableCheck.MAX_CONTRIBUTION * 1.5, 1e300}) {
      double[] withBad = java.util.Arrays.copyOf(varied, varied.length + 1);
      withBad[varied.length] = bad;
      assertEquals(EnumSet.of(AcroCheck.MISSING), check(withBad), "contribution " + bad);
    }
    // At the bound itself the value is a number like any other (here dominant, so the dominance rules fail).
    double[] atBound = java.util.Arrays.copyOf(varied, varied.length + 1);
    atBound[varied.length] = MagnitudeTableCheck.MAX_CONTRIBUTION;
    assertEquals(EnumSet.of(AcroCheck.P_RATIO, AcroCheck.NK_RULE), check(atBound));
  }

  @Test
  void finiteContributionsWhoseSumOverflowsAreMissing() {
    MagnitudeRules loose = new MagnitudeRules(1, 0.0, 2, 1.0, false);
    double[] huge = new double[3];
    java.util.Arrays.fill(huge, Double.MAX_VALUE);
    // Out of bounds already; the total check is the second line behind it.
    assertEquals(EnumSet.of(AcroCheck.MISSING), MagnitudeTableCheck.check(MagnitudeCell.of("r", "c", huge), loose));
  }
}
