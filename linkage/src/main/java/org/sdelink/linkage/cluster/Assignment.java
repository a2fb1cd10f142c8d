package org.sdelink.linkage.cluster;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/**
 * The outcome of {@link OneToOneAssignment}: the accepted links (strongest first) and the entities left unlinked
 * as ambiguous (sorted by entity).
 */
public record Assignment(List<ScoredLink> accepted, List<AmbiguousLink> ambiguous) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Assignment {
    accepted = ImmutableList.copyOf(accepted);
    ambiguous = ImmutableList.copyOf(ambiguous);
  }
}
