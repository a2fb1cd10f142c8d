package org.sdelink.linkage.evaluation;

import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;

/**
 * Pairwise linkage quality overall and by subgroup (e.g. ethnic group, age band), so that differential linkage
 * error can be seen and accounted for.
 */
public record EvaluationReport(PairwiseCounts overall, ImmutableSortedMap<String, PairwiseCounts> bySubgroup)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("overall: ").append(overall);
    bySubgroup.forEach((group, counts) -> text.append('\n').append(group).append(": ").append(counts));
    return text.toString();
  }
}
