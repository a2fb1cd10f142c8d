package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;

/**
 * Sizes of the waiting-time deviations for the stage report (docs/statistics.md, W2): of one person's requests that
 * pass every other cohort test of {@link WaitingRequests} (service user, from 1 April 2023, 25 or over, new
 * client, in their reporting period), how many each outcome class decides ({@link WaitingRequests#outcomeClass}):
 * {@code deviation_W2_requests_outcome_<class>}. The {@code blank} and {@code unlisted} requests are those the
 * unpublished {@code Event_Outcome_Grouped} would decide if DHSC's lookup gave them a group.
 */
public final class WaitingDeviations {
  public static final String PREFIX = "deviation_W2_requests_outcome_";

  private WaitingDeviations() {}

  /** The counts for one person's de-duplicated {@code rows} (all of one council and person). */
  public static ImmutableSortedMap<String, Long> of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    List<SaltEvent> inPeriod = rows.stream().filter(EventsInPeriod::inPeriod).toList();
    Map<String, Long> counts = new TreeMap<>();
    for (SaltEvent request : inPeriod) {
      if (request.is(SaltEvent.REQUEST) && WaitingRequests.inCohortExceptOutcome(request, inPeriod,
          WaitingChronology.ageAtStart(request))) {
        counts.merge(PREFIX + WaitingRequests.outcomeClass(request), 1L, Long::sum);
      }
    }
    return ImmutableSortedMap.copyOf(counts);
  }
}
