package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many equivalence classes (records sharing every quasi-identifier value) there are of each size, and how many
 * records they hold: the figure a reviewer reads to judge re-identification risk.
 */
public record ClassSizeDistribution(ImmutableSortedMap<Long, Bucket> bySize) {

  /** The classes of one size: how many there are and how many records they hold together. */
  public record Bucket(long classes, long records) {
    public Bucket {
      checkArgument(classes >= 0 && records >= 0, "counts cannot be negative");
    }
  }

  public ClassSizeDistribution {
    checkNotNull(bySize, "bySize");
  }

  /** The distribution of the class sizes in {@code classCounts} (class key to number of records). */
  public static ClassSizeDistribution of(Map<?, Long> classCounts) {
    checkNotNull(classCounts, "classCounts");
    TreeMap<Long, long[]> sizes = new TreeMap<>();
    for (long size : classCounts.values()) {
      long[] bucket = sizes.computeIfAbsent(size, s -> new long[2]);
      bucket[0]++;
      bucket[1] += size;
    }
    ImmutableSortedMap.Builder<Long, Bucket> bySize = ImmutableSortedMap.naturalOrder();
    sizes.forEach((size, bucket) -> bySize.put(size, new Bucket(bucket[0], bucket[1])));
    return new ClassSizeDistribution(bySize.build());
  }

  /** The distribution from the number of classes of each size ({@code size -> classes}). */
  public static ClassSizeDistribution ofSizes(Map<Long, Long> classesBySize) {
    checkNotNull(classesBySize, "classesBySize");
    ImmutableSortedMap.Builder<Long, Bucket> bySize = ImmutableSortedMap.naturalOrder();
    new TreeMap<>(classesBySize).forEach((size, classes) -> {
      checkArgument(size >= 1, "a class has at least one record");
      if (classes > 0) {
        bySize.put(size, new Bucket(classes, size * classes));
      }
    });
    return new ClassSizeDistribution(bySize.build());
  }

  /** The number of classes. */
  public long classes() {
    return bySize.values().stream().mapToLong(Bucket::classes).sum();
  }

  /** The number of records. */
  public long records() {
    return bySize.values().stream().mapToLong(Bucket::records).sum();
  }

  /** The number of records in classes smaller than {@code k}. */
  public long recordsInClassesBelow(long k) {
    return bySize.headMap(k).values().stream().mapToLong(Bucket::records).sum();
  }

  /** The size of the smallest class, or 0 when there are none. */
  public long smallestClass() {
    return bySize.isEmpty() ? 0 : bySize.firstKey();
  }
}
