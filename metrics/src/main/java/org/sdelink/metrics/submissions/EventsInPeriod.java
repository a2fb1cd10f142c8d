package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * DHSC's first step in building its CLD tables ({@code Stored_procedures/create_FilterToEventsInPeriod_procedure.sql},
 * run by {@code Main_tables/create_main_table_for_period.sql} before de-duplication): the derived end date and the
 * rows a submission contributes. The waiting times ({@code waiting_times_method.sql}) read the table it builds.
 * <ul>
 *   <li>{@link #derivedEnd} ({@code Der_Event_End_Date}): the date of death when it falls between the event's start
 *       and end (inclusive), or after the start of an event without an end; otherwise the end date.</li>
 *   <li>{@link #inPeriod}: a request, assessment or review needs a derived end date inside the row's reporting period
 *       (so one without an end date is dropped) and a start on or before the period end; a service a start on or
 *       before the period end and a derived end on or after the period start, or none; and the person alive at the
 *       period start and at the event start ({@code Date_of_Death} blank or on or after both).</li>
 * </ul>
 * A blank {@code Reporting_Period_Start_Date} or {@code Reporting_Period_End_Date} skips the checks on that bound
 * (the code would drop the row; sdelink's CLD contract does not require the columns: docs/statistics.md, W7).
 */
public final class EventsInPeriod {
  private EventsInPeriod() {}

  /** The code's {@code Der_Event_End_Date}: the end date, replaced by a date of death inside the event. */
  public static @Nullable LocalDate derivedEnd(SaltEvent row) {
    checkNotNull(row, "row");
    LocalDate death = row.dateOfDeath();
    LocalDate end = row.end();
    if (death != null && ((end != null && !death.isBefore(row.start()) && !death.isAfter(end))
        || (end == null && death.isAfter(row.start())))) {
      return death;
    }
    return end;
  }

  /** The row with its end replaced by {@link #derivedEnd} (the same row when that is its end). */
  public static SaltEvent withDerivedEnd(SaltEvent row) {
    LocalDate derived = derivedEnd(row);
    return java.util.Objects.equals(derived, row.end()) ? row : row.withEnd(derived);
  }

  /** True when the row is kept in DHSC's table of events in its submission's reporting period. */
  public static boolean inPeriod(SaltEvent row) {
    checkNotNull(row, "row");
    LocalDate from = row.reportingPeriodStart();
    LocalDate to = row.reportingPeriodEnd();
    LocalDate end = derivedEnd(row);
    boolean startsInTime = to == null || !row.start().isAfter(to);
    boolean endsInTime;
    if (row.is(SaltEvent.SERVICE)) {
      endsInTime = end == null || from == null || !end.isBefore(from);
    } else {
      endsInTime = end != null && (from == null || !end.isBefore(from)) && (to == null || !end.isAfter(to));
    }
    LocalDate death = row.dateOfDeath();
    boolean alive = death == null || ((from == null || !death.isBefore(from)) && !death.isBefore(row.start()));
    return startsInTime && endsInTime && alive;
  }
}
