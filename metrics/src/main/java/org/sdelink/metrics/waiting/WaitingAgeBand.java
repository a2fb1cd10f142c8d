package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.metrics.salt.DerivedAge;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;

/**
 * The age bands of {@code waiting_times.csv}: {@code 25-64} and {@code 65+}. A wait is reported in its response's
 * {@code Der_Working_Age_Band} ({@code waiting_times_method.sql} v1.1, stage 4.2; the code's {@code 18 to 64} band
 * relabelled {@code 25 to 64}), which DHSC derives ({@code create_GetDerivedFields_procedure.sql},
 * {@code Der_Latest_Age}) from the birth year and month at the event's derived end date
 * ({@link EventsInPeriod#derivedEnd}), or, for a service without one, at its reporting period end: so the band is
 * the age when the event ended, not when it started ({@link #atLatestAge}). Whether an event takes part at all
 * depends on the age at its start ({@code Der_Age_Event_Start_Date >= 25}, {@link WaitingChronology}). Under-25s
 * and unknown ages are in neither band.
 */
public final class WaitingAgeBand {
  public static final String WORKING_AGE = "25-64";
  public static final String OLDER = "65+";

  private WaitingAgeBand() {}

  /** The band of a derived age, or empty. */
  public static Optional<String> of(OptionalInt age) {
    if (age.isEmpty() || age.getAsInt() < 25) {
      return Optional.empty();
    }
    return Optional.of(age.getAsInt() <= 64 ? WORKING_AGE : OLDER);
  }

  /** The band of the row's {@code Der_Latest_Age} (empty when it is unknown or under 25). */
  public static Optional<String> atLatestAge(SaltEvent row) {
    checkNotNull(row, "row");
    LocalDate at = EventsInPeriod.derivedEnd(row);
    if (at == null && row.is(SaltEvent.SERVICE)) {
      at = row.reportingPeriodEnd();
    }
    return at == null ? Optional.empty() : of(DerivedAge.at(row.birthYear(), row.birthMonth(), at));
  }
}
