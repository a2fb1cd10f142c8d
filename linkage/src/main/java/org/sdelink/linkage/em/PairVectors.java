package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.comparison.PairComparator;

/**
 * Comparison vectors of many pairs counted on all cores: the pairs are cut into fixed chunks, each chunk is
 * counted into its own accumulator and the chunks are merged in order. Counts are sums of whole numbers, so the
 * result is the same whatever the number of threads or the order in which chunks finish.
 */
final class PairVectors {
  /** Pairs per chunk: large enough to amortise a task, small enough to balance two to a few dozen cores. */
  private static final int CHUNK = 8192;

  private PairVectors() {}

  /** The level counts of {@code pairs} (u estimation). */
  static LevelCounts levelCounts(
      PairComparator comparator, List<RecordPair> pairs, Supplier<LevelCounts> empty) {
    return count(comparator, pairs, empty, LevelCounts::add, LevelCounts::merge);
  }

  /** The vector counts of {@code pairs} (an EM session). */
  static VectorCounts vectorCounts(PairComparator comparator, List<RecordPair> pairs) {
    return count(comparator, pairs, VectorCounts::create, VectorCounts::add, VectorCounts::merge);
  }

  private interface Adder<T> {
    T add(T counts, long vector);
  }

  private interface Merger<T> {
    T merge(T into, T other);
  }

  private static <T> T count(
      PairComparator comparator, List<RecordPair> pairs, Supplier<T> empty, Adder<T> adder, Merger<T> merger) {
    checkNotNull(comparator, "comparator");
    int chunks = (pairs.size() + CHUNK - 1) / CHUNK;
    List<T> partial = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      T counts = empty.get();
      int end = Math.min(pairs.size(), (c + 1) * CHUNK);
      for (int i = c * CHUNK; i < end; i++) {
        RecordPair pair = pairs.get(i);
        adder.add(counts, comparator.vector(pair.left(), pair.right()));
      }
      return counts;
    }).toList();
    T total = empty.get();
    for (T counts : partial) {
      merger.merge(total, counts);
    }
    return total;
  }
}
