package org.sdelink.linkage.scoring;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.ComparisonSpec;
import org.sdelink.linkage.model.LevelSpec;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Fellegi-Sunter scoring of record pairs under a model and its parameters. Each comparison contributes the partial
 * weight {@code log2(m/u)} of the level that applies (0 at a missing level); at an exact level marked {@code
 * tf_adjust}, u is replaced by the frequency of the agreed value, as Splink does. The match weight is the prior
 * log2 odds plus the partial weights. Weights are precomputed per level; {@link #matchWeight} does not allocate.
 * Serializable and thread-safe.
 */
public final class PairScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Probabilities below this are raised to it before taking logs, so no weight is infinite. */
  static final double PROBABILITY_FLOOR = 1e-10;

  private static final double LN2 = Math.log(2);

  private final PairComparator comparator;
  private final double priorWeight;
  private final double[][] weights;
  private final double[][] log2m;
  private final int[][] tfFields;
  private final ImmutableMap<String, Double>[][] tfTables;
  private final ImmutableList<String> comparisonNames;
  private final ImmutableList<ImmutableList<String>> levelLabels;

  @SuppressWarnings("unchecked")
  private PairScorer(LinkageModel model, ModelParameters parameters, TermFrequencies termFrequencies) {
    parameters.checkCompatibleWith(model);
    this.comparator = PairComparator.create(model);
    this.priorWeight = parameters.priorMatchWeight();
    this.comparisonNames = ImmutableList.copyOf(model.comparisonNames());
    this.levelLabels = model.levelLabels();
    List<ComparisonSpec> comparisons = model.comparisons();
    this.weights = new double[comparisons.size()][];
    this.log2m = new double[comparisons.size()][];
    this.tfFields = new int[comparisons.size()][];
    this.tfTables = new ImmutableMap[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      List<LevelSpec> levels = comparisons.get(k).levels();
      weights[k] = new double[levels.size()];
      log2m[k] = new double[levels.size()];
      tfFields[k] = new int[levels.size()];
      tfTables[k] = new ImmutableMap[levels.size()];
      for (int l = 0; l < levels.size(); l++) {
        tfFields[k][l] = -1;
        if (model.isMissingLevel(k, l)) {
          continue;
        }
        double m = Math.max(parameters.m().get(k, l), PROBABILITY_FLOOR);
        double u = Math.max(parameters.u().get(k, l), PROBABILITY_FLOOR);
        log2m[k][l] = log2(m);
        weights[k][l] = log2m[k][l] - log2(u);
        LevelSpec level = levels.get(l);
        if (level.tfAdjust()) {
          ImmutableMap<String, Double> table = termFrequencies.table(model.termFrequencyField(level));
          if (table != null) {
            tfFields[k][l] = model.layout().indexOf(model.termFrequencyField(level));
            tfTables[k][l] = table;
          }
        }
      }
    }
  }

  /**
   * A scorer for {@code model} with {@code parameters}; {@code termFrequencies} may be {@link
   * TermFrequencies#none()}.
   *
   * @throws IllegalArgumentException if the parameters were estimated for a different model
   */
  public static PairScorer create(
      LinkageModel model, ModelParameters parameters, TermFrequencies termFrequencies) {
    checkNotNull(model, "model");
    checkNotNull(parameters, "parameters");
    checkNotNull(termFrequencies, "termFrequencies");
    return new PairScorer(model, parameters, termFrequencies);
  }

  /** The comparator whose levels this scorer weighs. */
  public PairComparator comparator() {
    return comparator;
  }

  /** The prior log2 odds. */
  public double priorWeight() {
    return priorWeight;
  }

  /** The partial weight of a level without term-frequency adjustment (0 at a missing level). */
  public double partialWeight(int comparison, int level) {
    return weights[comparison][level];
  }

  /** Scores a pair; {@code a} is reported as the left record. */
  public ScoredPair score(LinkRecord a, LinkRecord b) {
    int comparisons = weights.length;
    byte[] levels = new byte[comparisons];
    double[] partials = new double[comparisons];
    long vector = comparator.vector(a, b);
    double total = priorWeight;
    for (int k = 0; k < comparisons; k++) {
      int level = PairComparator.levelOf(vector, k);
      levels[k] = (byte) level;
      partials[k] = weight(k, level, a);
      total += partials[k];
    }
    return new ScoredPair(a.key(), b.key(), levels, partials, total);
  }

  /** The match weight of a pair, without building a {@link ScoredPair}. */
  public double matchWeight(LinkRecord a, LinkRecord b) {
    long vector = comparator.vector(a, b);
    double total = priorWeight;
    for (int k = 0; k < weights.length; k++) {
      total += weight(k, PairComparator.levelOf(vector, k), a);
    }
    return total;
  }

  /** The match weight of a comparison vector, without term-frequency adjustment. */
  public double matchWeight(long vector) {
    double total = priorWeight;
    for (int k = 0; k < weights.length; k++) {
      total += weights[k][PairComparator.levelOf(vector, k)];
    }
    return total;
  }

  private double weight(int comparison, int level, LinkRecord a) {
    int tfField = tfFields[comparison][level];
    if (tfField >= 0) {
      Double frequency = tfTables[comparison][level].get(a.value(tfField));
      if (frequency != null) {
        return log2m[comparison][level] - log2(Math.max(frequency, PROBABILITY_FLOOR));
      }
    }
    return weights[comparison][level];
  }

  /** The waterfall of a pair this scorer scored: prior, then each comparison's level label and weight. */
  public Waterfall waterfall(ScoredPair pair) {
    List<Waterfall.Step> steps = new ArrayList<>();
    for (int k = 0; k < pair.comparisonCount(); k++) {
      int level = pair.level(k);
      steps.add(new Waterfall.Step(
          comparisonNames.get(k),
          levelLabels.get(k).get(level),
          pair.partialWeight(k),
          tfFields[k][level] >= 0 && pair.partialWeight(k) != weights[k][level]));
    }
    return new Waterfall(priorWeight, steps, pair.matchWeight());
  }

  /** {@code 2^w / (1 + 2^w)}. */
  public static double probability(double matchWeight) {
    return 1 / (1 + Math.pow(2, -matchWeight));
  }

  static double log2(double x) {
    return Math.log(x) / LN2;
  }

  /** The level labels, per comparison (for reports). */
  public Map<String, ImmutableList<String>> levelLabels() {
    ImmutableMap.Builder<String, ImmutableList<String>> labels = ImmutableMap.builder();
    for (int k = 0; k < comparisonNames.size(); k++) {
      labels.put(comparisonNames.get(k), levelLabels.get(k));
    }
    return labels.buildOrThrow();
  }
}
