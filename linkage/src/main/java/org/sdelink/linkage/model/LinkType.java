package org.sdelink.linkage.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which record pairs a model compares, as Splink names them: pairs within the input(s) ({@code dedupe_only}),
 * pairs across inputs only ({@code link_only}), or both ({@code link_and_dedupe}).
 */
public enum LinkType {
  /** Every pair of distinct records, whatever their input: one or more files de-duplicated together. */
  @JsonProperty("dedupe_only")
  DEDUPE_ONLY,
  /** Pairs of records from different sources only (two or more inputs); the default for specs naming sources. */
  @JsonProperty("link_only")
  LINK_ONLY,
  /** Pairs within and across sources. */
  @JsonProperty("link_and_dedupe")
  LINK_AND_DEDUPE;

  /** The spec spelling, e.g. {@code dedupe_only}. */
  public String specName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether two records of one source may be compared. */
  public boolean comparesWithinSource() {
    return this != LINK_ONLY;
  }

  /** Whether two records of different sources may be compared. */
  public boolean comparesAcrossSources() {
    return this != DEDUPE_ONLY;
  }
}
