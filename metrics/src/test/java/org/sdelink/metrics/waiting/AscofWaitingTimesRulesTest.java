package org.sdelink.metrics.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.EventsInPeriod;

/** The waiting-time rules built so far (named Ascof* to run with the ASCOF tests). */
class AscofWaitingTimesRulesTest {
  @Test
  void quartersCountFromApril() {
    assertEquals("2024-Q1", WaitingQuarter.of(LocalDate.parse("2024-04-01")));
    assertEquals("2024-Q1", WaitingQuarter.of(LocalDate.parse("2024-06-30")));
    assertEquals("2024-Q2", WaitingQuarter.of(LocalDate.parse("2024-07-01")));
    assertEquals("2024-Q3", WaitingQuarter.of(LocalDate.parse("2024-12-31")));
    assertEquals("2024-Q4", WaitingQuarter.of(LocalDate.parse("2025-01-01")));
    assertEquals("2024-Q4", WaitingQuarter.of(LocalDate.parse("2025-03-31")));
    assertEquals("2023-Q4", WaitingQuarter.of(LocalDate.parse("2024-03-31")));
  }

  @Test
  void ageBandsFrom25() {
    assertEquals(Optional.empty(), WaitingAgeBand.of(OptionalInt.of(24)));
    assertEquals(Optional.of("25-64"), WaitingAgeBand.of(OptionalInt.of(25)));
    assertEquals(Optional.of("25-64"), WaitingAgeBand.of(OptionalInt.of(64)));
    assertEquals(Optional.of("65+"), WaitingAgeBand.of(OptionalInt.of(65)));
    assertEquals(Optional.empty(), WaitingAgeBand.of(OptionalInt.empty()));
  }

  @Test
  void bandIsTheAgeAtTheDerivedEnd() {
    // Born June 1959: 64 on 2024-05-01 (start), 65 on 2024-07-01 (end): Der_Latest_Age is at the end.
    Ev assessment = Ev.assessment("2024-05-01", "2024-07-01").set("birth_year", "1959");
    assertEquals(Optional.of("65+"), WaitingAgeBand.atLatestAge(assessment.build()));
    // A date of death inside the event replaces its end.
    assertEquals(Optional.of("25-64"),
        WaitingAgeBand.atLatestAge(assessment.set("Date_of_Death", "2024-05-20").build()));
    // An open service: the reporting period end; without one the age is unknown.
    Ev service = Ev.service("Long Term Support: Community", "2024-05-01", null).set("birth_year", "1959");
    assertEquals(Optional.empty(), WaitingAgeBand.atLatestAge(service.build()));
    assertEquals(Optional.of("65+"), WaitingAgeBand.atLatestAge(
        service.set("Reporting_Period_End_Date", "2024-09-30").build()));
    // A request or assessment without an end date has no derived age (and is not in the period's table).
    assertEquals(Optional.empty(), WaitingAgeBand.atLatestAge(Ev.assessment("2024-05-01", null).build()));
  }

  @Test
  void eventsInTheirReportingPeriod() {
    Ev request = Ev.request("2024-05-01", "2024-05-03").set("Reporting_Period_Start_Date", "2024-04-01")
        .set("Reporting_Period_End_Date", "2024-06-30");
    assertEquals(true, EventsInPeriod.inPeriod(request.build()));
    assertEquals(false, EventsInPeriod.inPeriod(request.set("Event_End_Date", "2024-07-01").build()));
    assertEquals(false, EventsInPeriod.inPeriod(request.set("Event_End_Date", "").build()));
    assertEquals(false, EventsInPeriod.inPeriod(Ev.request("2024-05-01", "2024-05-03")
        .set("Reporting_Period_Start_Date", "2024-04-01").set("Date_of_Death", "2024-03-31").build()));
    Ev service = Ev.service("Long Term Support: Community", "2023-05-01", "2024-03-31")
        .set("Reporting_Period_Start_Date", "2024-04-01").set("Reporting_Period_End_Date", "2024-06-30");
    assertEquals(false, EventsInPeriod.inPeriod(service.build()));
    assertEquals(true, EventsInPeriod.inPeriod(service.set("Event_End_Date", "").build()));
    assertEquals(true, EventsInPeriod.inPeriod(service.set("Event_End_Date", "2024-04-01").build()));
    assertEquals(false, EventsInPeriod.inPeriod(service.set("Event_Start_Date", "2024-07-01").build()));
    assertEquals(Ev.d("2024-05-20"), EventsInPeriod.derivedEnd(Ev.service("Long Term Support: Community",
        "2024-05-01", null).set("Date_of_Death", "2024-05-20").build()));
    assertEquals(null, EventsInPeriod.derivedEnd(Ev.service("Long Term Support: Community",
        "2024-05-01", null).set("Date_of_Death", "2024-05-01").build()));
  }

  @Test
  void medianIsPercentileCont() {
    assertEquals("7.0", MedianDays.of(7).toPlainString());
    assertEquals("7.5", MedianDays.of(10, 7, 8, 3).toPlainString());
    assertEquals("8.0", MedianDays.of(10, 7, 8).toPlainString());
    assertEquals("0.5", MedianDays.of(0, 1).toPlainString());
    assertThrows(IllegalArgumentException.class, () -> MedianDays.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MedianDays.of(-1, 3));
  }

  private static boolean inCohort(Ev request, Ev... others) {
    SaltEvent r = request.build();
    List<SaltEvent> rows = new java.util.ArrayList<>(List.of(r));
    for (Ev other : others) {
      rows.add(other.build());
    }
    return WaitingRequests.inCohort(r, rows, OptionalInt.of(70));
  }

  private static Ev request() {
    return Ev.request("2024-06-15", "2024-06-16").outcome("Progress to Assessment");
  }

  @Test
  void requestsOfNewClientsOnly() {
    assertEquals(true, inCohort(request()));
    // long-term service ending on the request date minus 12 months: existing; the day before: new
    assertEquals(false, inCohort(request(), Ev.service("Long Term Support: Community", "2023-01-01", "2023-06-15")));
    assertEquals(true, inCohort(request(), Ev.service("Long Term Support: Community", "2023-01-01", "2023-06-14")));
    assertEquals(false, inCohort(request(), Ev.service("Long Term Support: Community", "2023-01-01", null)));
    // ST-Max: 3 months
    assertEquals(false, inCohort(request(), Ev.service("Short Term Support: ST-Max", "2024-01-01", "2024-03-15")));
    assertEquals(true, inCohort(request(), Ev.service("Short Term Support: ST-Max", "2024-01-01", "2024-03-14")));
    // ongoing low level support does not make an existing client; a service starting on the request day neither
    assertEquals(true, inCohort(request(), Ev.service("Short Term Support: Ongoing Low Level", "2024-01-01", null)));
    assertEquals(true, inCohort(request(), Ev.service("Long Term Support: Community", "2024-06-15", null)));
  }

  @Test
  void requestFiltersOnOutcomeAgeDateAndClientType() {
    assertEquals(false, inCohort(request().outcome("NFA: Information and advice or signposting")));
    assertEquals(false, inCohort(request().outcome("NFA: Support ended as planned")));
    assertEquals(false, inCohort(request().outcome("Admitted to hospital")));
    // A blank or unlisted outcome has no Event_Outcome_Grouped: NULL NOT IN (...) drops the request.
    assertEquals(false, inCohort(request().outcome("")));
    assertEquals(false, inCohort(request().outcome("Progress to somewhere")));
    // Either release, any letter case and trailing spaces; Release 1-only outcomes are not NFA.
    assertEquals(true, inCohort(request().outcome("progress to support planning or services  ")));
    assertEquals(true, inCohort(request().outcome("Continuation of support or services")));
    assertEquals(true, inCohort(request().outcome("Progress to financial assessment")));
    assertEquals(false, inCohort(request().outcome("nfa: referral to other service within the local authority")));
    assertEquals(false, inCohort(request().outcome("NFA - Deceased")));
    assertEquals("blank", WaitingRequests.outcomeClass(request().outcome("").build()));
    assertEquals("nfa", WaitingRequests.outcomeClass(request().outcome("Service ended as planned").build()));
    assertEquals("unlisted", WaitingRequests.outcomeClass(request().outcome("Other").build()));
    assertEquals("admitted_to_hospital", WaitingRequests.outcomeClass(request().outcome("ADMITTED TO HOSPITAL").build()));
    assertEquals(false, inCohort(request().set("Client_Type", "Carer")));
    assertEquals(false, inCohort(Ev.request("2023-03-31", "2023-04-02").outcome("Progress to Assessment")));
    assertEquals(true, inCohort(Ev.request("2023-04-01", "2023-04-02").outcome("Progress to Assessment")));
    SaltEvent r = request().build();
    assertEquals(false, WaitingRequests.inCohort(r, List.of(r), OptionalInt.of(24)));
    assertEquals(true, WaitingRequests.inCohort(r, List.of(r), OptionalInt.of(25)));
    assertEquals(false, WaitingRequests.inCohort(r, List.of(r), OptionalInt.empty()));
  }
}
