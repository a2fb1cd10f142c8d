package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * Long-term support clients and whether they live in their own home or with family, for ASCOF 2E (DHSC {@code
 * Create_ASCOF_2E_2425_Onwards.sql}): service users with a nursing, residential, community or prison service open at
 * some time in the period (start on or before its end, end on or after its start or open, end not before start),
 * alive on the period start; age at the end of their latest service, capped at the period end; 18 or over (unknown
 * ages are in no group: the code drops its {@code Unknown} band from numerator and denominator). In the numerator
 * when the person's accommodation status ({@link PersonDetails}) is settled ({@link AccommodationStatus#settled}).
 */
public final class LongTermSupportAtHome {
  /** The person's age group and whether they live at home or with family. */
  public record Client(String group, boolean atHome, String primarySupportReason) {}

  private LongTermSupportAtHome() {}

  /** The person as a 2E client, or empty when outside the cohort. */
  public static Optional<Client> of(AscofPerson person) {
    checkNotNull(person, "person");
    LocalDate start = person.period().start();
    LocalDate end = person.period().end();
    List<SaltEvent> services = person.rows().stream()
        .filter(r -> r.isServiceUser() && AscofCodes.isLongTermService(r) && AscofCodes.datesValid(r)
            && !r.start().isAfter(end) && (r.end() == null || !r.end().isBefore(start)))
        .toList();
    PersonDetails details = person.details();
    if (services.isEmpty() || !details.aliveOn(start)) {
      return Optional.empty();
    }
    LocalDate cappedEnd = services.stream().map(r -> r.end() == null || r.end().isAfter(end) ? end : r.end())
        .max(LocalDate::compareTo).orElseThrow();
    return AscofGroup.band(details.ageOn(cappedEnd)).map(group -> new Client(group,
        AccommodationStatus.settled(details.accommodationStatus()), details.primarySupportReason()));
  }
}
