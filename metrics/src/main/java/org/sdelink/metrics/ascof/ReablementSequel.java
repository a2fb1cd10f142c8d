package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The sequel of a 2A reablement episode, steps 1 and 3 of DHSC {@code Create_ASCOF_2A_2425_Onwards.sql}, section 2:
 * <ol>
 *   <li>Death on or before 7 days after the episode ends: {@code NFA: Deceased} (in neither numerator nor
 *       denominator).</li>
 *   <li>(Not here: the episode's outcome {@code Admitted to hospital} needs the outcome hierarchy to pick the episode's
 *       outcome among conflicting last rows.)</li>
 *   <li>A service in the 7 days after the episode: the person's events (service users, the episode's own ST-Max
 *       services removed) starting on or after the episode start, ending after its end (or open) and starting at most
 *       7 days after its end, before the first start date that has another ST-Max; among their services of a known
 *       type, the best-ranked type (nursing, residential, community, prison, ST-Max, ongoing low level, other short
 *       term), short-term residential or nursing components first; {@code Other short term} with such a component
 *       reads {@code Short term support: Residential or Nursing care}.</li>
 * </ol>
 * Long-term services and short-term residential or nursing care are in the denominator only; ongoing low level and
 * other short-term support in both. Steps 4 to 6 (outcome of the episode, of later non-service events, of nested
 * assessments and reviews; equipment; unable to classify) are not built yet: {@link #of} is empty for them.
 */
public final class ReablementSequel {
  static final String DECEASED = "NFA: Deceased";
  static final String SHORT_TERM_CARE_HOME = "Short term support: Residential or Nursing care";
  static final int WINDOW_DAYS = 7;

  private static final Map<String, Integer> SERVICE_RANK = Map.of(
      AscofCodes.NURSING, 1, AscofCodes.RESIDENTIAL, 2, AscofCodes.COMMUNITY, 3, AscofCodes.PRISON, 4,
      AscofCodes.ST_MAX, 5, "Short Term Support: Ongoing Low Level", 6, "Short Term Support: Other Short Term", 7);

  /** A sequel: its label, the step that found it, and whether it is in the denominator and the numerator. */
  public record Sequel(String label, int step, boolean inDenominator, boolean inNumerator) {}

  private ReablementSequel() {}

  /** The sequel found by steps 1 or 3, or empty when a later step (not yet built) would decide. */
  public static Optional<Sequel> of(AscofPerson person, ReablementEpisodes.Episode episode) {
    checkNotNull(person, "person");
    checkNotNull(episode, "episode");
    EventClusters.Cluster cluster = episode.cluster();
    LocalDate death = person.details().dateOfDeath();
    if (death != null && !death.isAfter(cluster.end().plusDays(WINDOW_DAYS))) {
      return Optional.of(new Sequel(DECEASED, 1, false, false));
    }
    List<SaltEvent> window = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.datesValid(r) && !cluster.members().contains(r))
        .filter(r -> !r.start().isBefore(cluster.start()) && EventClusters.endOrOpen(r).isAfter(cluster.end())
            && !r.start().isAfter(cluster.end().plusDays(WINDOW_DAYS)))
        .toList();
    Optional<LocalDate> nextStMax = window.stream().filter(r -> r.isService(AscofCodes.ST_MAX))
        .map(SaltEvent::start).min(Comparator.naturalOrder());
    return window.stream()
        .filter(r -> nextStMax.isEmpty() || r.start().isBefore(nextStMax.get()))
        .filter(r -> r.is(SaltEvent.SERVICE) && SERVICE_RANK.containsKey(r.serviceType()))
        .min(Comparator.<SaltEvent>comparingInt(r -> SERVICE_RANK.get(r.serviceType()))
            .thenComparing(r -> !shortTermCareHome(r)))
        .map(ReablementSequel::serviceSequel);
  }

  private static boolean shortTermCareHome(SaltEvent service) {
    String component = service.serviceComponent().trim();
    return component.equalsIgnoreCase("Short term residential care")
        || component.equalsIgnoreCase("Short term nursing care");
  }

  private static Sequel serviceSequel(SaltEvent service) {
    int rank = SERVICE_RANK.get(service.serviceType());
    if (rank == 7 && shortTermCareHome(service)) {
      return new Sequel(SHORT_TERM_CARE_HOME, 3, true, false);
    }
    return new Sequel(service.serviceType(), 3, true, rank >= 6);
  }
}
