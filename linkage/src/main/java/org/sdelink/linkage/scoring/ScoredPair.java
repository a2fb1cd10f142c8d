package org.sdelink.linkage.scoring;

import java.io.Serializable;

/**
 * A scored record pair: the two record keys ({@code source:id}), each comparison's level and partial weight, the
 * total match weight (prior log2 odds plus partial weights) and the match probability. Immutable.
 */
public final class ScoredPair implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String leftKey;
  private final String rightKey;
  private final byte[] levels;
  private final double[] partialWeights;
  private final double matchWeight;

  ScoredPair(String leftKey, String rightKey, byte[] levels, double[] partialWeights, double matchWeight) {
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.levels = levels;
    this.partialWeights = partialWeights;
    this.matchWeight = matchWeight;
  }

  /** The first record's key, {@code source:id}. */
  public String leftKey() {
    return leftKey;
  }

  /** The second record's key, {@code source:id}. */
  public String rightKey() {
    return rightKey;
  }

  public int comparisonCount() {
    return levels.length;
  }

  /** The level of comparison {@code comparison} that applied. */
  public int level(int comparison) {
    return levels[comparison];
  }

  /** The partial match weight of comparison {@code comparison} (term-frequency adjusted where applicable). */
  public double partialWeight(int comparison) {
    return partialWeights[comparison];
  }

  /** Prior log2 odds plus all partial weights. */
  public double matchWeight() {
    return matchWeight;
  }

  /** {@code 2^w / (1 + 2^w)} for match weight w. */
  public double matchProbability() {
    return PairScorer.probability(matchWeight);
  }

  @Override
  public String toString() {
    return "ScoredPair{" + leftKey + " ~ " + rightKey + ", weight=" + matchWeight + "}";
  }
}
