package org.sdelink.linkage.comparison;

import java.io.Serializable;
import org.sdelink.linkage.record.LinkRecord;

/**
 * A compiled comparison level: whether it applies to a pair of records. Compiled against a record layout (fields
 * read by index), allocation-free for token and Bloom levels. Build with {@link ComparisonLevels#compile}.
 */
@FunctionalInterface
public interface ComparisonLevel extends Serializable {
  boolean matches(LinkRecord a, LinkRecord b);

  /**
   * For a level that compares a similarity with its threshold: a key naming that similarity (kind and field), so
   * that consecutive levels of one comparison with the same key (e.g. Jaro-Winkler at 0.92, 0.88, 0.7) compute it
   * once per pair; null for other levels.
   */
  default String similarityKey() {
    return null;
  }

  /** The similarity of a level with a {@link #similarityKey()}; -1 when a value is missing. */
  default double similarity(LinkRecord a, LinkRecord b) {
    throw new UnsupportedOperationException("not a similarity level");
  }

  /**
   * As {@link #similarity(LinkRecord, LinkRecord)}, but free to return any value below {@code floor} when the
   * similarity is below it (the levels of the run all fail then), which lets a level skip the full computation.
   */
  default double similarity(LinkRecord a, LinkRecord b, double floor) {
    return similarity(a, b);
  }

  /** The threshold a level with a {@link #similarityKey()} compares its similarity with. */
  default double threshold() {
    throw new UnsupportedOperationException("not a similarity level");
  }
}
