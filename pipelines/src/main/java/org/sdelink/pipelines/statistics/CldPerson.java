package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.DhscMainTable;
import org.sdelink.metrics.submissions.JoinedSubmissions;

/**
 * One council-local person's CLD rows as each family of statistics reads them: the SALT evaluation ({@link
 * PersonStatistics}, NHS England's method: the year's de-duplicated history and chosen submission), and DHSC's
 * persons among those rows as its joined main table holds them ({@link DhscMainTable}: the ASCOF measures and the
 * waiting times), computed once and only when a family asks.
 */
final class CldPerson {
  private final String council;
  private final List<SaltEvent> rows;
  private final PersonStatistics salt;
  private final JoinedSubmissions joined;
  private @Nullable ImmutableList<DhscMainTable.Person> dhsc;

  CldPerson(String council, List<SaltEvent> rows, PersonStatistics salt, JoinedSubmissions joined) {
    this.council = checkNotNull(council, "council");
    this.rows = checkNotNull(rows, "rows");
    this.salt = checkNotNull(salt, "salt");
    this.joined = checkNotNull(joined, "joined");
  }

  String council() {
    return council;
  }

  /** The SALT evaluation of the person. */
  PersonStatistics salt() {
    return salt;
  }

  /** DHSC's persons (combined person id, main-table rows) among this person's rows; possibly none. */
  ImmutableList<DhscMainTable.Person> dhscPersons() {
    if (dhsc == null) {
      dhsc = DhscMainTable.persons(rows, joined);
    }
    return dhsc;
  }
}
