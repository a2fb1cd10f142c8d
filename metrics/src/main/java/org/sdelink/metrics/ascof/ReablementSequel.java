package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The sequel of a 2A reablement episode (DHSC {@code Create_ASCOF_2A_2425_Onwards.sql}, section 2): the first of
 * these steps that finds one decides.
 * <ol>
 *   <li>Death on or before 7 days after the episode ends: {@code NFA - Deceased}.</li>
 *   <li>The episode's own outcome is {@code Admitted to hospital}. The episode's outcome is that of its latest-ending
 *       ST-Max rows, the best-ranked ({@link ReablementOutcomeHierarchy}) when they conflict.</li>
 *   <li>A service in the 7 days after the episode: the person's events (service users, the episode's own ST-Max
 *       services removed) starting on or after the episode start, ending after its end (or open) and starting at most
 *       7 days after its end, before the first start date that has another ST-Max (the "window"); among their services
 *       of a known type, the best-ranked type (nursing, residential, community, prison, ST-Max, ongoing low level,
 *       other short term), short-term residential or nursing components first; {@code Other short term} with such a
 *       component reads {@code Short term support: Residential or Nursing care}.</li>
 *   <li>The best-ranked usable outcome among: (a) the episode's outcome; (b) the outcomes of the window's non-service
 *       events, except {@code Service ended as planned} (a window event is considered when it or the episode has a
 *       usable outcome; the episode's outcome is then a candidate too); (c) the outcome of the latest-ending assessment
 *       or review nested in the episode (starting on or after its start, ending after its start, on or before its
 *       end and less than 14 days before it) with a usable outcome.</li>
 *   <li>Equipment (a service with component {@code Equipment}) nested in the episode: {@code Short Term Support:
 *       Ongoing Low Level}.</li>
 *   <li>Otherwise the episode's own outcome ("unable to classify" unless it is one of the counted outcomes).</li>
 * </ol>
 * The label then decides ({@link #inDenominator}, {@link #inNumerator}): long-term services and short-term care homes
 * are in the denominator only; ongoing low level, other short term and the concluding NFA outcomes (information and
 * advice, support ended as planned, moved to another council, other, no services offered for another reason, support
 * ended for another reason, referral within the council) in both; everything else (deceased, hospital, self-funded,
 * declined, NHS-funded, the unusable outcomes) in neither.
 */
public final class ReablementSequel {
  static final String DECEASED = "NFA - Deceased";
  static final String ADMITTED_TO_HOSPITAL = "Admitted to hospital";
  static final String SHORT_TERM_CARE_HOME = "Short term support: Residential or Nursing care";
  static final String ONGOING_LOW_LEVEL = "Short Term Support: Ongoing Low Level";
  static final String ENDED_AS_PLANNED = "Service ended as planned";
  static final int WINDOW_DAYS = 7;
  static final int NESTED_REVIEW_DAYS = 14;

  private static final Map<String, Integer> SERVICE_RANK = Map.of(
      AscofCodes.NURSING, 1, AscofCodes.RESIDENTIAL, 2, AscofCodes.COMMUNITY, 3, AscofCodes.PRISON, 4,
      AscofCodes.ST_MAX, 5, ONGOING_LOW_LEVEL, 6, "Short Term Support: Other Short Term", 7);
  private static final ImmutableSet<String> NUMERATOR = folded(
      ONGOING_LOW_LEVEL, "Short Term Support: Other Short Term",
      "NFA - Information & Advice / Signposting only", ENDED_AS_PLANNED, "NFA - Moved to another LA", "NFA- Other",
      "NFA - No services offered: Other reason", "NFA - Support ended: Other reason",
      "NFA: Referral to other service within the local authority");
  private static final ImmutableSet<String> DENOMINATOR_ONLY = folded(
      AscofCodes.NURSING, AscofCodes.RESIDENTIAL, AscofCodes.COMMUNITY, AscofCodes.PRISON, SHORT_TERM_CARE_HOME);

  /** A sequel: its label, the step that found it ({@code 1} .. {@code 6}, step 4 as {@code 4a|4b|4c}). */
  public record Sequel(String label, String step) {
    public Sequel {
      checkNotNull(label, "label");
      checkNotNull(step, "step");
    }

    /** In the 2A denominator. */
    public boolean inDenominator() {
      return ReablementSequel.inDenominator(label);
    }

    /** In the 2A numerator (no further request for ongoing support). */
    public boolean inNumerator() {
      return ReablementSequel.inNumerator(label);
    }
  }

  private record Candidate(int rank, String label, int source) {}

  private ReablementSequel() {}

  private static ImmutableSet<String> folded(String... labels) {
    return java.util.Arrays.stream(labels).map(l -> l.toLowerCase(Locale.ROOT))
        .collect(ImmutableSet.toImmutableSet());
  }

  static boolean inNumerator(String label) {
    return NUMERATOR.contains(label.toLowerCase(Locale.ROOT));
  }

  static boolean inDenominator(String label) {
    return inNumerator(label) || DENOMINATOR_ONLY.contains(label.toLowerCase(Locale.ROOT));
  }

  /** The sequel of {@code episode} (one of {@code person}'s 2A episodes). */
  public static Sequel of(AscofPerson person, ReablementEpisodes.Episode episode) {
    checkNotNull(person, "person");
    checkNotNull(episode, "episode");
    EventClusters.Cluster cluster = episode.cluster();
    LocalDate death = person.details().dateOfDeath();
    if (death != null && !death.isAfter(cluster.end().plusDays(WINDOW_DAYS))) {
      return new Sequel(DECEASED, "1");
    }
    Candidate own = episodeOutcome(cluster);
    if (own.label().equalsIgnoreCase(ADMITTED_TO_HOSPITAL)) {
      return new Sequel(own.label(), "2");
    }
    List<SaltEvent> others = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.datesValid(r) && !cluster.members().contains(r))
        .toList();
    List<SaltEvent> window = window(cluster, others);
    Optional<Sequel> service = window.stream()
        .filter(r -> r.is(SaltEvent.SERVICE) && SERVICE_RANK.containsKey(r.serviceType()))
        .min(Comparator.<SaltEvent>comparingInt(r -> SERVICE_RANK.get(r.serviceType()))
            .thenComparing(r -> !shortTermCareHome(r)))
        .map(ReablementSequel::serviceSequel);
    if (service.isPresent()) {
      return service.get();
    }
    List<SaltEvent> nested = others.stream()
        .filter(r -> !r.start().isBefore(cluster.start()) && r.end() != null && r.end().isAfter(cluster.start())
            && !r.end().isAfter(cluster.end()))
        .toList();
    Optional<Candidate> concluding = concludingOutcome(own, window, nested, cluster);
    if (concluding.isPresent()) {
      return new Sequel(concluding.get().label(), "4" + (char) ('a' + concluding.get().source() - 1));
    }
    if (nested.stream().anyMatch(r -> r.is(SaltEvent.SERVICE)
        && AscofCodes.component(r).equals(AscofCodes.COMPONENT_EQUIPMENT))) {
      return new Sequel(ONGOING_LOW_LEVEL, "5");
    }
    return new Sequel(own.label(), "6");
  }

  /** Step 4's candidates, the best-ranked (then the lowest source) first; empty when none is usable. */
  private static Optional<Candidate> concludingOutcome(Candidate own, List<SaltEvent> window, List<SaltEvent> nested,
      EventClusters.Cluster cluster) {
    java.util.ArrayList<Candidate> candidates = new java.util.ArrayList<>();
    if (window.isEmpty() && own.rank() < ReablementOutcomeHierarchy.UNUSABLE) {
      candidates.add(own);
    }
    List<SaltEvent> nonServices = window.stream()
        .filter(r -> !r.is(SaltEvent.SERVICE) && !r.outcome().equalsIgnoreCase(ENDED_AS_PLANNED))
        .filter(r -> own.rank() < ReablementOutcomeHierarchy.UNUSABLE || ReablementOutcomeHierarchy.usable(r.outcome()))
        .toList();
    if (!nonServices.isEmpty()) {
      candidates.add(own);
      nonServices.stream().filter(r -> ReablementOutcomeHierarchy.usable(r.outcome()))
          .forEach(r -> candidates.add(candidate(r, 2)));
    }
    latestBest(nested.stream()
        .filter(r -> (r.is(SaltEvent.ASSESSMENT) || r.is(SaltEvent.REVIEW))
            && ChronoUnit.DAYS.between(r.end(), cluster.end()) < NESTED_REVIEW_DAYS
            && ReablementOutcomeHierarchy.usable(r.outcome()))
        .toList(), 3).ifPresent(candidates::add);
    return candidates.stream().filter(c -> c.rank() < ReablementOutcomeHierarchy.UNUSABLE)
        .min(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::source));
  }

  /** The events of the 7-day window after the episode, before the first start date holding another ST-Max. */
  private static List<SaltEvent> window(EventClusters.Cluster cluster, List<SaltEvent> others) {
    List<SaltEvent> window = others.stream()
        .filter(r -> !r.start().isBefore(cluster.start()) && EventClusters.endOrOpen(r).isAfter(cluster.end())
            && !r.start().isAfter(cluster.end().plusDays(WINDOW_DAYS)))
        .toList();
    Optional<LocalDate> nextStMax = window.stream().filter(r -> r.isService(AscofCodes.ST_MAX))
        .map(SaltEvent::start).min(Comparator.naturalOrder());
    return window.stream().filter(r -> nextStMax.isEmpty() || r.start().isBefore(nextStMax.get())).toList();
  }

  /** The outcome of the episode: of its latest-ending rows, the best-ranked (then the alphabetically first label). */
  private static Candidate episodeOutcome(EventClusters.Cluster cluster) {
    return latestBest(cluster.members(), 1).orElseThrow();
  }

  private static Optional<Candidate> latestBest(List<SaltEvent> rows, int source) {
    Optional<LocalDate> latest = rows.stream().map(EventClusters::endOrOpen).max(Comparator.naturalOrder());
    return latest.flatMap(end -> rows.stream().filter(r -> EventClusters.endOrOpen(r).equals(end))
        .map(r -> candidate(r, source))
        .min(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::label)));
  }

  private static Candidate candidate(SaltEvent row, int source) {
    return new Candidate(ReablementOutcomeHierarchy.rank(row.outcome()),
        ReablementOutcomeHierarchy.label(row.outcome()), source);
  }

  private static boolean shortTermCareHome(SaltEvent service) {
    String component = service.serviceComponent().trim();
    return component.equalsIgnoreCase("Short term residential care")
        || component.equalsIgnoreCase("Short term nursing care");
  }

  private static Sequel serviceSequel(SaltEvent service) {
    int rank = SERVICE_RANK.get(service.serviceType());
    if (rank == 7 && shortTermCareHome(service)) {
      return new Sequel(SHORT_TERM_CARE_HOME, "3");
    }
    return new Sequel(service.serviceType(), "3");
  }
}
