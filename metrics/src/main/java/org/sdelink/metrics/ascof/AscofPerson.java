package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.DhscMainTable;

/**
 * One person's rows as the ASCOF rules read them: the latest version of each event across the council's submissions
 * inside the window ({@code submissions.LatestVersions}) as they stand in the DHSC "joined submissions" table
 * ({@link JoinedSubmissionRows}: derived end dates, events in the submission's period, one row per DHSC unique event;
 * possibly none), the reporting period
 * (twelve months, not necessarily a financial year: DHSC publishes rolling periods) and the person's latest details.
 */
public final class AscofPerson {
  private final String laCode;
  private final ReportingPeriod period;
  private final ImmutableList<SaltEvent> rows;
  private final PersonDetails details;
  private final int tiedEvents;

  private AscofPerson(String laCode, ReportingPeriod period, ImmutableList<SaltEvent> rows, PersonDetails details,
      int tiedEvents) {
    this.tiedEvents = tiedEvents;
    this.laCode = laCode;
    this.period = period;
    this.rows = rows;
    this.details = details;
  }

  /** The person whose de-duplicated rows (all of one council and person) are {@code rows}. */
  public static AscofPerson of(ReportingPeriod period, List<SaltEvent> rows) {
    checkNotNull(period, "period");
    checkNotNull(rows, "rows");
    checkArgument(!rows.isEmpty(), "a person has at least one row");
    String la = rows.get(0).laCode();
    String person = rows.get(0).personToken();
    checkArgument(rows.stream().allMatch(r -> r.laCode().equals(la) && r.personToken().equals(person)),
        "the rows of one ASCOF person must share council and person token");
    ImmutableList<SaltEvent> joined = JoinedSubmissionRows.of(rows);
    return new AscofPerson(la, period, joined, PersonDetails.of(joined), JoinedSubmissionRows.ties(rows));
  }

  /**
   * The person of DHSC's main table ({@link DhscMainTable}: the rows are already one per unique event of the joined
   * table) over {@code period}.
   */
  public static AscofPerson ofMainTable(ReportingPeriod period, DhscMainTable.Person person) {
    checkNotNull(period, "period");
    checkNotNull(person, "person");
    checkArgument(!person.rows().isEmpty(), "a person has at least one row");
    return new AscofPerson(person.rows().get(0).laCode(), period, person.rows(), PersonDetails.of(person.rows()),
        person.tiedEvents());
  }

  public String laCode() {
    return laCode;
  }

  public ReportingPeriod period() {
    return period;
  }

  /** The de-duplicated rows. */
  public ImmutableList<SaltEvent> rows() {
    return rows;
  }

  public PersonDetails details() {
    return details;
  }

  /** Unique events whose versions only the code's record-id tie-break separates ({@link JoinedSubmissionRows#ties}). */
  public int tiedEvents() {
    return tiedEvents;
  }
}
