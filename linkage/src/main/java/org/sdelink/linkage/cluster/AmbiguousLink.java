package org.sdelink.linkage.cluster;

import java.io.Serializable;

/**
 * An entity left unlinked because its two best candidates were too close to choose between (or were both
 * deterministic): reported so that a researcher can see, count and if need be review what was not linked.
 *
 * @param entity the entity with the tie
 * @param side whether the entity is a {@code from} entity or, under one-to-one assignment, a {@code to} entity
 * @param best its best candidate link
 * @param runnerUp its second-best candidate link
 */
public record AmbiguousLink(String entity, Side side, ScoredLink best, ScoredLink runnerUp) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which end of its links the ambiguous entity is. */
  public enum Side {
    FROM,
    TO
  }

  /** The weight between the best and second-best candidates. */
  public double margin() {
    return best.matchWeight() - runnerUp.matchWeight();
  }
}
