package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * New admissions to residential or nursing care of ASCOF 2B and 2C (DHSC {@code Create_ASCOF_2B2C_2425_Onwards.sql}).
 * <ol>
 *   <li>Care home services: service user, long-term residential or nursing care, birth year and month known, alive on
 *       the period start, a service component that is blank or names residential or nursing care and does not name
 *       short-term care ({@code ASCOF_2BC_Build}).</li>
 *   <li>Admissions: those starting in the period whose outcome is not {@code NFA - Self-funded client}.</li>
 *   <li>New: no other care home service started before it and ended less than 365 days before it (or is open).</li>
 *   <li>Age at the admission's start, 18 or over; a person with new admissions in both bands counts once, under
 *       18-64 (the code's {@code MIN(Age_Band)}).</li>
 * </ol>
 * Deviation: the code's {@code Service_Component NOT LIKE '%Short%'} is unknown for a blank component, so its own
 * {@code Service_Component IS NULL OR ...} never admits one; sdelink keeps blank components as the code intends.
 */
public final class CareHomeAdmissions {
  private CareHomeAdmissions() {}

  /** The age group the person's new admissions count under, or empty when they have none in the period. */
  public static Optional<String> group(AscofPerson person) {
    return group(person, true);
  }

  /**
   * The group as above; with {@code keepBlankComponents} false, as the published code computes it (a blank component
   * never admitted), for the size of deviation A1.
   */
  static Optional<String> group(AscofPerson person, boolean keepBlankComponents) {
    checkNotNull(person, "person");
    PersonDetails details = person.details();
    LocalDate periodStart = person.period().start();
    if (!details.birthKnown() || !details.aliveOn(periodStart)) {
      return Optional.empty();
    }
    List<SaltEvent> careHome = person.rows().stream().filter(CareHomeAdmissions::careHomeService)
        .filter(r -> keepBlankComponents || !r.serviceComponent().isBlank()).toList();
    boolean working = false;
    boolean older = false;
    for (SaltEvent admission : careHome) {
      if (!person.period().contains(admission.start()) || admission.outcome().equals(AscofCodes.SELF_FUNDED)
          || !isNew(admission, careHome)) {
        continue;
      }
      OptionalInt age = details.ageOn(admission.start());
      Optional<String> band = AscofGroup.band(age);
      working |= band.filter(AscofGroup.WORKING_AGE::equals).isPresent();
      older |= band.filter(AscofGroup.OLDER::equals).isPresent();
    }
    return working ? Optional.of(AscofGroup.WORKING_AGE) : older ? Optional.of(AscofGroup.OLDER) : Optional.empty();
  }

  static boolean careHomeService(SaltEvent row) {
    if (!row.isServiceUser() || !(row.isService(AscofCodes.RESIDENTIAL) || row.isService(AscofCodes.NURSING))) {
      return false;
    }
    boolean blank = row.serviceComponent().isEmpty();
    boolean careHome = AscofCodes.componentContains(row, "Residential") || AscofCodes.componentContains(row, "Nursing");
    return (blank || careHome) && !AscofCodes.componentContains(row, "Short");
  }

  private static boolean isNew(SaltEvent admission, List<SaltEvent> careHome) {
    return careHome.stream().noneMatch(earlier -> earlier.start().isBefore(admission.start())
        && (earlier.end() == null || ChronoUnit.DAYS.between(earlier.end(), admission.start()) < 365));
  }
}
