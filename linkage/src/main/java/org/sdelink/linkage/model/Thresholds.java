package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * The decision thresholds of a model.
 *
 * @param matchWeight the total match weight (log2 odds, prior included) at or above which a probabilistic link is
 *     accepted
 * @param ambiguityMargin an entity whose best and second-best candidates differ by less than this (in match
 *     weight) is left unlinked and reported as ambiguous
 * @param maxClusterSize the largest cluster (person) allowed; larger components are split at their weakest links
 */
public record Thresholds(
    @JsonProperty(value = "match_weight", required = true) double matchWeight,
    @JsonProperty(value = "ambiguity_margin", required = true) double ambiguityMargin,
    @JsonProperty(value = "max_cluster_size", required = true) int maxClusterSize)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Thresholds {
    checkArgument(Double.isFinite(matchWeight), "thresholds.match_weight must be a finite number");
    checkArgument(ambiguityMargin >= 0, "thresholds.ambiguity_margin must be >= 0");
    checkArgument(maxClusterSize >= 2, "thresholds.max_cluster_size must be >= 2");
  }
}
