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
}
