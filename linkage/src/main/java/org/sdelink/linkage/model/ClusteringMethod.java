package org.sdelink.linkage.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How accepted pairs become persons ({@code assignment.method}). {@code connected_components}: every pair at or
 * above the threshold (or found by the cascade) joins its two records, transitively, within the cluster-size cap,
 * so one person may hold several records of each input (Splink's clustering). {@code best_match}: each entity of
 * the {@code each} source links to its best candidate entity of the other source, unless two are too close to call
 * (the one-to-one or many-to-one assignment that suits hospital episodes against care records); {@code link_only}
 * with two sources only.
 */
public enum ClusteringMethod {
  @JsonProperty("connected_components")
  CONNECTED_COMPONENTS,
  @JsonProperty("best_match")
  BEST_MATCH
}
