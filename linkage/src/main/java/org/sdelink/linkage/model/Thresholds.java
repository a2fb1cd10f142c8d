package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decision thresholds of a model.
 *
 * @param matchWeight the total match weight (log2 odds, prior included) at or above which a probabilistic link is
 *     accepted
 * @param ambiguityMargin an entity whose best and second-best candidates differ by less than this (in match
 *     weight) is left unlinked and reported as ambiguous
 * @param maxClusterSize the largest cluster (person) allowed; larger components are split at their weakest links
 * @param mustNotDiffer fields that veto a probabilistic link (not a cascade link) when present on both sides with
 *     different values, whatever its weight (e.g. valid NHS numbers: twins at one address agree on everything else)
 * @param maxClusterPersons the Beam link stage's cap: the most persons of its deterministic phase that linkage may
 *     join into one person (default {@value #DEFAULT_MAX_CLUSTER_PERSONS}); beyond it the weakest links are cut
 * @param vetoOverrideWeight optional: a probabilistic link whose match weight (the disagreement's own weight
 *     included) reaches this is not vetoed by {@code mustNotDiffer}, so the disagreement counts as evidence, not a
 *     veto (a wrong but valid NHS number on a record whose date of birth, postcode, council and sex all agree); at
 *     least {@code matchWeight}; absent: every disagreement vetoes
 */
public record Thresholds(
    double matchWeight,
    double ambiguityMargin,
    int maxClusterSize,
    @Nullable List<String> mustNotDiffer,
    @Nullable Integer maxClusterPersons,
    @Nullable Double vetoOverrideWeight)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The match weight threshold when a spec gives none: match probability 0.95 (odds 19:1, weight 4.25), the
   * threshold at which Splink's tutorials cluster. The CLD-APC spec sets its own, stricter 8 (odds 256:1).
   */
  public static final double DEFAULT_MATCH_WEIGHT = Math.log(0.95 / 0.05) / Math.log(2);

  /** The ambiguity margin when a spec gives none: four times the odds. */
  public static final double DEFAULT_AMBIGUITY_MARGIN = 2;

  /** The cluster cap (records) of the in-memory engine when a spec gives none. */
  public static final int DEFAULT_MAX_CLUSTER_SIZE = 1000;

  /** The thresholds of a spec without a {@code thresholds} section. */
  public static final Thresholds DEFAULTS =
      new Thresholds(DEFAULT_MATCH_WEIGHT, DEFAULT_AMBIGUITY_MARGIN, DEFAULT_MAX_CLUSTER_SIZE, null, null, null);

  /** Binds the {@code thresholds} section of a model spec; absent keys take their defaults. */
  @JsonCreator
  static Thresholds fromSpec(
      @JsonProperty("match_weight") @Nullable Double matchWeight,
      @JsonProperty("ambiguity_margin") @Nullable Double ambiguityMargin,
      @JsonProperty("max_cluster_size") @Nullable Integer maxClusterSize,
      @JsonProperty("must_not_differ") @Nullable List<String> mustNotDiffer,
      @JsonProperty("max_cluster_persons") @Nullable Integer maxClusterPersons,
      @JsonProperty("veto_override_weight") @Nullable Double vetoOverrideWeight) {
    return new Thresholds(
        matchWeight == null ? DEFAULT_MATCH_WEIGHT : matchWeight,
        ambiguityMargin == null ? DEFAULT_AMBIGUITY_MARGIN : ambiguityMargin,
        maxClusterSize == null ? DEFAULT_MAX_CLUSTER_SIZE : maxClusterSize,
        mustNotDiffer,
        maxClusterPersons,
        vetoOverrideWeight);
  }

  /** The cap on persons per cluster when a spec gives none. */
  public static final int DEFAULT_MAX_CLUSTER_PERSONS = 20;

  public Thresholds {
    checkArgument(Double.isFinite(matchWeight), "thresholds.match_weight must be a finite number");
    checkArgument(ambiguityMargin >= 0, "thresholds.ambiguity_margin must be >= 0");
    checkArgument(maxClusterSize >= 2, "thresholds.max_cluster_size must be >= 2");
    mustNotDiffer = mustNotDiffer == null ? ImmutableList.of() : ImmutableList.copyOf(mustNotDiffer);
    maxClusterPersons = maxClusterPersons == null ? DEFAULT_MAX_CLUSTER_PERSONS : maxClusterPersons;
    checkArgument(maxClusterPersons >= 2, "thresholds.max_cluster_persons must be >= 2");
    checkArgument(vetoOverrideWeight == null || vetoOverrideWeight >= matchWeight,
        "thresholds.veto_override_weight must be at least thresholds.match_weight");
  }

  /** The thresholds of a spec without {@code veto_override_weight}. */
  public Thresholds(double matchWeight, double ambiguityMargin, int maxClusterSize,
      @Nullable List<String> mustNotDiffer, @Nullable Integer maxClusterPersons) {
    this(matchWeight, ambiguityMargin, maxClusterSize, mustNotDiffer, maxClusterPersons, null);
  }

  /** Whether a link of this weight is strong enough for a {@code must_not_differ} disagreement not to veto it. */
  public boolean overridesVeto(double matchWeight) {
    return vetoOverrideWeight != null && matchWeight >= vetoOverrideWeight;
  }

  /** Thresholds without probabilistic-link vetoes. */
  public Thresholds(double matchWeight, double ambiguityMargin, int maxClusterSize) {
    this(matchWeight, ambiguityMargin, maxClusterSize, null, null);
  }
}
