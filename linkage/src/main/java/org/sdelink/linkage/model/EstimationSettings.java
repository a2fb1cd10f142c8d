package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.blocking.BlockingRule;

/**
 * How parameters are estimated when none are supplied.
 *
 * @param uSamplePairs the number of random cross-source pairs sampled to estimate u probabilities
 * @param seed the seed of that sample (same seed, same inputs: same parameters)
 * @param deterministicRecall the assumed share of true matches the cascade finds, used to turn the deterministic
 *     link count into the prior
 * @param minDeterministicLinks below this many deterministic links the prior comes from EM instead
 * @param emMaxIterations the EM iteration cap per training session
 * @param emTolerance EM stops when no m probability or lambda moves by more than this
 * @param trainingBlocking names of the blocking rules whose pairs train m by EM, one session each; default all
 * @param trainingRules rules (in the form of blocking rules) whose pairs train m by EM, one session each, in place
 *     of the blocking rules: Splink trains on rules other than its prediction rules (e.g. first name and surname,
 *     then date of birth) so that every comparison is estimated by some session
 * @param deterministicRules rules (in the form of blocking rules) whose pairs are counted only to estimate the
 *     prior, {@code pairs / deterministic_recall / possible pairs}, as Splink's {@code
 *     estimate_probability_two_random_records_match}; they force no link. Empty: the cascade's links are counted
 */
public record EstimationSettings(
    @JsonProperty("u_sample_pairs") long uSamplePairs,
    long seed,
    @JsonProperty("deterministic_recall") double deterministicRecall,
    @JsonProperty("min_deterministic_links") int minDeterministicLinks,
    @JsonProperty("em_max_iterations") int emMaxIterations,
    @JsonProperty("em_tolerance") double emTolerance,
    @JsonProperty("training_blocking") @Nullable List<String> trainingBlocking,
    @JsonProperty("training_rules") @Nullable List<BlockingRule> trainingRules,
    @JsonProperty("deterministic_rules") @Nullable List<BlockingRule> deterministicRules)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The settings used when a spec has no {@code estimation} section. */
  public static final EstimationSettings DEFAULTS =
      new EstimationSettings(1_000_000, 42, 0.9, 10, 200, 1e-6, null, null, null);

  /** Binds the {@code estimation} section of a model spec; absent settings take their {@link #DEFAULTS}. */
  @JsonCreator
  static EstimationSettings fromSpec(
      @JsonProperty("u_sample_pairs") @Nullable Long uSamplePairs,
      @JsonProperty("seed") @Nullable Long seed,
      @JsonProperty("deterministic_recall") @Nullable Double deterministicRecall,
      @JsonProperty("min_deterministic_links") @Nullable Integer minDeterministicLinks,
      @JsonProperty("em_max_iterations") @Nullable Integer emMaxIterations,
      @JsonProperty("em_tolerance") @Nullable Double emTolerance,
      @JsonProperty("training_blocking") @Nullable List<String> trainingBlocking,
      @JsonProperty("training_rules") @Nullable List<BlockingRule> trainingRules,
      @JsonProperty("deterministic_rules") @Nullable List<BlockingRule> deterministicRules) {
    return new EstimationSettings(
        uSamplePairs == null ? DEFAULTS.uSamplePairs : uSamplePairs,
        seed == null ? DEFAULTS.seed : seed,
        deterministicRecall == null ? DEFAULTS.deterministicRecall : deterministicRecall,
        minDeterministicLinks == null ? DEFAULTS.minDeterministicLinks : minDeterministicLinks,
        emMaxIterations == null ? DEFAULTS.emMaxIterations : emMaxIterations,
        emTolerance == null ? DEFAULTS.emTolerance : emTolerance,
        trainingBlocking,
        trainingRules,
        deterministicRules);
  }

  public EstimationSettings {
    checkArgument(uSamplePairs >= 1000, "estimation.u_sample_pairs must be >= 1000");
    checkArgument(
        deterministicRecall > 0 && deterministicRecall <= 1, "estimation.deterministic_recall must be in (0, 1]");
    checkArgument(minDeterministicLinks >= 1, "estimation.min_deterministic_links must be >= 1");
    checkArgument(emMaxIterations >= 1, "estimation.em_max_iterations must be >= 1");
    checkArgument(emTolerance > 0, "estimation.em_tolerance must be > 0");
    trainingBlocking = trainingBlocking == null ? ImmutableList.of() : ImmutableList.copyOf(trainingBlocking);
    trainingRules = trainingRules == null ? ImmutableList.of() : ImmutableList.copyOf(trainingRules);
    checkArgument(
        trainingRules.isEmpty() || trainingBlocking.isEmpty(),
        "estimation: give training_blocking (names of blocking rules) or training_rules, not both");
    deterministicRules =
        deterministicRules == null ? ImmutableList.of() : ImmutableList.copyOf(deterministicRules);
  }
}
