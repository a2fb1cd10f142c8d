package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LevelSpec;
import org.sdelink.linkage.model.LinkageModel;

/**
 * Unsupervised Fellegi-Sunter EM on counted comparison vectors. u stays fixed (from random pairs, as Splink does
 * by default) and EM estimates m and the share of matches lambda. A session trains on the pairs of one blocking
 * rule and leaves out the comparisons that read the rule's fields, whose agreement blocking forced; m of each
 * comparison is then the mean over the sessions that estimated it.
 */
public final class ExpectationMaximisation {
  /** The lambda every session starts from. */
  static final double STARTING_LAMBDA = 0.1;

  /** m probabilities are raised to at least this after EM, so no level vetoes a match outright. */
  static final double M_FLOOR = 1e-6;

  private ExpectationMaximisation() {}

  /** The comparisons a session on {@code rule} must leave out: those reading any of the rule's fields. */
  public static ImmutableSortedSet<Integer> comparisonsUsing(LinkageModel model, BlockingRule rule) {
    ImmutableSortedSet.Builder<Integer> result = ImmutableSortedSet.naturalOrder();
    ImmutableSet<String> ruleColumns = model.columnsRead(rule.fields());
    for (int k = 0; k < model.comparisons().size(); k++) {
      if (model.comparisonFields(k).stream().anyMatch(rule.fields()::contains)
          || model.columnsRead(model.comparisonFields(k)).stream().anyMatch(ruleColumns::contains)) {
        result.add(k);
      }
    }
    return result.build();
  }

  /**
   * The m probabilities EM starts from: each level's {@code m_start} if given, else halving from the strongest
   * level down, with 0.05 at {@code else}; normalised over the non-missing levels.
   */
  public static LevelProbabilities startingM(LinkageModel model) {
    double[][] m = new double[model.comparisons().size()][];
    for (int k = 0; k < m.length; k++) {
      List<LevelSpec> levels = model.comparisons().get(k).levels();
      m[k] = new double[levels.size()];
      double sum = 0;
      int rank = 0;
      for (int l = 0; l < levels.size(); l++) {
        if (model.isMissingLevel(k, l)) {
          m[k][l] = Double.NaN;
          continue;
        }
        Double start = levels.get(l).mStart();
        boolean last = l == levels.size() - 1;
        m[k][l] = start != null ? start : last ? 0.05 : Math.pow(0.5, ++rank);
        sum += m[k][l];
      }
      for (int l = 0; l < levels.size(); l++) {
        m[k][l] /= sum;
      }
    }
    return LevelProbabilities.of(m);
  }

  /**
   * Runs one EM session.
   *
   * @param rule the name recorded for the session
   * @param excluded comparisons to leave out (see {@link #comparisonsUsing})
   */
  public static EmSession run(
      LinkageModel model, LevelProbabilities u, VectorCounts counts, Set<Integer> excluded, String rule) {
    checkNotNull(model, "model");
    checkNotNull(u, "u");
    checkNotNull(counts, "counts");
    int comparisons = model.comparisons().size();
    checkArgument(u.comparisonCount() == comparisons, "u does not fit model '%s'", model.name());
    PairComparator comparator = PairComparator.create(model);
    int[] missing = new int[comparisons];
    boolean[] used = new boolean[comparisons];
    for (int k = 0; k < comparisons; k++) {
      missing[k] = comparator.missingLevel(k);
      used[k] = !excluded.contains(k);
    }
    Map<Long, Long> byVector = counts.asMap();
    int n = byVector.size();
    int[][] levels = new int[n][comparisons];
    double[] weight = new double[n];
    double[] uProduct = new double[n];
    int i = 0;
    for (Map.Entry<Long, Long> entry : byVector.entrySet()) {
      weight[i] = entry.getValue();
      uProduct[i] = 1;
      for (int k = 0; k < comparisons; k++) {
        levels[i][k] = PairComparator.levelOf(entry.getKey(), k);
        if (used[k] && levels[i][k] != missing[k]) {
          uProduct[i] *= u.get(k, levels[i][k]);
        }
      }
      i++;
    }
    double[][] m = startingM(model).toArray();
    double lambda = STARTING_LAMBDA;
    double total = counts.total();
    int iterations = 0;
    boolean converged = false;
    boolean[] estimated = new boolean[comparisons];
    while (n > 0 && iterations < model.estimation().emMaxIterations()) {
      iterations++;
      double[][] numerator = new double[comparisons][];
      double[] denominator = new double[comparisons];
      for (int k = 0; k < comparisons; k++) {
        numerator[k] = new double[m[k].length];
      }
      double matches = 0;
      for (i = 0; i < n; i++) {
        double pMatch = lambda;
        for (int k = 0; k < comparisons; k++) {
          if (used[k] && levels[i][k] != missing[k]) {
            pMatch *= m[k][levels[i][k]];
          }
        }
        double pNonMatch = (1 - lambda) * uProduct[i];
        double posterior = pMatch + pNonMatch > 0 ? pMatch / (pMatch + pNonMatch) : 0;
        double expected = weight[i] * posterior;
        matches += expected;
        for (int k = 0; k < comparisons; k++) {
          if (used[k] && levels[i][k] != missing[k]) {
            numerator[k][levels[i][k]] += expected;
            denominator[k] += expected;
          }
        }
      }
      double change = 0;
      for (int k = 0; k < comparisons; k++) {
        estimated[k] = used[k] && denominator[k] > 0;
        if (!estimated[k]) {
          continue;
        }
        for (int l = 0; l < m[k].length; l++) {
          if (l != missing[k]) {
            double updated = numerator[k][l] / denominator[k];
            change = Math.max(change, Math.abs(updated - m[k][l]));
            m[k][l] = updated;
          }
        }
      }
      double updatedLambda = Math.min(Math.max(matches / total, 1e-12), 1 - 1e-12);
      change = Math.max(change, Math.abs(updatedLambda - lambda));
      lambda = updatedLambda;
      if (change < model.estimation().emTolerance()) {
        converged = true;
        break;
      }
    }
    List<Boolean> estimatedList = new ArrayList<>();
    for (int k = 0; k < comparisons; k++) {
      estimatedList.add(estimated[k]);
      for (int l = 0; l < m[k].length; l++) {
        if (!estimated[k] || l == missing[k]) {
          m[k][l] = Double.NaN;
        } else {
          m[k][l] = Math.max(m[k][l], M_FLOOR);
        }
      }
    }
    return new EmSession(
        rule, counts.total(), LevelProbabilities.of(m), estimatedList, lambda, iterations, converged);
  }

  /**
   * m per comparison: the mean over the sessions that estimated it. A comparison that no session estimated keeps
   * its starting m ({@link #startingM}) when no pair of the u sample could evaluate it (every sampled pair at its
   * {@code missing} level, e.g. names when one source holds none, as HES APC against CLD): its partial weight is 0
   * on every pair, so its m never changes a score.
   *
   * @param uSample the level counts of the random pairs u was estimated from
   * @throws UnestimatedComparisonsException if a comparison that sampled pairs do evaluate was estimated by no
   *     session
   */
  public static LevelProbabilities combine(LinkageModel model, List<EmSession> sessions, LevelCounts uSample) {
    checkNotNull(model, "model");
    checkNotNull(sessions, "sessions");
    checkNotNull(uSample, "uSample");
    double[][] start = startingM(model).toArray();
    int comparisons = model.comparisons().size();
    double[][] m = new double[comparisons][];
    List<String> unestimated = new ArrayList<>();
    for (int k = 0; k < comparisons; k++) {
      int levels = start[k].length;
      m[k] = new double[levels];
      int sessionsUsed = 0;
      for (EmSession session : sessions) {
        if (session.estimated().get(k)) {
          sessionsUsed++;
          for (int l = 0; l < levels; l++) {
            m[k][l] += session.m().get(k, l);
          }
        }
      }
      if (sessionsUsed > 0) {
        for (int l = 0; l < levels; l++) {
          m[k][l] /= sessionsUsed;
        }
        continue;
      }
      long observed = 0;
      for (int l = 0; l < levels; l++) {
        if (!model.isMissingLevel(k, l)) {
          observed += uSample.count(k, l);
        }
      }
      if (observed > 0) {
        unestimated.add(model.comparisons().get(k).name());
        Arrays.fill(m[k], Double.NaN);
      } else {
        m[k] = start[k].clone();
      }
    }
    if (!unestimated.isEmpty()) {
      throw new UnestimatedComparisonsException(unestimated);
    }
    return LevelProbabilities.of(m);
  }
}
