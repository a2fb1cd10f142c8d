package org.sdelink.linkage.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * How a set of parameters was estimated, kept in the parameter file for the linkage report: the u sample size,
 * the deterministic links and pairs behind the prior, and each EM training session.
 *
 * @param uPairs random pairs sampled for u
 * @param deterministicLinks candidate pairs linked by the cascade
 * @param possiblePairs all pairs the filter allows (e.g. left x right)
 * @param sessions the EM sessions, one per training blocking rule
 */
@JsonPropertyOrder({"u_pairs", "deterministic_links", "possible_pairs", "sessions"})
public record EstimationSummary(
    @JsonProperty("u_pairs") long uPairs,
    @JsonProperty("deterministic_links") long deterministicLinks,
    @JsonProperty("possible_pairs") long possiblePairs,
    @JsonProperty("sessions") List<Session> sessions)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public EstimationSummary {
    sessions = sessions == null ? ImmutableList.of() : ImmutableList.copyOf(sessions);
  }

  /**
   * One EM training session.
   *
   * @param rule the blocking rule whose pairs trained it
   * @param pairs the pairs it saw
   * @param lambda the share of those pairs EM judged matches
   * @param iterations iterations run
   * @param converged whether it met the tolerance before the iteration cap
   * @param estimated the comparisons it estimated (those not using the rule's fields)
   */
  @JsonPropertyOrder({"rule", "pairs", "lambda", "iterations", "converged", "estimated"})
  public record Session(
      @JsonProperty("rule") String rule,
      @JsonProperty("pairs") long pairs,
      @JsonProperty("lambda") double lambda,
      @JsonProperty("iterations") int iterations,
      @JsonProperty("converged") boolean converged,
      @JsonProperty("estimated") List<String> estimated)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Session {
      estimated = estimated == null ? ImmutableList.of() : ImmutableList.copyOf(estimated);
    }
  }
}
