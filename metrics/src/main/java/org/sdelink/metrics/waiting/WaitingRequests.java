package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The requests whose waits are measured (DHSC {@code waiting_times_method.sql} v1.1, stages 1.3 and 1.4): service
 * users' requests starting on or after 1 April 2023, aged 25 or over at the request, from new clients, whose outcome
 * is neither an NFA nor {@code Admitted to hospital}.
 * <ul>
 *   <li>New client: no service of the person (any client type, as the code joins the person's services) that started
 *       before the request and is a long-term service ending on or after the request date minus 12 months (or open),
 *       or an ST-Max or other short-term service ending on or after the request date minus 3 months (or open).</li>
 *   <li>Outcome: the code filters on DHSC's {@code Event_Outcome_Grouped} (not published); sdelink reads every NFA
 *       outcome of either release ({@code NFA - ...}, {@code NFA- Other}, {@code Service ended as planned}, which is
 *       Release 2's {@code NFA: Support ended as planned}) and {@code Admitted to hospital} as excluded, and a blank
 *       outcome as kept (an assumption to check against the published figures).</li>
 * </ul>
 * {@link FirstResponses} links each request to its first assessment and first service.
 */
public final class WaitingRequests {
  static final LocalDate FIRST_REQUEST = LocalDate.of(2023, 4, 1);
  private static final ImmutableSet<String> LONG_TERM = ImmutableSet.of("Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison");
  private static final ImmutableSet<String> SHORT_TERM = ImmutableSet.of("Short Term Support: ST-Max",
      "Short Term Support: Other Short Term");

  private WaitingRequests() {}

  /** True when {@code request} (one of the person's {@code rows}) starts a measured wait. */
  public static boolean inCohort(SaltEvent request, List<SaltEvent> rows, OptionalInt ageAtRequest) {
    checkNotNull(request, "request");
    checkNotNull(rows, "rows");
    checkNotNull(ageAtRequest, "ageAtRequest");
    checkArgument(request.is(SaltEvent.REQUEST), "only requests start a wait");
    return request.isServiceUser() && !request.start().isBefore(FIRST_REQUEST)
        && ageAtRequest.isPresent() && ageAtRequest.getAsInt() >= 25
        && fromNewClient(request, rows) && progresses(request);
  }

  /** No earlier long-term (12 months) or ST-Max / other short-term (3 months) service still recent at the request. */
  static boolean fromNewClient(SaltEvent request, List<SaltEvent> rows) {
    LocalDate day = request.start();
    return rows.stream().filter(s -> s.is(SaltEvent.SERVICE) && s.start().isBefore(day)).noneMatch(s ->
        (LONG_TERM.contains(s.serviceType()) && (s.end() == null || !s.end().isBefore(day.minusMonths(12))))
            || (SHORT_TERM.contains(s.serviceType()) && (s.end() == null || !s.end().isBefore(day.minusMonths(3)))));
  }

  /** The outcome is neither an NFA nor {@code Admitted to hospital}. */
  static boolean progresses(SaltEvent request) {
    String outcome = request.outcome();
    return !(outcome.startsWith("NFA") || outcome.equals("Service ended as planned")
        || outcome.equals("Admitted to hospital"));
  }
}
