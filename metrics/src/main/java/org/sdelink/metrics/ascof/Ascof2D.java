package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * ASCOF 2D for one linked person (DHSC {@code Create_ASCOF_2D.sql}): what the person's hospital discharges and
 * reablement episodes add to {@code 2D_part1} (still at home 84 days after a discharge into reablement, of those
 * discharged into reablement) and {@code 2D_part2} (discharged into reablement, of all discharges). A linked person
 * is whatever the linkage makes one: a spine person of {@code sdelink link}, or one pseudonymised NHS number (the
 * code's {@code Der_NHS_LA_Combined_Person_ID} join); the rule is the same for both.
 * <ol>
 *   <li>The person's CLD rows, per council (de-duplicated by the caller), of councils where the person was alive at
 *       the period start (the code's {@code ASCOF_2D_CLD_Cleaned}).</li>
 *   <li>Discharges: {@link SusDischarges#counted}, not in nursing, residential or prison care (any council) on the
 *       admission day, with a {@link CouncilOfResidence}: each adds 1 to part 2's denominator there.</li>
 *   <li>Each council's reablement episodes ({@link ReablementAfterDischarge#episodes}) linked to the latest discharge
 *       7 days before to 3 days after the episode start ({@link ReablementAfterDischarge#dischargeBefore}) add 1 to
 *       part 1's denominator and part 2's numerator in the episode's council, and 1 to part 1's numerator when
 *       {@link StillAtHome} (no death in that council's details, no emergency readmission, no care-home start in
 *       any council within 84 days).</li>
 * </ol>
 * Group {@code 65+} (every discharge counted is of a person aged 65 or over); the code's client-type and
 * demographic breakdowns are not written.
 */
public final class Ascof2D {
  public static final String PART_1 = "2D_part1";
  public static final String PART_2 = "2D_part2";
  public static final String GROUP = AscofGroup.OLDER;
  private static final String LINKED = "linked";
  /** The 91 days of the measure's name (the code uses {@link StillAtHome#DAYS}, 84). */
  static final int DAYS_OF_THE_NAME = 91;
  /**
   * Deviation sizes, as contributions to {@link CouncilOfResidence#UNATTRIBUTED} (England only) whose measure names
   * the deviation (docs/statistics.md): A5, part 1 episodes whose numerator outcome differs with 91 days instead
   * of 84; D2, part 1 episodes kept out of the numerator by an emergency readmission alone (an upper bound of what
   * reading SUS's {@code Der_Management_Type} instead of the admission method could change).
   */
  public static final String OUTCOMES_CHANGED_BY_91_DAYS = "deviation_A5_2D_part1_outcomes_changed_by_91_days";
  public static final String DECIDED_BY_READMISSION_ONLY = "deviation_D2_2D_part1_episodes_out_by_readmission_only";
  public static final List<String> DEVIATIONS = List.of(OUTCOMES_CHANGED_BY_91_DAYS, DECIDED_BY_READMISSION_ONLY);

  private Ascof2D() {}

  /**
   * The contributions of one linked person: {@code rowsByCouncil} its de-duplicated CLD rows per council (any
   * council-local tokens), {@code episodes} its APC episodes. A contribution's council may be
   * {@link CouncilOfResidence#UNATTRIBUTED} (England only).
   */
  public static ImmutableList<Contribution> of(ReportingPeriod period, Map<String, List<SaltEvent>> rowsByCouncil,
      List<HospitalDischarge> episodes, CouncilOfResidence residence) {
    checkNotNull(period, "period");
    checkNotNull(rowsByCouncil, "rowsByCouncil");
    checkNotNull(episodes, "episodes");
    checkNotNull(residence, "residence");
    List<AscofPerson> alive = new ArrayList<>();
    List<SaltEvent> cleaned = new ArrayList<>();
    for (List<SaltEvent> rows : new TreeMap<>(rowsByCouncil).values()) {
      if (rows.isEmpty()) {
        continue;
      }
      AscofPerson person = AscofPerson.of(period, rows.stream().map(Ascof2D::asLinked).toList());
      if (person.details().aliveOn(period.start())) {
        alive.add(person);
        cleaned.addAll(person.rows());
      }
    }
    Map<String, HospitalDischarge> byRecord = new TreeMap<>();
    episodes.forEach(e -> byRecord.putIfAbsent(e.recordId(), e));
    ImmutableList.Builder<Contribution> out = ImmutableList.builder();
    List<ReablementAfterDischarge.Discharge> discharges = new ArrayList<>();
    List<LocalDate> emergencies = new ArrayList<>();
    for (HospitalDischarge episode : byRecord.values()) {
      if (SusDischarges.emergencyReadmission(episode, period)) {
        emergencies.add(episode.admission());
      }
      if (!SusDischarges.counted(episode, period)
          || ReablementAfterDischarge.inLongTermCareAt(cleaned, episode.admission())) {
        continue;
      }
      Optional<String> council = residence.of(episode, rowsByCouncil.keySet());
      if (council.isPresent()) {
        discharges.add(new ReablementAfterDischarge.Discharge(episode.recordId(), episode.admission(),
            episode.discharge()));
        out.add(new Contribution(PART_2, council.get(), GROUP, 0, 1));
      }
    }
    for (AscofPerson person : alive) {
      for (EventClusters.Cluster reablement : ReablementAfterDischarge.episodes(person)) {
        Optional<ReablementAfterDischarge.Discharge> discharge =
            ReablementAfterDischarge.dischargeBefore(reablement, discharges);
        if (discharge.isEmpty()) {
          continue;
        }
        StillAtHome.Outcomes outcomes = StillAtHome.outcomes(cleaned, reablement.start(),
            discharge.get().discharge(), person.details().dateOfDeath(), emergencies, StillAtHome.DAYS);
        boolean atHome = outcomes.atHome();
        out.add(Contribution.counted(PART_1, person.laCode(), GROUP, atHome));
        boolean atHome91 = StillAtHome.outcomes(cleaned, reablement.start(), discharge.get().discharge(),
            person.details().dateOfDeath(), emergencies, DAYS_OF_THE_NAME).atHome();
        if (atHome != atHome91) {
          out.add(deviation(OUTCOMES_CHANGED_BY_91_DAYS));
        }
        if (outcomes.readmitted() && !outcomes.died() && !outcomes.careHome()) {
          out.add(deviation(DECIDED_BY_READMISSION_ONLY));
        }
        out.add(new Contribution(PART_2, person.laCode(), GROUP, 1, 0));
      }
    }
    return out.build();
  }

  private static Contribution deviation(String name) {
    return new Contribution(name, CouncilOfResidence.UNATTRIBUTED, GROUP, 1, 0);
  }

  /** The row under one person token, so the rows of several council-local tokens of one person form one person. */
  private static SaltEvent asLinked(SaltEvent r) {
    return r.withPersonToken(LINKED);
  }

}
