package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Probabilities per comparison level (m or u), indexed {@code [comparison][level]}; {@code NaN} at {@code missing}
 * levels, which carry no probability. Immutable.
 */
public final class LevelProbabilities implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] values;

  private LevelProbabilities(double[][] values) {
    this.values = values;
  }

  /**
   * Copies {@code values}, checking that each is a probability in [0, 1] or {@code NaN}.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public static LevelProbabilities of(double[][] values) {
    checkNotNull(values, "values");
    double[][] copy = new double[values.length][];
    for (int k = 0; k < values.length; k++) {
      copy[k] = values[k].clone();
      for (double p : copy[k]) {
        checkArgument(Double.isNaN(p) || (p >= 0 && p <= 1), "a level probability must be in [0, 1]");
      }
    }
    return new LevelProbabilities(copy);
  }

  public int comparisonCount() {
    return values.length;
  }

  public int levelCount(int comparison) {
    return values[comparison].length;
  }

  /** The probability at a level ({@code NaN} at a missing level). */
  public double get(int comparison, int level) {
    return values[comparison][level];
  }

  /** A copy of the whole table. */
  public double[][] toArray() {
    double[][] copy = new double[values.length][];
    for (int k = 0; k < values.length; k++) {
      copy[k] = values[k].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LevelProbabilities that && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
