package org.sdelink.linkage.blocking;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Which record pairs are candidates, and how they are oriented: only pairs across two sources (linking, e.g. cld x
 * apc, the left source's record first), or all pairs of distinct records (deduplication).
 */
public interface PairFilter extends Serializable {

  /** The pair oriented for comparison, or {@code null} if the pair is not a candidate. */
  @Nullable RecordPair pair(LinkRecord first, LinkRecord second);

  /** Pairs of one record from {@code leftSource} and one from {@code rightSource}, left first. */
  static PairFilter crossSource(String leftSource, String rightSource) {
    checkArgument(!leftSource.equals(rightSource), "cross-source linking needs two different sources");
    return new CrossSource(leftSource, rightSource);
  }

  /** Every pair of distinct records (by source and id), in input order. */
  static PairFilter allPairs() {
    return AllPairs.INSTANCE;
  }

  /** Pairs of records from two different sources, any sources, in input order ({@code link_only}). */
  static PairFilter differentSources() {
    return DifferentSources.INSTANCE;
  }

  /** See {@link #differentSources}. */
  enum DifferentSources implements PairFilter {
    INSTANCE;

    @Override
    public @Nullable RecordPair pair(LinkRecord first, LinkRecord second) {
      return first.source().equals(second.source()) ? null : new RecordPair(first, second);
    }
  }

  /** See {@link #crossSource}. */
  record CrossSource(String leftSource, String rightSource) implements PairFilter {
    @Override
    public @Nullable RecordPair pair(LinkRecord first, LinkRecord second) {
      if (first.source().equals(leftSource) && second.source().equals(rightSource)) {
        return new RecordPair(first, second);
      }
      if (first.source().equals(rightSource) && second.source().equals(leftSource)) {
        return new RecordPair(second, first);
      }
      return null;
    }
  }

  /** See {@link #allPairs}. */
  enum AllPairs implements PairFilter {
    INSTANCE;

    @Override
    public @Nullable RecordPair pair(LinkRecord first, LinkRecord second) {
      boolean same = first.id().equals(second.id()) && first.source().equals(second.source());
      return same ? null : new RecordPair(first, second);
    }
  }
}
