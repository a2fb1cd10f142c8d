package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The event-outcome hierarchy that settles conflicting outcomes on the last rows of a request or ST-Max cluster: the
 * outcome of lowest rank wins (SALT STS001 / STS002a replication code, {@code #REF_Event_Outcome_Hierarchy}).
 *
 * <p>Three labels of the published table never match the CLD defined list ({@code NFA - 100% NHS-funded care},
 * {@code NFA - Support ended – other reason}, {@code NFA - No services offered - other reason}), so those outcomes
 * silently get rank 99 there. sdelink ranks them as the table intends ({@link #rank}); {@link #publishedRank} keeps the
 * published behaviour so the stage can count the clusters where the choice differs (docs/statistics.md).
 */
public final class OutcomeHierarchy {
  static final ImmutableList<String> ORDER = ImmutableList.of(
      "Progress to Reablement/ST-Max", "Progress to Assessment", "Admitted to hospital",
      "Progress to Re-assessment / Unplanned Review", "Progress to Support Planning / Services",
      "Progress to End of Life Care", "No change in package", "Service ended as planned",
      "Progress to financial assessment", "Provision of service", "NFA - Deceased", "NFA - Moved to another LA",
      "NFA - 100% NHS funded care", "NFA - Information & Advice / Signposting only",
      "NFA - Self-funded client (Inc. 12wk disregard)", "NFA - Support declined", "NFA - Support ended: Other reason",
      "NFA - No services offered: Other reason", "NFA- Other");
  private static final ImmutableList<String> NEVER_MATCHED_IN_PUBLISHED_TABLE = ImmutableList.of(
      "NFA - 100% NHS funded care", "NFA - Support ended: Other reason", "NFA - No services offered: Other reason");
  private static final ImmutableMap<String, Integer> RANKS = ranks();
  /** The rank of outcomes not in the table. */
  public static final int UNRANKED = 99;

  private OutcomeHierarchy() {}

  private static ImmutableMap<String, Integer> ranks() {
    ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
    for (int i = 0; i < ORDER.size(); i++) {
      b.put(ORDER.get(i).toLowerCase(Locale.ROOT), i + 1);
    }
    return b.buildOrThrow();
  }

  /** The rank of a (Release 1) outcome; {@link #UNRANKED} when not in the table. */
  public static int rank(String outcome) {
    checkNotNull(outcome, "outcome");
    return RANKS.getOrDefault(outcome.toLowerCase(Locale.ROOT), UNRANKED);
  }

  /** The rank the published table gives, with its three labels that never match. */
  public static int publishedRank(String outcome) {
    return NEVER_MATCHED_IN_PUBLISHED_TABLE.stream().anyMatch(outcome::equalsIgnoreCase) ? UNRANKED : rank(outcome);
  }

  /** The winning outcome among {@code outcomes} (lowest rank; ties to the alphabetically first). */
  public static Optional<String> best(List<String> outcomes) {
    return outcomes.stream().min(Comparator.comparingInt(OutcomeHierarchy::rank).thenComparing(o -> o));
  }

  /** The winning outcome under the published ranks. */
  public static Optional<String> publishedBest(List<String> outcomes) {
    return outcomes.stream().min(Comparator.comparingInt(OutcomeHierarchy::publishedRank).thenComparing(o -> o));
  }
}
