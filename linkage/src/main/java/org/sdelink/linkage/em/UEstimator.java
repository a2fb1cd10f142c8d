package org.sdelink.linkage.em;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.sdelink.linkage.blocking.PairFilter;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.LevelProbabilities;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Estimates u probabilities (the chance a level applies to two different people) from random pairs: nearly all
 * random pairs are non-matches, so the share of random pairs at each level estimates u directly, as Splink's
 * {@code estimate_u_using_random_sampling} does.
 */
public final class UEstimator {
  private UEstimator() {}

  /** The u probabilities of {@code model}'s levels among {@code randomPairs}. */
  public static LevelProbabilities estimateU(LinkageModel model, Iterable<RecordPair> randomPairs) {
    checkNotNull(model, "model");
    PairComparator comparator = PairComparator.create(model);
    LevelCounts counts = LevelCounts.create(model);
    for (RecordPair pair : randomPairs) {
      counts.add(comparator.vector(pair.left(), pair.right()));
    }
    checkArgument(counts.pairs() > 0, "u estimation needs at least one random pair");
    return counts.toProbabilities();
  }

  /**
   * Passes up to {@code count} pairs of distinct records drawn uniformly (with replacement) from {@code records}
   * among the pairs {@code filter} keeps (e.g. all pairs when de-duplicating), with a seeded generator: same
   * inputs and seed, same pairs. Stops early if the filter refuses too many draws in a row (almost no pair is a
   * candidate).
   */
  public static void samplePairs(
      List<LinkRecord> records, PairFilter filter, long count, long seed, Consumer<RecordPair> sink) {
    checkArgument(records.size() >= 2, "u estimation needs at least two records");
    Random random = new Random(seed);
    int n = records.size();
    long refused = 0;
    for (long i = 0; i < count; ) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      RecordPair pair = a == b ? null : filter.pair(records.get(a), records.get(b));
      if (pair == null) {
        if (++refused > MAX_REFUSED_DRAWS) {
          return;
        }
        continue;
      }
      refused = 0;
      sink.accept(pair);
      i++;
    }
  }

  /** Refused draws in a row after which sampling stops. */
  private static final long MAX_REFUSED_DRAWS = 1_000_000;

  /**
   * Passes {@code count} pairs drawn uniformly (with replacement) from {@code left x right} to {@code sink}, with
   * a seeded generator: same inputs and seed, same pairs.
   */
  public static void sampleCrossPairs(
      List<LinkRecord> left, List<LinkRecord> right, long count, long seed, Consumer<RecordPair> sink) {
    checkArgument(!left.isEmpty() && !right.isEmpty(), "u estimation needs records on both sides");
    Random random = new Random(seed);
    for (long i = 0; i < count; i++) {
      sink.accept(new RecordPair(left.get(random.nextInt(left.size())), right.get(random.nextInt(right.size()))));
    }
  }
}
