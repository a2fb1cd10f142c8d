package org.sdelink.linkage.em;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.linkage.model.EstimationSummary;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;

/**
 * The outcome of one EM training session: m for the comparisons it estimated ({@code NaN} rows elsewhere), the
 * share of its pairs judged matches (lambda), and how it converged.
 *
 * @param rule the name of the blocking rule whose pairs trained it
 * @param pairs the number of pairs
 * @param m m probabilities; rows of comparisons not estimated are {@code NaN}
 * @param estimated per comparison, whether this session estimated it
 * @param lambda the share of the session's pairs that are matches
 * @param iterations iterations run
 * @param converged whether the tolerance was met within the iteration cap
 */
public record EmSession(
    String rule,
    long pairs,
    LevelProbabilities m,
    List<Boolean> estimated,
    double lambda,
    int iterations,
    boolean converged) {

  public EmSession {
    estimated = ImmutableList.copyOf(estimated);
  }

  /** This session as recorded in a parameter file. */
  public EstimationSummary.Session summary(LinkageModel model) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < estimated.size(); k++) {
      if (estimated.get(k)) {
        names.add(model.comparisons().get(k).name());
      }
    }
    return new EstimationSummary.Session(rule, pairs, lambda, iterations, converged, names);
  }
}
