package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;

/**
 * Counts, per comparison, of how often each level applied among random pairs: the accumulator behind u
 * estimation. Mergeable, so a Beam stage can count samples in parallel. Not thread-safe.
 */
public final class LevelCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[][] counts;
  private final int[] missingLevel;
  private long pairs;

  private LevelCounts(LinkageModel model) {
    PairComparator comparator = PairComparator.create(model);
    counts = new long[comparator.comparisonCount()][];
    missingLevel = new int[comparator.comparisonCount()];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = new long[comparator.levelCount(k)];
      missingLevel[k] = comparator.missingLevel(k);
    }
  }

  /** Empty counts shaped for {@code model}. */
  public static LevelCounts create(LinkageModel model) {
    return new LevelCounts(model);
  }

  /** Counts the levels of one pair's comparison vector. */
  public LevelCounts add(long vector) {
    for (int k = 0; k < counts.length; k++) {
      counts[k][PairComparator.levelOf(vector, k)]++;
    }
    pairs++;
    return this;
  }

  /** Adds {@code other}'s counts (same model) to these; returns this. */
  public LevelCounts merge(LevelCounts other) {
    checkArgument(other.counts.length == counts.length, "level counts of different models");
    for (int k = 0; k < counts.length; k++) {
      for (int l = 0; l < counts[k].length; l++) {
        counts[k][l] += other.counts[k][l];
      }
    }
    pairs += other.pairs;
    return this;
  }

  public long pairs() {
    return pairs;
  }

  public long count(int comparison, int level) {
    return counts[comparison][level];
  }

  /**
   * The level probabilities among non-missing comparisons, each smoothed by half a pair ({@code (count + 0.5) /
   * (n + 0.5 L)} over the L non-missing levels) so that no level seen zero times gets an infinite weight.
   */
  public LevelProbabilities toProbabilities() {
    double[][] probabilities = new double[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      probabilities[k] = new double[counts[k].length];
      long compared = 0;
      int levels = 0;
      for (int l = 0; l < counts[k].length; l++) {
        if (l != missingLevel[k]) {
          compared += counts[k][l];
          levels++;
        }
      }
      for (int l = 0; l < counts[k].length; l++) {
        probabilities[k][l] =
            l == missingLevel[k] ? Double.NaN : (counts[k][l] + 0.5) / (compared + 0.5 * levels);
      }
    }
    return LevelProbabilities.of(probabilities);
  }
}
