package org.sdelink.linkage.blocking;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import org.sdelink.linkage.record.LinkRecord;

/**
 * A candidate pair of records, oriented: {@code left} from the left source when linking two sources, else the
 * record that came first in the input.
 */
public record RecordPair(LinkRecord left, LinkRecord right) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RecordPair {
    checkNotNull(left, "left");
    checkNotNull(right, "right");
  }

  @Override
  public String toString() {
    return "RecordPair{" + left.key() + " ~ " + right.key() + "}";
  }
}
