package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The cohort of ASCOF 2A: reablement (ST-Max) episodes of new clients ending in the period (DHSC {@code
 * Create_ASCOF_2A_2425_Onwards.sql}, section 1). Groundwork: the 2A measure itself also needs the sequel steps, and
 * step 4 and the episode's own outcome need DHSC's {@code REF_Event_Outcome_Hierarchy_R2}, which is not published
 * (docs/statistics.md); so 2A is not yet in {@link AscofCatalogue}.
 * <ol>
 *   <li>The service user's ST-Max services (end not before start) are clustered with gaps of at most 7 days ({@code
 *       DATEDIFF(DAY, Previous_End_Date, Event_Start_Date) <= 7}, the previous end being the running maximum, as
 *       {@link EventClusters} does).</li>
 *   <li>A cluster counts when it ends in the period (an open cluster never does).</li>
 *   <li>The person: 18 or over at the cluster end, or of unknown age; not dead before the cluster start.</li>
 *   <li>New client: no long-term service (nursing, residential, community, prison) that started before the cluster
 *       and ended less than 91 days before its start, or is open.</li>
 * </ol>
 * The group is the age band at the cluster end; an unknown age counts in {@code all} only (the code's {@code ROLLUP}).
 */
public final class ReablementEpisodes {
  static final int CLUSTER_GAP_DAYS = 7;
  static final int NEW_CLIENT_DAYS = 91;

  /** One episode: the ST-Max cluster, and its age group (empty: unknown age). */
  public record Episode(EventClusters.Cluster cluster, Optional<String> group) {}

  private ReablementEpisodes() {}

  /** The person's episodes in the 2A cohort, in date order. */
  public static ImmutableList<Episode> of(AscofPerson person) {
    checkNotNull(person, "person");
    List<SaltEvent> usable = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.datesValid(r)).toList();
    List<SaltEvent> stMax = usable.stream().filter(r -> r.isService(AscofCodes.ST_MAX)).toList();
    List<SaltEvent> longTerm = usable.stream().filter(AscofCodes::isLongTermService).toList();
    PersonDetails details = person.details();
    ImmutableList.Builder<Episode> episodes = ImmutableList.builder();
    for (EventClusters.Cluster cluster : EventClusters.of(stMax, CLUSTER_GAP_DAYS).clusters()) {
      if (cluster.isOpen() || !person.period().contains(cluster.end()) || !details.aliveOn(cluster.start())) {
        continue;
      }
      OptionalInt age = details.ageOn(cluster.end());
      if (age.isPresent() && age.getAsInt() < 18) {
        continue;
      }
      if (isNewClient(cluster.start(), longTerm)) {
        episodes.add(new Episode(cluster, AscofGroup.band(age)));
      }
    }
    return episodes.build();
  }

  static boolean isNewClient(LocalDate clusterStart, List<SaltEvent> longTerm) {
    return longTerm.stream().noneMatch(s -> s.start().isBefore(clusterStart)
        && (s.end() == null || ChronoUnit.DAYS.between(s.end(), clusterStart) < NEW_CLIENT_DAYS));
  }
}
