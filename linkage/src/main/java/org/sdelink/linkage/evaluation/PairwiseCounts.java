package org.sdelink.linkage.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.Locale;

/**
 * Pairwise linkage-quality counts: true positives (pairs linked that are the same person), false positives
 * (linked, different people) and false negatives (same person, not linked), with precision, recall and F1.
 * With no predicted pairs precision is 1; with no true pairs recall is 1 (nothing claimed wrongly, nothing
 * missed).
 */
public record PairwiseCounts(long truePositives, long falsePositives, long falseNegatives) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final PairwiseCounts ZERO = new PairwiseCounts(0, 0, 0);

  public PairwiseCounts {
    checkArgument(truePositives >= 0 && falsePositives >= 0 && falseNegatives >= 0, "counts must be >= 0");
  }

  public double precision() {
    long predicted = truePositives + falsePositives;
    return predicted == 0 ? 1 : (double) truePositives / predicted;
  }

  public double recall() {
    long actual = truePositives + falseNegatives;
    return actual == 0 ? 1 : (double) truePositives / actual;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public PairwiseCounts plus(PairwiseCounts other) {
    return new PairwiseCounts(
        truePositives + other.truePositives,
        falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "TP=%d FP=%d FN=%d precision=%.4f recall=%.4f F1=%.4f",
        truePositives,
        falsePositives,
        falseNegatives,
        precision(),
        recall(),
        f1());
  }
}
