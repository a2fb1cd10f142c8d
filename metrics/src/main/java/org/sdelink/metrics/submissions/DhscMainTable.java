package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * One council-local person's rows as they stand in DHSC's joined-submissions main table
 * ({@code Main_tables/create_main_table_for_period.sql}), the table every DHSC measure reads (ASCOF 2A, 2B/2C, 2D, 2E,
 * 3D, the waiting times): the rows of the chosen files with their reference periods ({@link JoinedRows}), cut into
 * DHSC's persons ({@link CombinedPersons}), each row's derived end and the filter to events in period
 * ({@link EventsInPeriod}), the closing of unconfirmed open services ({@link ServiceCropping}), and one row per unique
 * event ({@link UniqueEvents}). Input order does not matter.
 */
public final class DhscMainTable {
  private DhscMainTable() {}

  /**
   * One DHSC person of the main table: its combined person id, its rows (one per unique event) and how many of its
   * unique events only the code's record-id tie-break decides ({@link UniqueEvents#ties}, deviation A11).
   */
  public record Person(String id, ImmutableList<SaltEvent> rows, int tiedEvents) {
    public Person {
      checkNotNull(id, "id");
      checkNotNull(rows, "rows");
    }
  }

  /** The main-table rows of every DHSC person among {@code localPersonRows}, in person order. */
  public static ImmutableList<SaltEvent> rowsOf(List<SaltEvent> localPersonRows, JoinedSubmissions joined) {
    ImmutableList.Builder<SaltEvent> out = ImmutableList.builder();
    persons(localPersonRows, joined).forEach(p -> out.addAll(p.rows()));
    return out.build();
  }

  /** DHSC's persons among the rows of one council-local person, in id order; possibly none. */
  public static ImmutableList<Person> persons(List<SaltEvent> localPersonRows, JoinedSubmissions joined) {
    checkNotNull(localPersonRows, "localPersonRows");
    checkNotNull(joined, "joined");
    List<SaltEvent> inPeriod = new ArrayList<>();
    for (SaltEvent row : JoinedRows.of(localPersonRows, joined)) {
      SaltEvent derived = EventsInPeriod.withDerivedEnd(row);
      if (EventsInPeriod.inPeriod(derived)) {
        inPeriod.add(derived);
      }
    }
    if (inPeriod.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Person> out = ImmutableList.builder();
    CombinedPersons.split(inPeriod).forEach((id, rows) -> {
      List<SaltEvent> cropped = ServiceCropping.apply(rows, joined.referencePeriods(rows.get(0).laCode()));
      out.add(new Person(id, UniqueEvents.of(cropped), UniqueEvents.ties(cropped)));
    });
    return out.build();
  }
}
