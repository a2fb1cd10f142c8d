package org.sdelink.linkage.em;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Parameter estimation could not estimate m for some comparisons: their pairs are evaluated, but every training
 * blocking rule reads their fields (or generated no pairs). The message names the comparisons (never a value) and
 * says what to do.
 */
public final class UnestimatedComparisonsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> comparisons;

  public UnestimatedComparisonsException(List<String> comparisons) {
    super("no EM session estimated m for " + comparisons + ": add a training blocking rule that does not use their "
        + "fields and that finds pairs in these data, or supply parameters estimated elsewhere");
    this.comparisons = ImmutableList.copyOf(comparisons);
  }

  /** The names of the comparisons left without m. */
  public ImmutableList<String> comparisons() {
    return comparisons;
  }
}
