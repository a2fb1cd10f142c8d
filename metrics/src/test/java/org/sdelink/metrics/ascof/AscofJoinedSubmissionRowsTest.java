package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.rows;
import static org.sdelink.metrics.ascof.AscofFixtures.service;
import static org.sdelink.metrics.salt.Ev.d;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/** The joined-submissions table of DHSC's main tables ({@code FilterToEventsInPeriod}, {@code GetUniqueEvents}). */
class AscofJoinedSubmissionRowsTest {
  private static final String COMMUNITY = "Long Term Support: Community";

  private static Ev inPeriod(Ev e) {
    return e.set("Reporting_Period_Start_Date", "2024-04-01").set("Reporting_Period_End_Date", "2025-03-31");
  }

  @Test
  void deathClosesTheEventItFallsIn() {
    // open event, death after its start: ends on the death
    assertEquals(d("2024-12-01"), JoinedSubmissionRows.of(rows(service(COMMUNITY, "2024-01-01", null)
        .set("Date_of_Death", "2024-12-01"))).get(0).end());
    // death between start and end (inclusive): ends on the death
    assertEquals(d("2024-12-01"), JoinedSubmissionRows.of(rows(service(COMMUNITY, "2024-01-01", "2025-01-31")
        .set("Date_of_Death", "2024-12-01"))).get(0).end());
    // death after the end: end unchanged
    assertEquals(d("2024-11-30"), JoinedSubmissionRows.of(rows(service(COMMUNITY, "2024-01-01", "2024-11-30")
        .set("Date_of_Death", "2024-12-01"))).get(0).end());
    // death on the start of an open event: not after the start, so the event stays open (the code's '>')
    assertEquals(null, JoinedSubmissionRows.of(rows(service(COMMUNITY, "2024-12-01", null)
        .set("Date_of_Death", "2024-12-01"))).get(0).end());
  }

  @Test
  void eventsOutsideTheSubmissionsPeriodAreNotInTheTable() {
    // an open request, assessment or review is not in the table; a closed one in the period is
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(Ev.request("2024-06-01", null)))).isEmpty());
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(Ev.assessment("2024-06-01", null)))).isEmpty());
    assertEquals(1, JoinedSubmissionRows.of(rows(inPeriod(Ev.request("2024-06-01", "2024-06-03")))).size());
    // a request ending after the submission's period, or before it, is not
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(Ev.request("2025-03-30", "2025-04-01")))).isEmpty());
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(Ev.request("2024-03-01", "2024-03-31")))).isEmpty());
    assertEquals(1, JoinedSubmissionRows.of(rows(inPeriod(Ev.request("2024-03-01", "2024-04-01")))).size());
    // a service ending before the period is not; one ending on its first day is
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(service(COMMUNITY, "2023-01-01", "2024-03-31")))).isEmpty());
    assertEquals(1, JoinedSubmissionRows.of(rows(inPeriod(service(COMMUNITY, "2023-01-01", "2024-04-01")))).size());
    // a service starting after the period is not
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(service(COMMUNITY, "2025-04-01", null)))).isEmpty());
    // a death before the period's start or before the event's start drops the row
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(service(COMMUNITY, "2023-01-01", null)
        .set("Date_of_Death", "2024-03-31")))).isEmpty());
    assertTrue(JoinedSubmissionRows.of(rows(inPeriod(service(COMMUNITY, "2024-06-01", null)
        .set("Date_of_Death", "2024-05-31")))).isEmpty());
  }

  @Test
  void oneRowPerDhscUniqueEvent() {
    Ev dp = service(COMMUNITY, "2024-01-01", null).set("Delivery_Mechanism", "Direct Payment");
    Ev closedCommissioned = service(COMMUNITY, "2024-01-01", "2024-09-30")
        .set("Delivery_Mechanism", "CASSR Commissioned Support");
    // the delivery mechanism is not in the key: the open version wins (open first, then latest end)
    List<SaltEvent> kept = JoinedSubmissionRows.of(rows(closedCommissioned, dp));
    assertEquals(1, kept.size());
    assertEquals("Direct Payment", kept.get(0).deliveryMechanism());
    // the later reporting period wins before the end date
    Ev older = service(COMMUNITY, "2024-01-01", null).set("Reporting_Period_End_Date", "2024-09-30");
    Ev newer = service(COMMUNITY, "2024-01-01", "2024-10-31").set("Reporting_Period_End_Date", "2024-12-31");
    assertEquals(d("2024-10-31"), JoinedSubmissionRows.of(rows(older, newer)).get(0).end());
    // a different component is a different event; requests with different ends are different events
    assertEquals(2, JoinedSubmissionRows.of(rows(dp, service(COMMUNITY, "2024-01-01", null)
        .set("Service_Component", "Direct payment"))).size());
    assertEquals(2, JoinedSubmissionRows.of(rows(Ev.request("2024-06-01", "2024-06-02"),
        Ev.request("2024-06-01", "2024-06-05"))).size());
    // letter case and trailing spaces do not make a different event (SQL Server's collation)
    assertEquals(1, JoinedSubmissionRows.of(rows(dp, service(COMMUNITY, "2024-01-01", null)
        .set("Client_Type", "service user  "))).size());
  }

  @Test
  void tiesTheCodeLeavesToItsRecordIdAreCounted() {
    Ev dp = service(COMMUNITY, "2024-01-01", null).set("Delivery_Mechanism", "Direct Payment");
    Ev commissioned = service(COMMUNITY, "2024-01-01", null).set("Delivery_Mechanism", "CASSR Commissioned Support");
    assertEquals(1, JoinedSubmissionRows.of(rows(dp, commissioned)).size());
    assertEquals(1, JoinedSubmissionRows.ties(rows(dp, commissioned)));
    assertEquals(1L, AscofDeviations.of(person(dp, commissioned)).get(AscofDeviations.TIED_UNIQUE_EVENTS));
    // identical copies and versions the code's order separates are no tie
    assertEquals(0, JoinedSubmissionRows.ties(rows(dp, dp)));
    assertEquals(0, JoinedSubmissionRows.ties(rows(dp, service(COMMUNITY, "2024-01-01", "2024-12-31")
        .set("Delivery_Mechanism", "CASSR Commissioned Support"))));
  }

  @Test
  void deathInsideAnOpenServiceSetsTheAgeOf2E() {
    // born February 1960: 65 at the period end, 64 on 1 December 2024 when they died
    Ev open = service(COMMUNITY, "2024-01-01", null).set("birth_year", "1960").set("birth_month", "2")
        .set("Date_of_Death", "2024-12-01");
    assertEquals(AscofGroup.WORKING_AGE, LongTermSupportAtHome.of(person(open)).orElseThrow().group());
  }
}
