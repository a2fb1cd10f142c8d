package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;

/**
 * The requests whose waits are measured (DHSC {@code waiting_times_method.sql} v1.1, stages 1.3 and 1.4): service
 * users' requests starting on or after 1 April 2023, aged 25 or over at the request, from new clients, whose outcome
 * is neither an NFA nor {@code Admitted to hospital}.
 * <ul>
 *   <li>New client: no service of the person (any client type, as the code joins the person's services) that started
 *       before the request and is a long-term service ending on or after the request date minus 12 months (or open),
 *       or an ST-Max or other short-term service ending on or after the request date minus 3 months (or open).</li>
 *   <li>Outcome: the code keeps requests whose {@code Event_Outcome_Grouped} is {@code NOT IN ('NFA', 'Admitted to
 *       hospital')}. DHSC's grouping is not published; its comment says every NFA outcome is {@code NFA} and
 *       {@code Admitted to hospital} is itself. The grouping comes from a lookup on the raw outcome
 *       ({@code create_GetDerivedFields_procedure.sql}: {@code LEFT JOIN REF_Event_Outcome_Mapping}), so a blank or
 *       unlisted outcome has none (NULL), and {@code NULL NOT IN (...)} drops the request. sdelink keeps exactly the
 *       listed outcomes of either release that are neither NFA nor {@code Admitted to hospital}
 *       ({@link #KEPT_OUTCOMES}, Release 1 spelling, compared through {@code Spellings}); a blank or unlisted outcome
 *       is dropped as in the code ({@link #outcomeClass} names the reason, counted in report.json).</li>
 * </ul>
 * {@link FirstResponses} links each request to its first assessment and first service.
 */
public final class WaitingRequests {
  static final LocalDate FIRST_REQUEST = LocalDate.of(2023, 4, 1);
  private static final ImmutableSet<String> LONG_TERM = ImmutableSet.of("Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison");
  private static final ImmutableSet<String> SHORT_TERM = ImmutableSet.of("Short Term Support: ST-Max",
      "Short Term Support: Other Short Term");

  /**
   * The request outcomes that keep a request (Release 1 spelling; the Release 2 values read as these through
   * {@code Spellings}: {@code Progress to assessment, review or reassessment}, {@code Progress to support planning
   * or services}, {@code Continuation of support or services}); Release 1's {@code Progress to End of Life Care},
   * {@code Progress to financial assessment} and {@code Provision of service} are DHSC's {@code Release 1
   * specification only: Not mapped}, not NFA.
   */
  static final ImmutableSet<String> KEPT_OUTCOMES = ImmutableSet.of("Progress to Reablement/ST-Max",
      "Progress to Assessment", "Progress to Re-assessment / Unplanned Review",
      "Progress to Support Planning / Services", "Progress to End of Life Care", "No change in package",
      "Progress to financial assessment", "Provision of service");

  private WaitingRequests() {}

  /** True when {@code request} (one of the person's {@code rows}) starts a measured wait. */
  public static boolean inCohort(SaltEvent request, List<SaltEvent> rows, OptionalInt ageAtRequest) {
    checkNotNull(request, "request");
    checkNotNull(rows, "rows");
    checkNotNull(ageAtRequest, "ageAtRequest");
    checkArgument(request.is(SaltEvent.REQUEST), "only requests start a wait");
    return inCohortExceptOutcome(request, rows, ageAtRequest) && progresses(request);
  }

  /** Every test of {@link #inCohort} but the outcome's. */
  static boolean inCohortExceptOutcome(SaltEvent request, List<SaltEvent> rows, OptionalInt ageAtRequest) {
    return request.isServiceUser() && !request.start().isBefore(FIRST_REQUEST)
        && ageAtRequest.isPresent() && ageAtRequest.getAsInt() >= 25
        && fromNewClient(request, rows);
  }

  /** No earlier long-term (12 months) or ST-Max / other short-term (3 months) service still recent at the request. */
  static boolean fromNewClient(SaltEvent request, List<SaltEvent> rows) {
    LocalDate day = request.start();
    return rows.stream().filter(s -> s.is(SaltEvent.SERVICE) && s.start().isBefore(day)).noneMatch(s ->
        (LONG_TERM.contains(s.serviceType()) && endsOnOrAfter(s, day.minusMonths(12)))
            || (SHORT_TERM.contains(s.serviceType()) && endsOnOrAfter(s, day.minusMonths(3))));
  }

  /** The code's {@code Der_Event_End_Date >= day OR Der_Event_End_Date IS NULL}. */
  private static boolean endsOnOrAfter(SaltEvent service, LocalDate day) {
    LocalDate end = EventsInPeriod.derivedEnd(service);
    return end == null || !end.isBefore(day);
  }

  /** The outcome is a listed one that is neither an NFA nor {@code Admitted to hospital}. */
  static boolean progresses(SaltEvent request) {
    return KEPT_OUTCOMES.contains(request.outcome());
  }

  /**
   * Why a request's outcome keeps or drops it: {@code kept}, {@code nfa}, {@code admitted_to_hospital},
   * {@code blank} or {@code unlisted} (a value of neither release's list: the code's lookup gives it no group).
   */
  public static String outcomeClass(SaltEvent request) {
    checkNotNull(request, "request");
    String outcome = request.outcome();
    if (KEPT_OUTCOMES.contains(outcome)) {
      return "kept";
    }
    if (outcome.isEmpty()) {
      return "blank";
    }
    if (outcome.equals("Admitted to hospital")) {
      return "admitted_to_hospital";
    }
    if (outcome.toUpperCase(Locale.ROOT).startsWith("NFA") || outcome.equals("Service ended as planned")) {
      return "nfa";
    }
    return "unlisted";
  }
}
