package org.sdelink.linkage.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;

class ExpectationMaximisationTest {
  /** Four comparisons: two with three levels (exact, close, else), two with two (exact, else), no missing level. */
  private static final LinkageModel MODEL = TestModels.fromYaml("""
      name: em-test
      fields: [{name: f0}, {name: f1}, {name: f2}, {name: f3}]
      comparisons:
        - {name: c0, levels: [{type: exact, field: f0}, {type: jaro_winkler, field: f0, threshold: 0.9}, {type: else}]}
        - {name: c1, levels: [{type: exact, field: f1}, {type: jaro_winkler, field: f1, threshold: 0.9}, {type: else}]}
        - {name: c2, levels: [{type: exact, field: f2}, {type: else}]}
        - {name: c3, levels: [{type: exact, field: f3}, {type: else}]}
      blocking: [{name: f0, fields: [f0]}]
      thresholds: {match_weight: 5, ambiguity_margin: 1, max_cluster_size: 10}
      """);

  private static final double[][] TRUE_M = {{0.80, 0.15, 0.05}, {0.70, 0.20, 0.10}, {0.90, 0.10}, {0.85, 0.15}};
  private static final double[][] TRUE_U = {{0.01, 0.04, 0.95}, {0.02, 0.03, 0.95}, {0.05, 0.95}, {0.10, 0.90}};
  private static final double TRUE_LAMBDA = 0.2;

  /** Counts of comparison vectors drawn from the Fellegi-Sunter mixture with the true parameters. */
  private static VectorCounts simulate(int pairs, long seed) {
    Random random = new Random(seed);
    VectorCounts counts = VectorCounts.create();
    for (int i = 0; i < pairs; i++) {
      double[][] probabilities = random.nextDouble() < TRUE_LAMBDA ? TRUE_M : TRUE_U;
      int[] levels = new int[probabilities.length];
      for (int k = 0; k < probabilities.length; k++) {
        levels[k] = draw(probabilities[k], random);
      }
      counts.add(PairComparator.pack(levels));
    }
    return counts;
  }

  private static int draw(double[] probabilities, Random random) {
    double x = random.nextDouble();
    for (int l = 0; l < probabilities.length - 1; l++) {
      x -= probabilities[l];
      if (x < 0) {
        return l;
      }
    }
    return probabilities.length - 1;
  }

  @Test
  void recoversKnownMAndLambdaFromASimulatedMixture() {
    VectorCounts counts = simulate(200_000, 7);
    assertTrue(counts.asMap().size() <= 36, "at most 3*3*2*2 distinct vectors");
    EmSession session =
        ExpectationMaximisation.run(MODEL, LevelProbabilities.of(TRUE_U), counts, Set.of(), "simulated");
    assertTrue(session.converged());
    assertEquals(200_000, session.pairs());
    assertEquals(TRUE_LAMBDA, session.lambda(), 0.01);
    for (int k = 0; k < TRUE_M.length; k++) {
      assertTrue(session.estimated().get(k));
      for (int l = 0; l < TRUE_M[k].length; l++) {
        assertEquals(TRUE_M[k][l], session.m().get(k, l), 0.02, "m of comparison " + k + " level " + l);
      }
    }
  }

  @Test
  void excludedComparisonsAreNotEstimated() {
    EmSession session =
        ExpectationMaximisation.run(MODEL, LevelProbabilities.of(TRUE_U), simulate(50_000, 8), Set.of(2), "r");
    assertFalse(session.estimated().get(2));
    assertTrue(Double.isNaN(session.m().get(2, 0)));
    assertEquals(TRUE_M[0][0], session.m().get(0, 0), 0.03);
    assertEquals(Set.of(0), Set.copyOf(ExpectationMaximisation.comparisonsUsing(MODEL, MODEL.blockingRules().get(0))));
  }

  @Test
  void combineAveragesSessionsAndRefusesUnestimatedComparisons() {
    LevelProbabilities u = LevelProbabilities.of(TRUE_U);
    EmSession first = ExpectationMaximisation.run(MODEL, u, simulate(40_000, 9), Set.of(0), "first");
    EmSession second = ExpectationMaximisation.run(MODEL, u, simulate(40_000, 10), Set.of(1), "second");
    LevelProbabilities m = ExpectationMaximisation.combine(MODEL, List.of(first, second));
    assertEquals(second.m().get(0, 0), m.get(0, 0), 1e-12, "only the second session estimated c0");
    assertEquals(first.m().get(1, 0), m.get(1, 0), 1e-12, "only the first session estimated c1");
    assertEquals((first.m().get(2, 0) + second.m().get(2, 0)) / 2, m.get(2, 0), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpectationMaximisation.combine(MODEL, List.of(first)));
    assertTrue(e.getMessage().contains("c0"));
  }

  @Test
  void countsMergeAsIfCountedTogether() {
    VectorCounts a = simulate(1000, 11);
    VectorCounts b = simulate(2000, 12);
    VectorCounts together = VectorCounts.create().merge(a).merge(b);
    assertEquals(3000, together.total());
    VectorCounts rebuilt = VectorCounts.fromMap(together.asMap());
    assertEquals(together, rebuilt);
  }

  @Test
  void levelCountsGiveSmoothedU() {
    LevelCounts counts = LevelCounts.create(MODEL);
    for (int i = 0; i < 98; i++) {
      counts.add(PairComparator.pack(2, 2, 1, 1));
    }
    counts.add(PairComparator.pack(0, 1, 0, 1));
    LevelCounts other = LevelCounts.create(MODEL).add(PairComparator.pack(1, 2, 1, 0));
    LevelProbabilities u = counts.merge(other).toProbabilities();
    assertEquals(100, counts.pairs());
    assertEquals((1 + 0.5) / (100 + 1.5), u.get(0, 0), 1e-12);
    assertEquals((98 + 0.5) / (100 + 1.5), u.get(0, 2), 1e-12);
    assertEquals((0 + 0.5) / (100 + 1.5), u.get(1, 0), 1e-12, "never seen, but not zero");
    double sum = u.get(0, 0) + u.get(0, 1) + u.get(0, 2);
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void priorComesFromDeterministicLinksOverPossiblePairs() {
    assertEquals(900.0 / 0.9 / 1_000_000, PriorEstimate.fromDeterministicLinks(900, 1_000_000, 0.9), 1e-15);
    assertEquals(0.5, PriorEstimate.fromDeterministicLinks(10, 10, 1.0), 0, "bounded");
    assertThrows(IllegalArgumentException.class, () -> PriorEstimate.fromDeterministicLinks(1, 0, 1));
  }
}
