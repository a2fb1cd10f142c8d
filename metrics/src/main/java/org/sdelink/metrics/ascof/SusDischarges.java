package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import org.sdelink.metrics.evaluation.ReportingPeriod;

/**
 * The SUS side of ASCOF 2D (DHSC {@code Create_ASCOF_2D.sql}, stage 2 {@code #SUS_All_Discharges} and stage 4
 * {@code #Readmissions_Data}).
 * <ul>
 *   <li>A counted discharge (part 2 denominator, and the discharges reablement is linked to): the last episode of its
 *       spell, aged 65 or over at discharge, admission method not 31, 32, 82, 83 (maternity and births), discharge
 *       method not 4 or 5 (died, stillbirth), destination not 49-52, 79, 87, 88 (death, other hospitals and
 *       institutions), treatment function not 199, 223, 290, 291, 331, 344-346, 424, 499, 501, 504, 560, 660-662,
 *       840, 920, 65x or 7xx, admitted on or after 1 April 2023 and before the discharge day, discharged in the
 *       period. As in the code's {@code NOT IN}, a blank method, destination or treatment function excludes.</li>
 *   <li>An emergency readmission: the last episode of a spell admitted before its discharge day and on or after the
 *       period start, discharge method not 5 (a blank one excludes, as {@code NOT IN}), of management type emergency or non-elective (SUS's derived
 *       {@code Der_Management_Type} {@code EM}/{@code NE}, not in HES: sdelink reads admission methods 21-28, 2A-2D
 *       as EM and 31, 32, 81, 82, 83 as NE, an assumption documented in docs/statistics.md).</li>
 * </ul>
 * The age is HES's {@code age_at_disdate}; the code derives it from month and year of birth (1st of the month).
 */
public final class SusDischarges {
  static final LocalDate CLD_START = LocalDate.of(2023, 4, 1);
  private static final ImmutableSet<String> EXCLUDED_ADMISSION = ImmutableSet.of("31", "32", "82", "83");
  private static final ImmutableSet<String> EXCLUDED_DISCHARGE = ImmutableSet.of("4", "5");
  private static final ImmutableSet<String> EXCLUDED_DESTINATION =
      ImmutableSet.of("49", "50", "51", "52", "79", "87", "88");
  private static final ImmutableSet<String> EXCLUDED_FUNCTION = ImmutableSet.of("199", "223", "290", "291", "331",
      "344", "345", "346", "424", "499", "501", "504", "560", "660", "661", "662", "840", "920");
  private static final ImmutableSet<String> EMERGENCY = ImmutableSet.of("21", "22", "23", "24", "25", "28", "2A",
      "2B", "2C", "2D", "31", "32", "81", "82", "83");

  private SusDischarges() {}

  /** True when {@code episode} is a discharge counted by ASCOF 2D in {@code period}. */
  public static boolean counted(HospitalDischarge episode, ReportingPeriod period) {
    checkNotNull(episode, "episode");
    checkNotNull(period, "period");
    LocalDate admission = episode.admission();
    LocalDate discharge = episode.discharge();
    String function = episode.treatmentFunction();
    return episode.lastEpisode() && admission != null && discharge != null
        && episode.ageAtDischarge() != null && episode.ageAtDischarge() >= 65
        && known(episode.admissionMethod()) && !EXCLUDED_ADMISSION.contains(episode.admissionMethod())
        && known(episode.dischargeMethod()) && !EXCLUDED_DISCHARGE.contains(episode.dischargeMethod())
        && known(episode.dischargeDestination()) && !EXCLUDED_DESTINATION.contains(episode.dischargeDestination())
        && known(function) && !EXCLUDED_FUNCTION.contains(function) && !function.startsWith("65")
        && !function.startsWith("7")
        && !admission.isBefore(CLD_START) && admission.isBefore(discharge) && period.contains(discharge);
  }

  /** True when {@code episode} ends an emergency spell admitted on or after the period start. */
  public static boolean emergencyReadmission(HospitalDischarge episode, ReportingPeriod period) {
    checkNotNull(episode, "episode");
    checkNotNull(period, "period");
    LocalDate admission = episode.admission();
    return episode.lastEpisode() && admission != null && episode.discharge() != null
        && admission.isBefore(episode.discharge()) && EMERGENCY.contains(episode.admissionMethod().toUpperCase())
        && known(episode.dischargeMethod()) && !episode.dischargeMethod().equals("5") && !admission.isBefore(period.start());
  }

  private static boolean known(String code) {
    return !code.isEmpty();
  }
}
