package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The outcome of ASCOF 2D part 1 (DHSC {@code Create_ASCOF_2D.sql}, stage 4): an episode of reablement after a
 * discharge counts in the numerator when, within 84 days (12 weeks) of the discharge, the person did not die (death
 * on or after the discharge and at most 84 days after it), was not admitted to hospital as an emergency (an emergency
 * or non-elective spell, not a stillbirth, admitted after both the discharge and the episode start and at most 84
 * days after the discharge) and did not start long-term residential or nursing care (a service starting on or after
 * the discharge and at most 84 days after it). The code uses 84 days, not the 91 of the earlier ASCOF definition.
 */
public final class StillAtHome {
  static final int DAYS = 84;

  private StillAtHome() {}

  /**
   * True when the person remained at home: {@code emergencyAdmissions} are the admission dates of the person's
   * emergency spells (the caller applies the SUS filter), {@code dateOfDeath} the CLD person's latest date of death.
   */
  public static boolean of(AscofPerson person, LocalDate episodeStart, LocalDate discharge,
      @Nullable LocalDate dateOfDeath, List<LocalDate> emergencyAdmissions) {
    checkNotNull(person, "person");
    return of(person.rows(), episodeStart, discharge, dateOfDeath, emergencyAdmissions);
  }

  /**
   * The same over {@code rows}: the rows of every council of a linked person, as the code looks for a care-home start
   * on the person id only, in any council.
   */
  public static boolean of(List<SaltEvent> rows, LocalDate episodeStart, LocalDate discharge,
      @Nullable LocalDate dateOfDeath, List<LocalDate> emergencyAdmissions) {
    return outcomes(rows, episodeStart, discharge, dateOfDeath, emergencyAdmissions, DAYS).atHome();
  }

  /** The three outcomes of the code's {@code Outcome_Combo} (death, readmission, care home) within {@code days}. */
  public record Outcomes(boolean died, boolean readmitted, boolean careHome) {
    /** None of the three: the episode is in part 1's numerator ({@code Outcome_Combo = '000'}). */
    public boolean atHome() {
      return !died && !readmitted && !careHome;
    }
  }

  /**
   * The outcomes over {@code days} after the discharge: {@link #DAYS} (84) is the code's; other lengths only size
   * the deviation (docs/statistics.md, A5: 91 days).
   */
  public static Outcomes outcomes(List<SaltEvent> rows, LocalDate episodeStart, LocalDate discharge,
      @Nullable LocalDate dateOfDeath, List<LocalDate> emergencyAdmissions, int days) {
    checkNotNull(rows, "rows");
    checkNotNull(episodeStart, "episodeStart");
    checkNotNull(discharge, "discharge");
    checkNotNull(emergencyAdmissions, "emergencyAdmissions");
    LocalDate limit = discharge.plusDays(days);
    boolean died = dateOfDeath != null && !dateOfDeath.isBefore(discharge) && !dateOfDeath.isAfter(limit);
    boolean readmitted = emergencyAdmissions.stream()
        .anyMatch(a -> a.isAfter(episodeStart) && a.isAfter(discharge) && !a.isAfter(limit));
    boolean careHome = rows.stream().anyMatch(r -> r.isServiceUser() && AscofCodes.datesValid(r)
        && (r.isService(AscofCodes.RESIDENTIAL) || r.isService(AscofCodes.NURSING))
        && !r.start().isBefore(discharge) && !r.start().isAfter(limit));
    return new Outcomes(died, readmitted, careHome);
  }
}
