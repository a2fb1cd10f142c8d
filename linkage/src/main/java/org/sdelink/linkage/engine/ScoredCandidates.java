package org.sdelink.linkage.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import org.sdelink.linkage.blocking.Blocking;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.blocking.PairFilter;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.cascade.DeterministicCascade;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.TermFrequencies;

/**
 * The scoring step both in-memory linkers share ({@link ClusteringLinker}, {@link InMemoryLinker}): the candidate
 * pairs of the blocking rules, each pair's cascade step, the parameters (given, or estimated once the cascade's
 * links are counted) and each pair's match weight. Cascade and weights are computed on all cores into arrays
 * indexed by pair, so everything downstream reads them in the blocking order: the outputs are the same whatever the
 * number of threads.
 */
final class ScoredCandidates {
  private final ImmutableList<RecordPair> pairs;
  private final String[] steps;
  private final double[] weights;
  private final ImmutableMap<String, Long> pairsByRule;
  private final long deterministicPairs;
  private final ModelParameters parameters;
  private final PairScorer scorer;

  private ScoredCandidates(
      ImmutableList<RecordPair> pairs, String[] steps, double[] weights, ImmutableMap<String, Long> pairsByRule,
      long deterministicPairs, ModelParameters parameters, PairScorer scorer) {
    this.pairs = pairs;
    this.steps = steps;
    this.weights = weights;
    this.pairsByRule = pairsByRule;
    this.deterministicPairs = deterministicPairs;
    this.parameters = parameters;
    this.scorer = scorer;
  }

  /**
   * Blocks, runs the cascade on and scores the pairs of {@code records} that {@code filter} keeps.
   *
   * @param given parameters to score with, checked against the model; if empty, {@code estimate} is called with
   *     the number of candidate pairs the cascade links
   */
  static ScoredCandidates of(
      List<LinkRecord> records, LinkageModel model, PairFilter filter, Optional<ModelParameters> given,
      LongFunction<ModelParameters> estimate) {
    List<BlockingRule> rules = model.blockingRules();
    List<RecordPair> found = new ArrayList<>();
    long[] countByRule = new long[rules.size()];
    Blocking.candidatePairs(records, rules, filter, (pair, rule) -> {
      found.add(pair);
      countByRule[rule]++;
    });
    ImmutableMap.Builder<String, Long> pairsByRule = ImmutableMap.builder();
    for (int rule = 0; rule < rules.size(); rule++) {
      pairsByRule.put(rules.get(rule).name(), countByRule[rule]);
    }
    ImmutableList<RecordPair> pairs = ImmutableList.copyOf(found);
    DeterministicCascade cascade = DeterministicCascade.create(model);
    String[] steps = new String[pairs.size()];
    IntStream.range(0, pairs.size()).parallel()
        .forEach(i -> steps[i] = cascade.firstMatchingStepOrNull(pairs.get(i).left(), pairs.get(i).right()));
    long deterministicPairs = 0;
    for (String step : steps) {
      if (step != null) {
        deterministicPairs++;
      }
    }
    ModelParameters parameters;
    if (given.isPresent()) {
      parameters = given.get();
      parameters.checkCompatibleWith(model);
    } else {
      parameters = estimate.apply(deterministicPairs);
    }
    PairScorer scorer =
        PairScorer.create(model, parameters, TermFrequencies.fromRecords(records, model.termFrequencyFields()));
    double[] weights = new double[pairs.size()];
    IntStream.range(0, pairs.size()).parallel()
        .forEach(i -> weights[i] = scorer.matchWeight(pairs.get(i).left(), pairs.get(i).right()));
    return new ScoredCandidates(pairs, steps, weights, pairsByRule.buildOrThrow(), deterministicPairs, parameters,
        scorer);
  }

  /** The candidate pairs, in blocking order (by rule, then key, then input order). */
  ImmutableList<RecordPair> pairs() {
    return pairs;
  }

  int size() {
    return pairs.size();
  }

  RecordPair pair(int i) {
    return pairs.get(i);
  }

  /** The cascade step that links pair {@code i}, or null. */
  String step(int i) {
    return steps[i];
  }

  /** The match weight of pair {@code i} (prior included). */
  double weight(int i) {
    return weights[i];
  }

  /**
   * Whether pair {@code i} may become a link: a cascade pair always; a probabilistic pair unless {@code
   * thresholds.must_not_differ} vetoes it at its weight.
   */
  boolean notVetoed(int i, LinkageModel model) {
    return steps[i] != null || !model.vetoesProbabilisticLink(pairs.get(i).left(), pairs.get(i).right(), weights[i]);
  }

  /** Candidate pairs per blocking rule, in rule order. */
  ImmutableMap<String, Long> pairsByRule() {
    return pairsByRule;
  }

  long deterministicPairs() {
    return deterministicPairs;
  }

  ModelParameters parameters() {
    return parameters;
  }

  PairScorer scorer() {
    return scorer;
  }
}
