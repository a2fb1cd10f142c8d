package org.sdelink.linkage.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.linkage.TestModels.levelsRecord;

import org.junit.jupiter.api.Test;
import org.sdelink.linkage.PseudonymisedRows;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LevelSpec;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.BloomFilterBits;
import org.sdelink.linkage.record.LinkRecord;

class ComparisonLevelsTest {
  private static final LinkageModel MODEL = TestModels.levels();

  private static boolean matches(String comparison, int level, LinkRecord a, LinkRecord b) {
    LevelSpec spec = MODEL.comparisons().stream()
        .filter(c -> c.name().equals(comparison)).findFirst().orElseThrow().levels().get(level);
    boolean forward = ComparisonLevels.compile(spec, MODEL).matches(a, b);
    assertEquals(forward, ComparisonLevels.compile(spec, MODEL).matches(b, a), "levels are symmetric");
    return forward;
  }

  @Test
  void missingAppliesOnlyWhenNoListedFieldIsPresentOnBothSides() {
    LinkRecord empty = levelsRecord("1");
    LinkRecord onlyA = levelsRecord("2", "a", "x");
    LinkRecord onlyB = levelsRecord("3", "b", "y");
    LinkRecord both = levelsRecord("4", "a", "x", "b", "y");
    assertTrue(matches("ab", 0, empty, both));
    assertTrue(matches("ab", 0, onlyA, onlyB)); // a on one side, b on the other: nothing comparable
    assertFalse(matches("ab", 0, onlyA, both));
    assertFalse(matches("ab", 0, both, both));
  }

  @Test
  void exactNeedsEveryFieldPresentAndEqual() {
    LinkRecord xy = levelsRecord("1", "a", "x", "b", "y");
    LinkRecord xy2 = levelsRecord("2", "a", "x", "b", "y");
    LinkRecord xz = levelsRecord("3", "a", "x", "b", "z");
    LinkRecord xOnly = levelsRecord("4", "a", "x");
    assertTrue(matches("ab", 1, xy, xy2));
    assertFalse(matches("ab", 1, xy, xz));
    assertFalse(matches("ab", 1, xOnly, levelsRecord("5", "a", "x")));
    assertTrue(matches("ab", 2, xy, xz));
    assertFalse(matches("ab", 2, xy, levelsRecord("6", "a", "X")));
    assertFalse(matches("ab", 2, levelsRecord("7"), levelsRecord("8")), "missing equals nothing");
  }

  @Test
  void phoneticNeedsAnyListedFieldEqual() {
    LinkRecord bc = levelsRecord("1", "b", "p", "c", "q");
    assertTrue(matches("ab", 3, bc, levelsRecord("2", "b", "other", "c", "q")));
    assertTrue(matches("ab", 3, bc, levelsRecord("3", "b", "p")));
    assertFalse(matches("ab", 3, bc, levelsRecord("4", "b", "r", "c", "s")));
  }

  @Test
  void tokenOverlapComparesWholeTokens() {
    LinkRecord smithJones = levelsRecord("1", "tokens", "tokA tokB");
    assertTrue(matches("tokens", 0, smithJones, levelsRecord("2", "tokens", "tokC tokB")));
    assertTrue(matches("tokens", 0, smithJones, levelsRecord("3", "tokens", "tokA")));
    assertFalse(matches("tokens", 0, smithJones, levelsRecord("4", "tokens", "tok tokAB")));
    assertFalse(matches("tokens", 0, smithJones, levelsRecord("5")));
  }

  @Test
  void bloomDiceUsesThresholds() {
    String jonathan = PseudonymisedRows.bloom("jonathan");
    String jonathon = PseudonymisedRows.bloom("jonathon");
    String mary = PseudonymisedRows.bloom("mary");
    LinkRecord a = levelsRecord("1", "bl", jonathan);
    LinkRecord same = levelsRecord("2", "bl", jonathan);
    LinkRecord near = levelsRecord("3", "bl", jonathon);
    LinkRecord far = levelsRecord("4", "bl", mary);
    double nearDice = BloomFilterBits.dice(a.bloom(a.layout().indexOf("bl")), near.bloom(near.layout().indexOf("bl")));
    assertTrue(nearDice >= 0.6 && nearDice < 0.9, "jonathan ~ jonathon dice " + nearDice);
    assertTrue(matches("bloom", 1, a, same));
    assertFalse(matches("bloom", 1, a, near));
    assertTrue(matches("bloom", 2, a, near));
    assertFalse(matches("bloom", 2, a, far));
    assertTrue(matches("bloom", 0, a, levelsRecord("5")));
  }

  @Test
  void stringSimilarityLevelsUseJaroWinklerAndBigramDice() {
    LinkRecord martha = levelsRecord("1", "text", "martha");
    assertTrue(matches("text", 1, martha, levelsRecord("2", "text", "marhta"))); // JW 0.961
    assertFalse(matches("text", 1, martha, levelsRecord("3", "text", "marcia"))); // JW 0.844
    LinkRecord night = levelsRecord("4", "text", "night");
    assertTrue(matches("text", 2, night, levelsRecord("5", "text", "nacht"))); // dice exactly 0.5
    assertFalse(matches("text", 2, night, levelsRecord("6", "text", "day")));
  }

  @Test
  void dateLevelsSeeExactSwappedTwoOfThreeAndNearYears() {
    LinkRecord march11 = levelsRecord("1", "d", "19510311");
    LinkRecord march11Iso = levelsRecord("2", "d", "1951-03-11");
    LinkRecord november3 = levelsRecord("3", "d", "1951-11-03");
    LinkRecord march12 = levelsRecord("4", "d", "1951-03-12");
    LinkRecord nextYear = levelsRecord("5", "d", "1952-07-30");
    LinkRecord farYear = levelsRecord("6", "d", "1955-03-30");
    assertTrue(matches("date", 1, march11, march11Iso));
    assertFalse(matches("date", 1, march11, november3));
    assertTrue(matches("date", 2, march11, november3));
    assertFalse(matches("date", 2, march11, march11Iso), "an equal date is not a swap");
    assertTrue(matches("date", 3, march11, march12));
    assertFalse(matches("date", 3, march11, farYear), "only the month agrees");
    assertTrue(matches("date", 4, march11, nextYear));
    assertFalse(matches("date", 4, march11, farYear));
    assertTrue(matches("date", 0, march11, levelsRecord("7", "d", "not a date")));
  }

  @Test
  void yearWithinReadsClearWholeNumbers() {
    LinkRecord y1950 = levelsRecord("1", "year", "1950");
    assertTrue(matches("year", 0, y1950, levelsRecord("2", "year", "1952")));
    assertFalse(matches("year", 0, y1950, levelsRecord("3", "year", "1953")));
    assertFalse(matches("year", 0, y1950, levelsRecord("4", "year", "19x2")));
    assertFalse(matches("year", 0, y1950, levelsRecord("5")));
  }

  @Test
  void elseAlwaysApplies() {
    assertTrue(matches("ab", 4, levelsRecord("1"), levelsRecord("2", "a", "x")));
  }

  @Test
  void theFirstApplicableLevelWins() {
    PairComparator comparator = PairComparator.create(MODEL);
    int date = 4;
    assertEquals(1, comparator.level(date, levelsRecord("1", "d", "19510311"), levelsRecord("2", "d", "19510311")));
    assertEquals(2, comparator.level(date, levelsRecord("1", "d", "19510311"), levelsRecord("2", "d", "19511103")));
    assertEquals(5, comparator.level(date, levelsRecord("1", "d", "19510311"), levelsRecord("2", "d", "19800101")));
    long vector = comparator.vector(levelsRecord("1", "a", "x", "d", "19510311"), levelsRecord("2", "a", "x"));
    assertEquals(2, PairComparator.levelOf(vector, 0));
    assertEquals(0, PairComparator.levelOf(vector, date));
    assertEquals(PairComparator.pack(2, 1, 0, 0, 0, 1), vector);
  }

  @Test
  void partialDateAgreementIsExactOrSwappedOrTwoOfThree() {
    ComparisonLevel check = ComparisonLevels.partialDateAgreement(MODEL, "d");
    LinkRecord date = levelsRecord("1", "d", "19510311");
    assertTrue(check.matches(date, levelsRecord("2", "d", "19510311")));
    assertTrue(check.matches(date, levelsRecord("3", "d", "19511103")));
    assertTrue(check.matches(date, levelsRecord("4", "d", "19520311")));
    assertFalse(check.matches(date, levelsRecord("5", "d", "19620412")));
  }

  @Test
  void stringSimilaritiesMatchPublishedValues() {
    assertEquals(0.9611, StringSimilarity.jaroWinkler("martha", "marhta"), 1e-4);
    assertEquals(0.8400, StringSimilarity.jaroWinkler("dwayne", "duane"), 1e-4);
    assertEquals(0.8133, StringSimilarity.jaroWinkler("dixon", "dicksonx"), 1e-4);
    assertEquals(0.5, StringSimilarity.bigramDice("night", "nacht"), 1e-12);
    assertEquals(1.0, StringSimilarity.bigramDice("same", "same"), 1e-12);
    assertEquals(0.0, StringSimilarity.jaroWinkler("abc", "xyz"), 1e-12);
  }
}
