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
    LevelCounts sample = sample(MODEL, simulate(1000, 13));
    LevelProbabilities m = ExpectationMaximisation.combine(MODEL, List.of(first, second), sample);
    assertEquals(second.m().get(0, 0), m.get(0, 0), 1e-12, "only the second session estimated c0");
    assertEquals(first.m().get(1, 0), m.get(1, 0), 1e-12, "only the first session estimated c1");
    assertEquals((first.m().get(2, 0) + second.m().get(2, 0)) / 2, m.get(2, 0), 1e-12);
    UnestimatedComparisonsException e = assertThrows(UnestimatedComparisonsException.class,
        () -> ExpectationMaximisation.combine(MODEL, List.of(first), sample));
    assertEquals(List.of("c0"), e.comparisons());
    assertTrue(e.getMessage().contains("c0") && e.getMessage().contains("supply parameters"));
  }

  /** One source has no value for f1 (as HES has no names): c1 is missing on every pair and keeps its start m. */
  private static final LinkageModel ONE_SIDED = TestModels.fromYaml("""
      name: one-sided
      fields: [{name: f0}, {name: f1}, {name: f2}]
      comparisons:
        - {name: c0, levels: [{type: missing, fields: [f0]}, {type: exact, field: f0}, {type: else}]}
        - {name: c1, levels: [{type: missing, fields: [f1]}, {type: exact, field: f1}, {type: else}]}
        - {name: c2, levels: [{type: missing, fields: [f2]}, {type: exact, field: f2}, {type: else}]}
      blocking: [{name: f0, fields: [f0]}, {name: f1, fields: [f1]}]
      thresholds: {match_weight: 5, ambiguity_margin: 1, max_cluster_size: 10}
      """);

  @Test
  void aComparisonNoSampledPairCanEvaluateKeepsItsStartingM() {
    // c1 (f1) is missing on every pair; sessions of rule f0 leave out c0, rule f1 finds no pairs at all.
    LevelCounts sample = LevelCounts.create(ONE_SIDED);
    VectorCounts pairs = VectorCounts.create();
    Random random = new Random(21);
    for (int i = 0; i < 2000; i++) {
      boolean match = random.nextDouble() < 0.3;
      int c0 = random.nextDouble() < (match ? 0.9 : 0.05) ? 1 : 2;
      int c2 = random.nextDouble() < (match ? 0.9 : 0.1) ? 1 : 2;
      long vector = PairComparator.pack(new int[] {c0, 0, c2});
      sample.add(PairComparator.pack(new int[] {random.nextDouble() < 0.05 ? 1 : 2, 0, c2}));
      pairs.add(vector);
    }
    LevelProbabilities u = sample.toProbabilities();
    EmSession f0 = ExpectationMaximisation.run(ONE_SIDED, u, pairs,
        ExpectationMaximisation.comparisonsUsing(ONE_SIDED, ONE_SIDED.blockingRules().get(0)), "f0");
    EmSession f1 = ExpectationMaximisation.run(ONE_SIDED, u, VectorCounts.create(),
        ExpectationMaximisation.comparisonsUsing(ONE_SIDED, ONE_SIDED.blockingRules().get(1)), "f1");
    assertFalse(f0.estimated().get(1), "c1 has no evaluated pair");
    assertTrue(f0.estimated().get(2));
    // c0 is evaluated by sampled pairs but estimated by no session: refused, naming it.
    UnestimatedComparisonsException e = assertThrows(UnestimatedComparisonsException.class,
        () -> ExpectationMaximisation.combine(ONE_SIDED, List.of(f0, f1), sample));
    assertEquals(List.of("c0"), e.comparisons());
    // A session on the f1 rule's pairs that does estimate c0: c1 then keeps its starting m, c0 and c2 are EM's.
    EmSession c0Session = ExpectationMaximisation.run(ONE_SIDED, u, pairs, Set.of(), "all");
    LevelProbabilities m = ExpectationMaximisation.combine(ONE_SIDED, List.of(f0, c0Session), sample);
    LevelProbabilities start = ExpectationMaximisation.startingM(ONE_SIDED);
    assertEquals(start.get(1, 1), m.get(1, 1), 1e-12);
    assertEquals(start.get(1, 2), m.get(1, 2), 1e-12);
    assertEquals(c0Session.m().get(0, 1), m.get(0, 1), 1e-12);
    assertTrue(m.get(0, 1) > 0.8, "EM learnt c0's m " + m.get(0, 1));
  }

  private static LevelCounts sample(LinkageModel model, VectorCounts vectors) {
    LevelCounts counts = LevelCounts.create(model);
    vectors.asMap().forEach((vector, n) -> {
      for (long i = 0; i < n; i++) {
        counts.add(vector);
      }
    });
    return counts;
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
