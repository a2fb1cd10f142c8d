package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.linkage.blocking.Blocking;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.blocking.PairFilter;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.EstimationSettings;
import org.sdelink.linkage.model.EstimationSummary;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Estimates a model's parameters from two in-memory record sets: u from seeded random cross pairs, m by one EM
 * session per training blocking rule, the prior from the deterministic link count. The Beam engine runs the same
 * steps with the same pieces ({@link LevelCounts}, {@link VectorCounts}, {@link ExpectationMaximisation}, {@link
 * PriorEstimate}) over distributed pairs.
 */
public final class ParameterEstimation {
  private ParameterEstimation() {}

  /**
   * Parameters for linking {@code left} to {@code right}.
   *
   * @param deterministicLinks the candidate pairs the cascade linked (for the prior)
   */
  public static ModelParameters estimate(
      LinkageModel model, List<LinkRecord> left, List<LinkRecord> right, long deterministicLinks) {
    checkNotNull(model, "model");
    checkArgument(!left.isEmpty() && !right.isEmpty(), "parameter estimation needs records on both sides");
    EstimationSettings settings = model.estimation();
    PairComparator comparator = PairComparator.create(model);
    String leftSource = left.get(0).source();
    String rightSource = right.get(0).source();
    PairFilter filter = PairFilter.crossSource(leftSource, rightSource);
    long possiblePairs = (long) left.size() * right.size();

    long uPairs = Math.min(settings.uSamplePairs(), possiblePairs);
    List<RecordPair> sample = new ArrayList<>();
    UEstimator.sampleCrossPairs(left, right, uPairs, settings.seed(), sample::add);
    LevelCounts levelCounts = PairVectors.levelCounts(comparator, sample, () -> LevelCounts.create(model));
    sample = null;
    LevelProbabilities u = levelCounts.toProbabilities();

    List<LinkRecord> all = new ArrayList<>(left.size() + right.size());
    all.addAll(left);
    all.addAll(right);
    List<EmSession> sessions = emSessions(model, comparator, all, filter, u);
    LevelProbabilities m = ExpectationMaximisation.combine(model, sessions, levelCounts);
    return withPrior(model, all, filter, possiblePairs, deterministicLinks, uPairs, u, sessions, m);
  }

  /**
   * Parameters for the candidate pairs of {@code records} that {@code filter} keeps: de-duplication ({@link
   * PairFilter#allPairs()}) or linking of two or more sources ({@link PairFilter#differentSources()}). u comes
   * from seeded random pairs the filter keeps, m from EM per training rule, the prior from the deterministic rules
   * (or the cascade's links).
   *
   * @param possiblePairs the number of pairs the filter keeps among all records
   * @param deterministicLinks the candidate pairs the cascade linked
   */
  public static ModelParameters estimate(
      LinkageModel model, List<LinkRecord> records, PairFilter filter, long possiblePairs,
      long deterministicLinks) {
    checkNotNull(model, "model");
    checkArgument(records.size() >= 2 && possiblePairs > 0, "parameter estimation needs at least one pair");
    EstimationSettings settings = model.estimation();
    PairComparator comparator = PairComparator.create(model);
    long uPairs = Math.min(settings.uSamplePairs(), possiblePairs);
    List<RecordPair> sample = new ArrayList<>();
    UEstimator.samplePairs(records, filter, uPairs, settings.seed(), sample::add);
    LevelCounts levelCounts = PairVectors.levelCounts(comparator, sample, () -> LevelCounts.create(model));
    sample = null;
    LevelProbabilities u = levelCounts.toProbabilities();
    List<EmSession> sessions = emSessions(model, comparator, records, filter, u);
    LevelProbabilities m = ExpectationMaximisation.combine(model, sessions, levelCounts);
    return withPrior(model, records, filter, possiblePairs, deterministicLinks, levelCounts.pairs(), u, sessions, m);
  }

  /**
   * One EM session per training rule, over the pairs the rule generates (their comparison vectors counted on all
   * cores, {@link PairVectors}).
   */
  private static List<EmSession> emSessions(
      LinkageModel model, PairComparator comparator, List<LinkRecord> records, PairFilter filter,
      LevelProbabilities u) {
    List<EmSession> sessions = new ArrayList<>();
    for (BlockingRule rule : model.trainingRules()) {
      List<RecordPair> pairs = new ArrayList<>();
      Blocking.pairsForRule(records, ImmutableList.of(rule), 0, filter, pairs::add);
      VectorCounts counts = PairVectors.vectorCounts(comparator, pairs);
      sessions.add(ExpectationMaximisation.run(
          model, u, counts, ExpectationMaximisation.comparisonsUsing(model, rule), rule.name()));
    }
    return sessions;
  }

  /**
   * The parameters with their prior: from {@code estimation.deterministic_rules} when the model gives some (the
   * pairs they find, counted once, over the assumed recall and the possible pairs), else from the cascade's links,
   * else (too few) from EM.
   */
  private static ModelParameters withPrior(
      LinkageModel model, List<LinkRecord> records, PairFilter filter, long possiblePairs,
      long cascadeLinks, long uPairs, LevelProbabilities u, List<EmSession> sessions, LevelProbabilities m) {
    EstimationSettings settings = model.estimation();
    long deterministicLinks = cascadeLinks;
    if (!settings.deterministicRules().isEmpty()) {
      long[] count = new long[1];
      Blocking.candidatePairs(records, settings.deterministicRules(), filter, (pair, rule) -> count[0]++);
      deterministicLinks = count[0];
    }
    boolean deterministic = deterministicLinks >= settings.minDeterministicLinks();
    double prior = deterministic
        ? PriorEstimate.fromDeterministicLinks(deterministicLinks, possiblePairs, settings.deterministicRecall())
        : PriorEstimate.fromEmSessions(sessions, possiblePairs);
    EstimationSummary summary = new EstimationSummary(
        uPairs,
        deterministicLinks,
        possiblePairs,
        sessions.stream().map(s -> s.summary(model)).collect(ImmutableList.toImmutableList()));
    String source = !deterministic ? "em"
        : settings.deterministicRules().isEmpty() ? "deterministic" : "deterministic_rules";
    return ModelParameters.of(model, prior, source, m, u, summary);
  }
}
