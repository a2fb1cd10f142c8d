package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comparison: one aspect of two records (a name, the date of birth, the postcode...) judged by the first of its
 * ordered levels that applies. Its levels run from strongest agreement to {@code else}.
 */
public record ComparisonSpec(String name, @Nullable String description, List<LevelSpec> levels)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ComparisonSpec {
    checkArgument(!Strings.isNullOrEmpty(name), "every comparison needs a name");
    checkArgument(levels != null && levels.size() >= 2, "comparison '%s' needs at least two levels", name);
    levels = ImmutableList.copyOf(levels);
    description = description == null ? "" : description;
  }
}
