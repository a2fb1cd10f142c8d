package org.sdelink.pipelines.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The stable mapping of a key to one of a bounded number of buckets (murmur3, so the same key lands in the same
 * bucket on every runner and every run). Bounded buckets keep the DirectRunner usable: its cost grows with the number
 * of distinct keys, while Flink and Spark do not care.
 */
public final class Buckets {
  private static final HashFunction HASH = Hashing.murmur3_32_fixed();

  private Buckets() {}

  public static int of(String key, int buckets) {
    checkArgument(buckets > 0, "buckets must be positive");
    return Math.floorMod(HASH.hashString(key, StandardCharsets.UTF_8).asInt(), buckets);
  }
}
