package org.sdelink.linkage.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.linkage.TestModels.levelsRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

class PairScorerTest {
  private static final LinkageModel MODEL = TestModels.levels();
  private static final double PRIOR = 1.0 / 1025;

  /** m = 0.5 at the strongest level of each comparison, spread evenly below; u = 0.01 then spread. */
  private static ModelParameters parameters() {
    double[][] m = new double[MODEL.comparisons().size()][];
    double[][] u = new double[m.length][];
    for (int k = 0; k < m.length; k++) {
      int levels = MODEL.comparisons().get(k).levels().size();
      m[k] = new double[levels];
      u[k] = new double[levels];
      for (int l = 0; l < levels; l++) {
        m[k][l] = l == levels - 1 ? 0.1 : 0.5 / (l + 1);
        u[k][l] = l == levels - 1 ? 0.9 : 0.01 * (l + 1);
      }
    }
    return ModelParameters.of(MODEL, PRIOR, "supplied", LevelProbabilities.of(m), LevelProbabilities.of(u), null);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void matchWeightIsPriorPlusLog2MOverUOfEachLevel() {
    ModelParameters parameters = parameters();
    PairScorer scorer = PairScorer.create(MODEL, parameters, TermFrequencies.none());
    LinkRecord a = levelsRecord("1", "a", "x", "b", "y", "text", "martha", "d", "19500101", "year", "1950");
    LinkRecord b = levelsRecord("2", "a", "x", "b", "y", "text", "martha", "d", "19600505", "year", "1990");
    ScoredPair pair = scorer.score(a, b);
    assertEquals(log2(PRIOR / (1 - PRIOR)), scorer.priorWeight(), 1e-12);
    assertEquals(-10.0, scorer.priorWeight(), 1e-12);
    double expected = scorer.priorWeight();
    for (int k = 0; k < pair.comparisonCount(); k++) {
      int level = pair.level(k);
      double partial = MODEL.isMissingLevel(k, level)
          ? 0 : log2(parameters.m().get(k, level) / parameters.u().get(k, level));
      assertEquals(partial, pair.partialWeight(k), 1e-12, "comparison " + k);
      expected += partial;
    }
    assertEquals(1, pair.level(0), "a and b both equal");
    assertEquals(0, pair.level(2), "no Bloom filters: missing");
    assertEquals(0.0, pair.partialWeight(2), 0);
    assertEquals(expected, pair.matchWeight(), 1e-12);
    assertEquals(pair.matchWeight(), scorer.matchWeight(a, b), 1e-12);
    assertEquals(1 / (1 + Math.pow(2, -expected)), pair.matchProbability(), 1e-12);
    assertEquals("s:1", pair.leftKey());
  }

  @Test
  void exactMatchesOnCommonValuesWeighLessWithTermFrequencies() {
    List<LinkRecord> population = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      population.add(levelsRecord("c" + i, "a", "common"));
    }
    for (int i = 0; i < 10; i++) {
      population.add(levelsRecord("r" + i, "a", "rare" + i));
    }
    TermFrequencies frequencies = TermFrequencies.fromRecords(population, MODEL.termFrequencyFields());
    assertEquals(0.9, frequencies.frequency("a", "common"), 1e-12);
    assertEquals(0.01, frequencies.frequency("a", "rare3"), 1e-12);
    assertTrue(Double.isNaN(frequencies.frequency("a", "unseen")));

    ModelParameters parameters = parameters();
    PairScorer scorer = PairScorer.create(MODEL, parameters, frequencies);
    ScoredPair common = scorer.score(levelsRecord("1", "a", "common"), levelsRecord("2", "a", "common"));
    ScoredPair rare = scorer.score(levelsRecord("1", "a", "rare3"), levelsRecord("2", "a", "rare3"));
    ScoredPair unseen = scorer.score(levelsRecord("1", "a", "unseen"), levelsRecord("2", "a", "unseen"));
    assertEquals(2, common.level(0), "level 'a' (exact, tf_adjust)");
    double m = parameters.m().get(0, 2);
    assertEquals(log2(m / 0.9), common.partialWeight(0), 1e-12);
    assertEquals(log2(m / 0.01), rare.partialWeight(0), 1e-12);
    assertEquals(log2(m / parameters.u().get(0, 2)), unseen.partialWeight(0), 1e-12, "unknown value: level u");
    assertTrue(rare.matchWeight() > common.matchWeight());
    assertTrue(scorer.waterfall(rare).steps().get(0).termFrequencyAdjusted());
    assertFalse(scorer.waterfall(unseen).steps().get(0).termFrequencyAdjusted());
  }

  @Test
  void waterfallsShowLabelsAndWeightsButNoValues() {
    PairScorer scorer = PairScorer.create(MODEL, parameters(), TermFrequencies.none());
    ScoredPair pair = scorer.score(levelsRecord("1", "a", "secretvalue", "d", "19500101"),
        levelsRecord("2", "a", "secretvalue", "d", "19500101"));
    Waterfall waterfall = scorer.waterfall(pair);
    assertEquals(MODEL.comparisons().size(), waterfall.steps().size());
    assertEquals("a", waterfall.steps().get(0).level());
    assertEquals("dob_exact d", waterfall.steps().get(4).level());
    assertEquals(pair.matchWeight(), waterfall.matchWeight(), 0);
    assertFalse(waterfall.toString().contains("secretvalue"));
    assertTrue(waterfall.toString().startsWith("prior -10.00 | ab: a"));
  }

  @Test
  void refusesRecordsNotBuiltForTheModelAndParametersOfAnotherModel() {
    PairScorer scorer = PairScorer.create(MODEL, parameters(), TermFrequencies.none());
    LinkRecord foreign = LinkRecord.of(LinkageModel.defaultCldApc().layout(), "x", "cld", Map.of());
    assertThrows(IllegalArgumentException.class, () -> scorer.score(levelsRecord("1"), foreign));
    assertThrows(IllegalArgumentException.class,
        () -> PairScorer.create(LinkageModel.defaultCldApc(), parameters(), TermFrequencies.none()));
  }
}
