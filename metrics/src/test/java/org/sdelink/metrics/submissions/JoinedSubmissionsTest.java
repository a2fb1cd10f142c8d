package org.sdelink.metrics.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/** DHSC's joined-submissions steps: derived reporting periods, selection per quarter, service cropping, hierarchy. */
class JoinedSubmissionsTest {
  private static final String LA = "E06000001";

  private static Map<YearMonth, Map<String, Long>> months(Object... monthTypeCount) {
    Map<YearMonth, Map<String, Long>> out = new TreeMap<>();
    for (int i = 0; i < monthTypeCount.length; i += 3) {
      out.computeIfAbsent(YearMonth.parse((String) monthTypeCount[i]), k -> new TreeMap<>())
          .put((String) monthTypeCount[i + 1], ((Number) monthTypeCount[i + 2]).longValue());
    }
    return out;
  }

  private static ReportingPeriod period(String start, String end) {
    return new ReportingPeriod(LocalDate.parse(start), LocalDate.parse(end));
  }

  @Test
  void derivedPeriodLeavesOutSparseMonthsAndMonthsWithTooFewEventTypes() {
    // 200 events: April-June busy with 4 types; March 3 events (1.5 %) out; July 10 events of 2 types out (4-1 = 3
    // types needed), August 10 events of 3 types in.
    Map<YearMonth, Map<String, Long>> m = months(
        "2024-03", "service", 3,
        "2024-04", "request", 20, "2024-04", "assessment", 15, "2024-04", "service", 15, "2024-04", "review", 7,
        "2024-05", "request", 20, "2024-05", "assessment", 15, "2024-05", "service", 15, "2024-05", "review", 7,
        "2024-06", "request", 20, "2024-06", "assessment", 15, "2024-06", "service", 15, "2024-06", "review", 18,
        "2024-07", "request", 5, "2024-07", "service", 5,
        "2024-08", "request", 4, "2024-08", "service", 3, "2024-08", "review", 3);
    assertEquals(Optional.of(period("2024-04-01", "2024-08-31")), DerivedReportingPeriod.of(m));
  }

  @Test
  void smallFileCountsEveryMonthAndEmptyFileHasNoPeriod() {
    assertEquals(Optional.of(period("2024-01-01", "2024-09-30")),
        DerivedReportingPeriod.of(months("2024-01", "service", 1, "2024-09", "request", 50)));
    assertEquals(Optional.empty(), DerivedReportingPeriod.of(Map.of()));
    assertTrue(DerivedReportingPeriod.counts(LocalDate.parse("2024-06-30"), LocalDate.parse("2024-07-15")));
    assertTrue(!DerivedReportingPeriod.counts(LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-15")));
  }

  private static JoinedSubmissions.Candidate file(String name, String received, String derivedStart,
      String derivedEnd) {
    Submission s = new Submission(LA, name, received == null ? null : LocalDate.parse(received), null, null, 10);
    return new JoinedSubmissions.Candidate(s, derivedStart == null ? Optional.empty()
        : Optional.of(period(derivedStart, derivedEnd)));
  }

  @Test
  void latestFileCoveringEachQuarterIsChosenAndReadsTheSpanOfItsQuarters() {
    List<JoinedSubmissions.Candidate> files = List.of(
        file("q1.csv", "2024-07-20", "2024-04-01", "2024-06-30"),
        file("q2.csv", "2024-10-20", "2024-04-01", "2024-09-30"),
        file("q3.csv", "2025-01-20", "2024-04-01", "2024-12-31"),
        // received before its last quarter ended: cannot serve that quarter
        file("early.csv", "2025-03-01", "2024-04-01", "2025-03-31"),
        file("q4.csv", "2025-04-25", "2024-07-01", "2025-03-31"),
        file("nothing.csv", "2025-05-01", null, null));
    JoinedSubmissions all = JoinedSubmissions.of(files, SubmissionWindow.all());
    // Q1 2024: q4 does not cover April, early.csv does (latest covering); Q2-Q4: q4.csv
    assertEquals(Optional.of(period("2024-04-01", "2024-06-30")), all.referencePeriod(LA, "early.csv"));
    assertEquals(Optional.of(period("2024-07-01", "2025-03-31")), all.referencePeriod(LA, "q4.csv"));
    assertEquals(Optional.empty(), all.referencePeriod(LA, "q3.csv"));
    assertEquals(Optional.empty(), all.referencePeriod(LA, "nothing.csv"));
    assertEquals(2, all.referencePeriods(LA).size());

    // as of 2025-02-01: q4 and early.csv not yet received
    JoinedSubmissions asOf = JoinedSubmissions.of(files, SubmissionWindow.asOf(LocalDate.parse("2025-02-01")));
    assertEquals(Optional.of(period("2024-04-01", "2024-12-31")), asOf.referencePeriod(LA, "q3.csv"));
    assertEquals(Optional.empty(), asOf.referencePeriod(LA, "q4.csv"));
  }

  @Test
  void fileReceivedOnTheQuarterEndQualifiesAndSameDayTiesGoToTheLaterName() {
    List<JoinedSubmissions.Candidate> files = List.of(
        file("a.csv", "2024-06-30", "2024-04-01", "2024-06-30"),
        file("b.csv", "2024-06-30", "2024-04-01", "2024-06-30"));
    JoinedSubmissions s = JoinedSubmissions.of(files, SubmissionWindow.all());
    assertEquals(Optional.of(period("2024-04-01", "2024-06-30")), s.referencePeriod(LA, "b.csv"));
    assertEquals(Optional.empty(), s.referencePeriod(LA, "a.csv"));
  }

  @Test
  void joinedRowsKeepChosenFilesWithTheirReferencePeriod() {
    JoinedSubmissions s = JoinedSubmissions.of(List.of(file("q1.csv", "2024-07-20", "2024-04-01", "2024-06-30")),
        SubmissionWindow.all());
    SaltEvent kept = Ev.request("2024-05-01", "2024-05-02").file("q1.csv", "2024-07-20")
        .set("Reporting_Period_Start_Date", "2024-01-01").set("Reporting_Period_End_Date", "2024-12-31").build();
    SaltEvent dropped = Ev.request("2024-05-01", "2024-05-02").file("other.csv", "2024-07-21").build();
    List<SaltEvent> rows = JoinedRows.of(List.of(kept, dropped), s);
    assertEquals(1, rows.size());
    assertEquals(LocalDate.parse("2024-04-01"), rows.get(0).reportingPeriodStart());
    assertEquals(LocalDate.parse("2024-06-30"), rows.get(0).reportingPeriodEnd());
  }

  private static SaltEvent service(String file, String refStart, String refEnd, String start, String end,
      String component) {
    return Ev.service("Long Term Support: Community", start, end).file(file, "2025-01-01")
        .set("Service_Component", component)
        .set("Reporting_Period_Start_Date", refStart).set("Reporting_Period_End_Date", refEnd).build();
  }

  @Test
  void openServiceNotFoundInTheNextPeriodIsCroppedToItsPeriodEnd() {
    List<ReportingPeriod> periods = List.of(period("2024-04-01", "2024-06-30"), period("2024-07-01", "2024-09-30"));
    SaltEvent confirmed = service("q1.csv", "2024-04-01", "2024-06-30", "2024-05-01", null, "Home care");
    SaltEvent again = service("q2.csv", "2024-07-01", "2024-09-30", "2024-05-01", null, "HOME CARE ");
    SaltEvent lost = service("q1.csv", "2024-04-01", "2024-06-30", "2024-05-03", "2024-08-01", "Day care");
    SaltEvent lastPeriod = service("q2.csv", "2024-07-01", "2024-09-30", "2024-08-01", null, "Day care");
    SaltEvent closed = service("q1.csv", "2024-04-01", "2024-06-30", "2024-04-03", "2024-06-01", "Day care");
    List<SaltEvent> out = ServiceCropping.apply(List.of(confirmed, again, lost, lastPeriod, closed), periods);
    assertEquals(null, out.get(0).end(), "found again in the next period (letter case and spaces ignored)");
    assertEquals(null, out.get(1).end(), "the council's last period is never cropped");
    assertEquals(LocalDate.parse("2024-06-30"), out.get(2).end(), "not found in the next period: cropped");
    assertEquals(null, out.get(3).end());
    assertEquals(LocalDate.parse("2024-06-01"), out.get(4).end(), "ended inside its period: unchanged");
  }

  @Test
  void dhscHierarchyRanksBothReleasesAndPutsUnknownsLast() {
    assertEquals(1, DhscOutcomeHierarchy.rank("Progress to Reablement/ST-Max"));
    assertEquals(2, DhscOutcomeHierarchy.rank("Progress to Assessment"));
    assertEquals(2, DhscOutcomeHierarchy.rank("progress to assessment, review or reassessment "));
    assertEquals(3, DhscOutcomeHierarchy.rank("Provision of service"));
    assertEquals(5, DhscOutcomeHierarchy.rank("No change in package"));
    assertEquals(11, DhscOutcomeHierarchy.rank("NFA: Referral to other service within the local authority"));
    assertEquals(14, DhscOutcomeHierarchy.rank("Service ended as planned"));
    assertEquals(17, DhscOutcomeHierarchy.rank("NFA- Other"));
    assertEquals(DhscOutcomeHierarchy.UNRANKED, DhscOutcomeHierarchy.rank(""));
    assertEquals(DhscOutcomeHierarchy.UNRANKED, DhscOutcomeHierarchy.rank("Something else"));
    assertEquals("NFA: Support ended as planned", DhscOutcomeHierarchy.spec("Service ended as planned"));
  }

  @Test
  void combinedPersonsSplitALocalPersonByNhsNumberAsDhscDoes() {
    SaltEvent withNhs = Ev.request("2024-05-01", "2024-05-02").set("nhs_number_token", "n1").build();
    SaltEvent without = Ev.request("2024-06-01", "2024-06-02").build();
    SaltEvent other = Ev.request("2024-07-01", "2024-07-02").set("nhs_number_token", "n2").build();
    var persons = CombinedPersons.split(List.of(withNhs, without, other, withNhs));
    assertEquals(List.of(CombinedPersons.LOCAL + "p1", "n1", "n2"), List.copyOf(persons.keySet()));
    assertEquals(2, persons.get("n1").size());
    assertEquals(List.of(without), persons.get(CombinedPersons.LOCAL + "p1"));
  }

  @Test
  void mainTableKeepsOneVersionPerUniqueEventOfTheLatestReferencePeriod() {
    List<JoinedSubmissions.Candidate> files = List.of(
        file("q1.csv", "2024-07-20", "2024-04-01", "2024-06-30"),
        file("q2.csv", "2024-10-20", "2024-07-01", "2024-09-30"));
    JoinedSubmissions joined = JoinedSubmissions.of(files, SubmissionWindow.all());
    // a service open in q1 and again in q2 (kept from q2), a request closed in q1 with two outcomes in one file
    SaltEvent serviceQ1 = Ev.service("Long Term Support: Community", "2024-05-01", null).file("q1.csv", "2024-07-20")
        .set("nhs_number_token", "n1").build();
    SaltEvent serviceQ2 = Ev.service("Long Term Support: Community", "2024-05-01", "2024-08-10")
        .file("q2.csv", "2024-10-20").set("nhs_number_token", "n1").build();
    SaltEvent requestA = Ev.request("2024-05-01", "2024-05-03").file("q1.csv", "2024-07-20")
        .set("nhs_number_token", "n1").outcome("NFA: Other").build();
    SaltEvent requestB = Ev.request("2024-05-01", "2024-05-03").file("q1.csv", "2024-07-20")
        .set("nhs_number_token", "n1").outcome("NFA: Support declined").build();
    // a request ending after its file's reference period: not in period
    SaltEvent late = Ev.request("2024-06-20", "2024-07-03").file("q1.csv", "2024-07-20")
        .set("nhs_number_token", "n1").build();
    SaltEvent noNhs = Ev.request("2024-08-01", "2024-08-03").file("q2.csv", "2024-10-20").build();
    var persons = DhscMainTable.persons(List.of(serviceQ1, requestA, late, serviceQ2, requestB, noNhs), joined);
    assertEquals(List.of(CombinedPersons.LOCAL + "p1", "n1"), persons.stream().map(DhscMainTable.Person::id).toList());
    List<SaltEvent> n1 = persons.get(1).rows();
    assertEquals(2, n1.size());
    assertEquals(LocalDate.parse("2024-08-10"), n1.get(0).end(), "the q2 version of the service");
    assertEquals(12, DhscOutcomeHierarchy.rank(n1.get(1).outcome()), "rank 12 beats rank 17");
  }
}
