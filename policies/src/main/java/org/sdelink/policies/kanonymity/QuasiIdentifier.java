package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;

/** A quasi-identifier column and its generalisation ladder, coarsest last; level 0 (as released) is implicit. */
public record QuasiIdentifier(String field, ImmutableList<GeneralisationLevel> ladder) implements Serializable {
  private static final long serialVersionUID = 1L;

  public QuasiIdentifier {
    checkNotNull(field, "field");
    checkNotNull(ladder, "ladder");
    checkArgument(!field.isBlank(), "field must not be blank");
  }

  /** The number of levels including level 0. */
  public int levelCount() {
    return ladder.size() + 1;
  }

  /** The value at {@code level} (0 = as released) of a released value. */
  public String generalise(String released, int level) {
    checkNotNull(released, "released");
    return level == 0 ? released : ladder.get(level - 1).apply(released);
  }

  /** The name of {@code level}: {@code as released} for 0, else the ladder level's name. */
  public String levelName(int level) {
    return level == 0 ? "as released" : ladder.get(level - 1).levelName();
  }
}
