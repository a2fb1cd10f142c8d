package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The STS001 mapping of event outcomes to SALT sequels (SALT STS001 replication code, {@code #REF_SEQUEL_MAPPING};
 * Principles appendix p.37). Outcomes of mapping code 1 (the NFA outcomes and End of Life) say what followed; the
 * others are {@code Unable_To_Classify}.
 */
public final class Sts001SequelMapping {
  public static final String UNABLE_TO_CLASSIFY = "Unable_To_Classify";
  public static final String OTHER_REASON = "No Services Provided - other reason";

  private static final ImmutableMap<String, String> DEFINITE = ImmutableMap.<String, String>builder()
      .put("Progress to End of Life Care", "End of Life")
      .put("NFA - Moved to another LA", OTHER_REASON)
      .put("NFA - 100% NHS funded care", "100% NHS Funded Care")
      .put("NFA - Self-funded client (Inc. 12wk disregard)", OTHER_REASON)
      .put("NFA - Support declined", OTHER_REASON)
      .put("NFA - Information & Advice / Signposting only", "Universal Services/ Signposted to other services")
      .put("NFA - Deceased", "No Services Provided - Deceased")
      .put("NFA - No services offered: Other reason", OTHER_REASON)
      .put("NFA - Support ended: Other reason", OTHER_REASON)
      .put("NFA- Other", OTHER_REASON)
      .buildOrThrow();

  private Sts001SequelMapping() {}

  /** The SALT sequel of a mapping-code-1 outcome (NFA or End of Life); empty for any other outcome. */
  public static Optional<String> definite(String outcome) {
    checkNotNull(outcome, "outcome");
    return Optional.ofNullable(DEFINITE.get(outcome));
  }

  /** The mapping description of any defined-list outcome: a definite sequel or {@link #UNABLE_TO_CLASSIFY}. */
  public static Optional<String> description(String outcome) {
    Optional<String> definite = definite(outcome);
    if (definite.isPresent()) {
      return definite;
    }
    return OutcomeHierarchy.rank(outcome) == OutcomeHierarchy.UNRANKED ? Optional.empty()
        : Optional.of(UNABLE_TO_CLASSIFY);
  }
}
