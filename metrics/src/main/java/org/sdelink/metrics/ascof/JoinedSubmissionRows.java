package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;
import org.sdelink.metrics.submissions.UniqueEvents;

/**
 * One person's rows as they stand in DHSC's "joined submissions" main table, the input of every ASCOF procedure
 * (DHSC {@code Main_tables/create_main_table_for_period.sql}, steps 3 and 5):
 * <ol>
 *   <li>{@code FilterToEventsInPeriod}: the derived end date ({@code Der_Event_End_Date}) is the row's date of death
 *       when that falls between the event's start and end (inclusive) or after the start of an open event; requests,
 *       assessments and reviews are kept when their derived end is in the submission's reference period (so an open
 *       one is dropped) and they start by its end; services when they start by its end and end on or after its start
 *       (or are open); every row is dropped whose date of death is before the reference period's start or before the
 *       event's start.</li>
 *   <li>{@code GetUniqueEvents} (joined): one row per DHSC unique event ({@code Der_Unique_Event_Ref} of
 *       {@code GetDerivedFields}: start date, for non-services the derived end date, client type, event type, the
 *       route of access of a request, the type of an assessment, the type and component of a service; the delivery
 *       mechanism is <em>not</em> in it): the row of the latest reference period, then open or latest derived end,
 *       then best outcome rank.</li>
 * </ol>
 * Here the reference period is the row's stated {@code Reporting_Period_Start_Date} / {@code _End_Date} (a blank
 * bound does not filter), for rules given one person's rows directly. The statistics stage reads the whole table,
 * chosen files, reference periods, DHSC's persons and the closing of services included, through
 * {@code submissions.DhscMainTable}; both share {@link EventsInPeriod} and {@link UniqueEvents}.
 */
public final class JoinedSubmissionRows {
  private JoinedSubmissionRows() {}

  /**
   * How many unique events of {@code rows} have two or more different versions that the code's order does not
   * separate ({@link UniqueEvents#ties}): the size of deviation A11.
   */
  public static int ties(List<SaltEvent> rows) {
    return UniqueEvents.ties(inPeriod(rows));
  }

  /** The rows of {@code rows} (one council-local person, their stated periods as reference periods) in the table. */
  public static ImmutableList<SaltEvent> of(List<SaltEvent> rows) {
    return UniqueEvents.of(inPeriod(rows));
  }

  /** The rows with their derived end ({@code Der_Event_End_Date}) kept by {@code FilterToEventsInPeriod}. */
  private static List<SaltEvent> inPeriod(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    List<SaltEvent> kept = new ArrayList<>();
    for (SaltEvent row : rows) {
      if (EventsInPeriod.inPeriod(row)) {
        kept.add(EventsInPeriod.withDerivedEnd(row));
      }
    }
    return kept;
  }

}
