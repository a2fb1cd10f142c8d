package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The prior: the probability that two records drawn at random, one from each source, are the same person.
 * Estimated as Splink's {@code estimate_probability_two_random_records_match} does, from deterministic links:
 * {@code links / recall / possible pairs}, where recall is the assumed share of true matches the cascade finds.
 */
public final class PriorEstimate {
  /** The prior is kept within these bounds, so its log odds are finite. */
  static final double MIN_PRIOR = 1e-12;

  static final double MAX_PRIOR = 0.5;

  private PriorEstimate() {}

  /** {@code deterministicLinks / recall / possiblePairs}, bounded to [1e-12, 0.5]. */
  public static double fromDeterministicLinks(long deterministicLinks, long possiblePairs, double recall) {
    checkArgument(deterministicLinks >= 0, "deterministic links must be >= 0");
    checkArgument(possiblePairs > 0, "possible pairs must be > 0");
    checkArgument(recall > 0 && recall <= 1, "recall must be in (0, 1]");
    return bound(deterministicLinks / recall / possiblePairs);
  }

  /**
   * A fallback when the cascade finds too few links: the largest number of matches any EM session found among its
   * pairs ({@code lambda * pairs}, a lower bound on all matches) over the possible pairs.
   */
  public static double fromEmSessions(List<EmSession> sessions, long possiblePairs) {
    checkArgument(possiblePairs > 0, "possible pairs must be > 0");
    double matches = sessions.stream().mapToDouble(s -> s.lambda() * s.pairs()).max().orElse(1);
    return bound(Math.max(matches, 1) / possiblePairs);
  }

  private static double bound(double prior) {
    return Math.min(Math.max(prior, MIN_PRIOR), MAX_PRIOR);
  }
}
