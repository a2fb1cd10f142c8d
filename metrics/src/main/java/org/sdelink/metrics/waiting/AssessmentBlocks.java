package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The assessment-block rule of the DHSC waiting times ({@code waiting_times_method.sql} v1.1, stage 2.3b):
 * consecutive assessments in the chronology (no request or service between them) form a block, and a block indicates
 * progress to a service when any of its assessments has the outcome {@code Progress to reablement/ST-Max},
 * {@code Progress to support planning or services} or {@code Continuation of support or services} (Release 1:
 * {@code No change in package}). When a request's first response is an assessment of a block that does not, the
 * request's first service is not counted (stage 3.3). Release 1's {@code Provision of service} has no Release 2
 * meaning in the published code lists; it is read as progress to a service (an assumption, docs/statistics.md).
 */
public final class AssessmentBlocks {
  static final ImmutableSet<String> PROGRESS_TO_SERVICE = ImmutableSet.of("Progress to Reablement/ST-Max",
      "Progress to Support Planning / Services", "No change in package", "Provision of service");

  private AssessmentBlocks() {}

  /** For each assessment of {@code chronology} (by order), whether its block indicates progress to a service. */
  public static ImmutableMap<Integer, Boolean> progressToService(List<WaitingChronology.Entry> chronology) {
    checkNotNull(chronology, "chronology");
    Map<Integer, Integer> blockOf = new HashMap<>();
    Map<Integer, Boolean> blockProgress = new HashMap<>();
    int block = 0;
    for (WaitingChronology.Entry entry : chronology) {
      if (!entry.is(SaltEvent.ASSESSMENT)) {
        block++;
        continue;
      }
      blockOf.put(entry.order(), block);
      blockProgress.merge(block, PROGRESS_TO_SERVICE.contains(entry.event().outcome()), Boolean::logicalOr);
    }
    ImmutableMap.Builder<Integer, Boolean> result = ImmutableMap.builder();
    blockOf.forEach((order, b) -> result.put(order, blockProgress.get(b)));
    return result.buildOrThrow();
  }
}
