package org.sdelink.linkage.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic linkage step: two records link under this step when every {@code all_equal} field is present and
 * equal, the optional date check passes (full date equal, or day/month swapped, or two of year, month, day equal),
 * and no {@code must_not_differ} field is present on both sides with different values.
 *
 * @param name the step's name, written as the spine's {@code match_rule}
 * @param allEqual fields that must be present and equal
 * @param dobCheck the name of a date-part group that must partially agree, or null for none
 * @param mustNotDiffer fields that veto the step when both present and different
 */
public record CascadeStep(
    String name,
    @JsonProperty("all_equal") List<String> allEqual,
    @JsonProperty("dob_check") @Nullable String dobCheck,
    @JsonProperty("must_not_differ") @Nullable List<String> mustNotDiffer)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public CascadeStep {
    checkArgument(!Strings.isNullOrEmpty(name), "every cascade step needs a name");
    checkArgument(allEqual != null && !allEqual.isEmpty(), "cascade step '%s' needs all_equal fields", name);
    allEqual = ImmutableList.copyOf(allEqual);
    mustNotDiffer = mustNotDiffer == null ? ImmutableList.of() : ImmutableList.copyOf(mustNotDiffer);
  }
}
