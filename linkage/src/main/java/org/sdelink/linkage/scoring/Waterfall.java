package org.sdelink.linkage.scoring;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How a pair's match weight adds up: the prior, then each comparison's level and partial weight (Splink's
 * "waterfall" chart, as data). Holds labels and weights only, never field values.
 *
 * @param priorWeight the prior log2 odds
 * @param steps one per comparison, in model order
 * @param matchWeight the total
 */
public record Waterfall(double priorWeight, List<Step> steps, double matchWeight) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Waterfall {
    steps = ImmutableList.copyOf(steps);
  }

  /** The match probability of the total weight. */
  public double matchProbability() {
    return PairScorer.probability(matchWeight);
  }

  /** One line, e.g. {@code prior -12.29 | given_name: exact (tf) +9.71 | ... = 20.10}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "prior %+.2f", priorWeight));
    for (Step step : steps) {
      text.append(" | ").append(step.comparison()).append(": ").append(step.level());
      if (step.termFrequencyAdjusted()) {
        text.append(" (tf)");
      }
      text.append(String.format(Locale.ROOT, " %+.2f", step.partialWeight()));
    }
    return text.append(String.format(Locale.ROOT, " = %.2f", matchWeight)).toString();
  }

  /** One comparison's contribution. */
  public record Step(String comparison, String level, double partialWeight, boolean termFrequencyAdjusted)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
