package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;
import org.sdelink.metrics.submissions.LatestVersions;
import org.sdelink.metrics.submissions.SubmissionWindow;

/**
 * The waits of one council-local person (DHSC {@code waiting_times_method.sql} v1.1, stages 2.4 to 4.1): for each
 * request of the cohort, in chronology order ({@link WaitingChronology}: same-day request before assessment before
 * service),
 * <ol>
 *   <li>the first assessment and the first service after it in the chronology;</li>
 *   <li>the first response is the first assessment, or the first service when there is no assessment or the service
 *       comes first (stage 3.2);</li>
 *   <li>the first service is dropped when the first response is an assessment whose block does not indicate
 *       progress to a service ({@link AssessmentBlocks}, stage 3.3);</li>
 *   <li>requests overlapping an earlier request's follow-up give no wait ({@link OverlappingRequests}, stage 3.4).</li>
 * </ol>
 * Each remaining response gives a {@link Wait} in the response's age band at its derived end
 * ({@link WaitingAgeBand#atLatestAge}; none when unknown, as the code keeps only the two bands). Not built: the
 * Release 1 conversation override (stage 3.1) reads {@code Der_Conversation}, a column DHSC's input table carries
 * that no CLD specification field or published procedure derives (docs/statistics.md, W1).
 */
public final class FirstResponses {
  private FirstResponses() {}

  /**
   * The waits of one person's rows as read from the records file (all of one council and person, any submission):
   * DHSC's table first keeps the rows in their submission's reporting period ({@link EventsInPeriod}), then the
   * latest version of each event ({@link LatestVersions} inside {@code window}).
   */
  public static ImmutableList<Wait> ofSubmitted(List<SaltEvent> rows, SubmissionWindow window) {
    checkNotNull(rows, "rows");
    checkNotNull(window, "window");
    return of(LatestVersions.of(rows.stream().filter(EventsInPeriod::inPeriod).toList(), window).kept());
  }

  /** The waits of one person's de-duplicated {@code rows} (all of one council and person). */
  public static ImmutableList<Wait> of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    ImmutableList<WaitingChronology.Entry> chronology = WaitingChronology.of(rows);
    ImmutableMap<Integer, Boolean> blocks = AssessmentBlocks.progressToService(chronology);
    List<WaitingChronology.Entry> requests = new ArrayList<>();
    List<WaitingChronology.Entry> responses = new ArrayList<>();
    List<WaitingChronology.Entry> services = new ArrayList<>();
    List<OverlappingRequests.Linked> linked = new ArrayList<>();
    for (WaitingChronology.Entry request : chronology) {
      if (!request.is(SaltEvent.REQUEST)) {
        continue;
      }
      WaitingChronology.Entry assessment = WaitingChronology.first(chronology, SaltEvent.ASSESSMENT, request.order());
      WaitingChronology.Entry service = WaitingChronology.first(chronology, SaltEvent.SERVICE, request.order());
      WaitingChronology.Entry response =
          service != null && (assessment == null || assessment.order() > service.order()) ? service : assessment;
      if (response != null && response.is(SaltEvent.ASSESSMENT) && !blocks.get(response.order())) {
        service = null;
      }
      requests.add(request);
      responses.add(response);
      services.add(service);
      linked.add(new OverlappingRequests.Linked(request.order(), order(response), order(service)));
    }
    List<Boolean> excluded = OverlappingRequests.excluded(linked);
    ImmutableList.Builder<Wait> waits = ImmutableList.builder();
    for (int i = 0; i < requests.size(); i++) {
      if (excluded.get(i)) {
        continue;
      }
      add(waits, Wait.FIRST_RESPONSE, requests.get(i), responses.get(i));
      add(waits, Wait.FIRST_SERVICE, requests.get(i), services.get(i));
    }
    return waits.build();
  }

  private static void add(ImmutableList.Builder<Wait> waits, String part, WaitingChronology.Entry request,
      WaitingChronology.@Nullable Entry response) {
    if (response != null && response.ageBand().isPresent()) {
      waits.add(new Wait(part, request.start(), response.start(), response.ageBand().get()));
    }
  }

  private static @Nullable Integer order(WaitingChronology.@Nullable Entry entry) {
    return entry == null ? null : entry.order();
  }
}
