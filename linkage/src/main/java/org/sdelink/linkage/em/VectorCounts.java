package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.comparison.PairComparator;

/**
 * Counts of identical comparison vectors: what EM needs from a set of pairs, in a few hundred entries however many
 * millions of pairs there are. Mutable accumulator (not thread-safe); {@link #merge} combines partial counts, as a
 * Beam {@code CombineFn} would. Iteration is in vector order, so EM over the same counts is deterministic.
 */
public final class VectorCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Long, Long> counts = new TreeMap<>();
  private long total;

  /** An empty accumulator. */
  public static VectorCounts create() {
    return new VectorCounts();
  }

  /** The vectors of {@code pairs} under {@code comparator}, counted. */
  public static VectorCounts of(PairComparator comparator, Iterable<RecordPair> pairs) {
    checkNotNull(comparator, "comparator");
    VectorCounts counts = new VectorCounts();
    for (RecordPair pair : pairs) {
      counts.add(comparator.vector(pair.left(), pair.right()));
    }
    return counts;
  }

  public VectorCounts add(long vector) {
    return add(vector, 1);
  }

  public VectorCounts add(long vector, long count) {
    checkArgument(count > 0, "counts must be positive");
    counts.merge(vector, count, Long::sum);
    total += count;
    return this;
  }

  /** Adds all of {@code other}'s counts to this one; returns this. */
  public VectorCounts merge(VectorCounts other) {
    other.counts.forEach(this::add);
    return this;
  }

  /** The number of pairs counted. */
  public long total() {
    return total;
  }

  /** The counts by packed vector, in vector order. */
  public ImmutableSortedMap<Long, Long> asMap() {
    return ImmutableSortedMap.copyOfSorted(counts);
  }

  /** Counts from a map of packed vector to count (e.g. the output of a Beam combine). */
  public static VectorCounts fromMap(Map<Long, Long> countsByVector) {
    VectorCounts counts = new VectorCounts();
    countsByVector.forEach(counts::add);
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorCounts that && counts.equals(that.counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return "VectorCounts{" + counts.size() + " vectors, " + total + " pairs}";
  }
}
