package org.sdelink.linkage.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.Locale;

/**
 * Pairwise linkage-quality counts: true positives (pairs linked that are the same person), false positives
 * (linked, different people) and false negatives (same person, not linked), with precision, recall and F1.
 * With no predicted pairs precision is undefined, and with no true pairs recall is undefined: {@link
 * #precision()} and {@link #recall()} then return 1 (nothing claimed wrongly, nothing missed) for arithmetic, but
 * reports print {@link #precisionText()}, {@link #recallText()} and {@link #f1Text()}, which say {@code n/a}.
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

  /** Whether any pair was predicted (else precision is undefined). */
  public boolean hasPredictedPairs() {
    return truePositives + falsePositives > 0;
  }

  /** Whether any true pair exists (else recall is undefined). */
  public boolean hasTruePairs() {
    return truePositives + falseNegatives > 0;
  }

  /** Precision to 4 decimals, or {@code n/a} with no predicted pairs. */
  public String precisionText() {
    return hasPredictedPairs() ? String.format(Locale.ROOT, "%.4f", precision()) : NOT_APPLICABLE;
  }

  /** Recall to 4 decimals, or {@code n/a} with no true pairs. */
  public String recallText() {
    return hasTruePairs() ? String.format(Locale.ROOT, "%.4f", recall()) : NOT_APPLICABLE;
  }

  /** F1 to 4 decimals, or {@code n/a} when precision or recall is undefined. */
  public String f1Text() {
    return hasPredictedPairs() && hasTruePairs() ? String.format(Locale.ROOT, "%.4f", f1()) : NOT_APPLICABLE;
  }

  /** Why a figure is {@code n/a}, or empty if none is. */
  public String notApplicableReason() {
    if (!hasPredictedPairs() && !hasTruePairs()) {
      return "no predicted and no true pairs";
    }
    if (!hasPredictedPairs()) {
      return "no predicted pairs: precision undefined";
    }
    return hasTruePairs() ? "" : "no true pairs: recall undefined";
  }

  /** Printed for a figure that is undefined. */
  public static final String NOT_APPLICABLE = "n/a";

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
        "TP=%d FP=%d FN=%d precision=%s recall=%s F1=%s",
        truePositives,
        falsePositives,
        falseNegatives,
        precisionText(),
        recallText(),
        f1Text());
  }
}
