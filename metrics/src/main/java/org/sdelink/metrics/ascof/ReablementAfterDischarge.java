package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The CLD side of ASCOF 2D (DHSC {@code Create_ASCOF_2D.sql}, stages 1 and 3), without the linkage: the person's
 * reablement episodes, whether they were in long-term care when admitted to hospital, and which hospital discharge an
 * episode follows. The caller gives the discharges of the same person (through sdelink's linked persons, or the
 * NHS-number-only link) already filtered as the code filters SUS (65+ at discharge, admission and discharge methods,
 * destinations, treatment functions, last episode, discharge in the period).
 * <ul>
 *   <li>Reablement: service users' ST-Max services whose component is {@code Reablement} (end not before start),
 *       clustered with gaps of at most 7 days; persons dead before the period start have none.</li>
 *   <li>Excluded discharges: the person had a nursing, residential or prison service open on the admission date.</li>
 *   <li>Client type: a community service open on the admission date ("in long-term community support").</li>
 *   <li>Link: an episode follows the latest discharge between 7 days before and 3 days after its start, whose
 *       admission is on or before its start.</li>
 * </ul>
 */
public final class ReablementAfterDischarge {
  static final int DAYS_BEFORE = 7;
  static final int DAYS_AFTER = 3;

  /** One hospital discharge (the last episode of a spell): spell id, admission and discharge dates. */
  public record Discharge(String spellId, LocalDate admission, LocalDate discharge) {
    public Discharge {
      checkNotNull(spellId, "spellId");
      checkNotNull(admission, "admission");
      checkNotNull(discharge, "discharge");
      checkArgument(admission.isBefore(discharge), "a discharge in ASCOF 2D comes after its admission");
    }
  }

  private ReablementAfterDischarge() {}

  /** The person's reablement episodes (all dates; the discharge's period decides what counts). */
  public static ImmutableList<EventClusters.Cluster> episodes(AscofPerson person) {
    checkNotNull(person, "person");
    if (!person.details().aliveOn(person.period().start())) {
      return ImmutableList.of();
    }
    List<SaltEvent> reablement = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.datesValid(r) && r.isService(AscofCodes.ST_MAX)
            && r.serviceComponent().trim().equalsIgnoreCase("Reablement"))
        .toList();
    return EventClusters.of(reablement, ReablementEpisodes.CLUSTER_GAP_DAYS).clusters();
  }

  /** True when a nursing, residential or prison service was open on {@code admission}: the discharge is excluded. */
  public static boolean inLongTermCareAt(AscofPerson person, LocalDate admission) {
    return openOn(person, admission, AscofCodes.NURSING, AscofCodes.RESIDENTIAL, AscofCodes.PRISON);
  }

  /** The same test over the rows of every council of a linked person (the code joins on the person id only). */
  public static boolean inLongTermCareAt(List<SaltEvent> rows, LocalDate admission) {
    checkNotNull(rows, "rows");
    checkNotNull(admission, "admission");
    return rows.stream().anyMatch(r -> r.isServiceUser() && AscofCodes.datesValid(r)
        && (r.isService(AscofCodes.NURSING) || r.isService(AscofCodes.RESIDENTIAL) || r.isService(AscofCodes.PRISON))
        && r.openOn(admission));
  }

  /** True when a community long-term service was open on {@code admission}. */
  public static boolean inCommunitySupportAt(AscofPerson person, LocalDate admission) {
    return openOn(person, admission, AscofCodes.COMMUNITY);
  }

  private static boolean openOn(AscofPerson person, LocalDate day, String... types) {
    checkNotNull(person, "person");
    checkNotNull(day, "day");
    return person.rows().stream().anyMatch(r -> r.isServiceUser() && AscofCodes.datesValid(r)
        && List.of(types).stream().anyMatch(r::isService) && r.openOn(day));
  }

  /** The discharge {@code episode} follows, if any. */
  public static Optional<Discharge> dischargeBefore(EventClusters.Cluster episode, List<Discharge> discharges) {
    checkNotNull(episode, "episode");
    checkNotNull(discharges, "discharges");
    LocalDate start = episode.start();
    return discharges.stream()
        .filter(d -> !d.discharge().isBefore(start.minusDays(DAYS_BEFORE))
            && !d.discharge().isAfter(start.plusDays(DAYS_AFTER)) && !d.admission().isAfter(start))
        .max(Comparator.comparing(Discharge::discharge).thenComparing(Discharge::spellId));
  }
}
