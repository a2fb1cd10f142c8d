package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.CodeLists;

class RecordFactsTest {
  private static final ReportingPeriod QUARTER = ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30));
  private static final DataQualityRules RULES = DataQualityRules.with(CodeLists.none());
  private static final String LA = "E08000025";

  private static Map<String, String> event(String type, String start, String end, String... more) {
    Map<String, String> row = DataQualityRulesTest.row(more);
    row.put("record_id", LA + ":" + type + start);
    row.put("LA_Code", LA);
    row.put("la_person_token", "tokenA");
    row.put("Event_Type", type);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end);
    return row;
  }

  private static CellKey cell(Measure measure, String slot, String category) {
    return CellKey.of(measure, LA, slot, category);
  }

  @Test
  void aRequestCountsInItsStartMonthAndItsPersonOnce() {
    RecordFacts facts = RecordFacts.of(event("Request", "2024-05-03", "2024-05-04",
        "Request_Route_of_Access", "Discharge from hospital"), QUARTER, RULES);
    assertEquals(1L, facts.amounts().get(cell(Measure.REQUESTS, "2024-05", "Discharge from Hospital")));
    assertEquals(Set.of(cell(Measure.PEOPLE_REQUESTING, "2024-05", ""),
        cell(Measure.PEOPLE_REQUESTING, CellKey.PERIOD, "")), facts.peopleCells());
    assertEquals(LA + "\u001ftokenA", facts.personKey());
    assertEquals(1L, facts.amounts().get(cell(Measure.RECORDS_IN_PERIOD, CellKey.PERIOD, "")));
    assertEquals(1L, facts.amounts().get(cell(Measure.DQ_APPLICABLE, CellKey.PERIOD, "Request_Route_of_Access")));
    assertEquals(1L, facts.amounts().get(cell(Measure.DQ_FILLED, CellKey.PERIOD, "Request_Route_of_Access")));
    assertFalse(facts.amounts().containsKey(cell(Measure.DQ_VALID, CellKey.PERIOD, "Request_Route_of_Access")),
        "no code list: not counted valid");
    assertFalse(facts.amounts().containsKey(cell(Measure.DQ_APPLICABLE, CellKey.PERIOD, "Service_Type")));
  }

  @Test
  void eventsStartingOutsideThePeriodAreNotCountedButOpenOnesAreInTheDataQuality() {
    RecordFacts before = RecordFacts.of(event("Assessment", "2024-03-30", "2024-04-02"), QUARTER, RULES);
    assertFalse(before.amounts().keySet().stream().anyMatch(k -> k.measure() == Measure.ASSESSMENTS));
    assertEquals(1L, before.amounts().get(cell(Measure.RECORDS_IN_PERIOD, CellKey.PERIOD, "")));
    RecordFacts closedBefore = RecordFacts.of(event("Review", "2024-01-01", "2024-03-31"), QUARTER, RULES);
    assertFalse(closedBefore.amounts().containsKey(cell(Measure.RECORDS_IN_PERIOD, CellKey.PERIOD, "")));
    assertEquals(1L, closedBefore.amounts().get(cell(Measure.RECORDS, CellKey.PERIOD, "")));
    assertTrue(closedBefore.peopleCells().isEmpty());
  }

  @Test
  void anOngoingServiceCountsItsPersonEveryMonthAndSpreadsItsWeeklyCost() {
    RecordFacts facts = RecordFacts.of(event("Service", "2024-05-20", "", "Service_Type",
        "Long term support: Residential care", "Unit_Cost", "700", "Cost_Frequency_Unit_Type", "Weekly"),
        QUARTER, RULES);
    String type = "Long Term Support: Residential Care";
    assertTrue(facts.peopleCells().containsAll(List.of(
        cell(Measure.SERVICE_USERS, "2024-05", EventLabels.LONG_TERM),
        cell(Measure.SERVICE_USERS, "2024-06", RecordFacts.ANY_SERVICE),
        cell(Measure.SERVICE_USERS, CellKey.PERIOD, EventLabels.LONG_TERM),
        cell(Measure.SERVICE_USERS_BY_TYPE, "2024-06", type),
        cell(Measure.SPEND_PEOPLE, "2024-05", EventLabels.LONG_TERM),
        cell(Measure.SPEND_PEOPLE, CellKey.PERIOD, type))));
    assertFalse(facts.peopleCells().contains(cell(Measure.SERVICE_USERS, "2024-04", EventLabels.LONG_TERM)));
    assertEquals(12_00_00L, facts.amounts().get(cell(Measure.PLANNED_SPEND, "2024-05", EventLabels.LONG_TERM)));
    assertEquals(30_00_00L, facts.amounts().get(cell(Measure.PLANNED_SPEND, "2024-06", EventLabels.LONG_TERM)));
    assertEquals(42_00_00L, facts.amounts().get(cell(Measure.PLANNED_SPEND, CellKey.PERIOD, type)));
  }

  @Test
  void aServiceWithoutAWeeklyCostIsCountedApart() {
    RecordFacts oneOff = RecordFacts.of(event("Service", "2024-04-01", "2024-04-01", "Service_Type",
        "Short Term Support: ST-Max", "Unit_Cost", "50", "Cost_Frequency_Unit_Type", "One-off"), QUARTER, RULES);
    assertEquals(1L, oneOff.amounts().get(cell(Measure.SERVICES_WITHOUT_WEEKLY_COST, CellKey.PERIOD,
        RecordFacts.ONE_OFF)));
    assertFalse(oneOff.amounts().keySet().stream().anyMatch(k -> k.measure() == Measure.PLANNED_SPEND));
    RecordFacts hourlyWithoutUnits = RecordFacts.of(event("Service", "2024-04-01", "", "Unit_Cost", "20",
        "Cost_Frequency_Unit_Type", "Hourly"), QUARTER, RULES);
    assertEquals(1L, hourlyWithoutUnits.amounts().get(cell(Measure.SERVICES_WITHOUT_WEEKLY_COST, CellKey.PERIOD,
        RecordFacts.NO_COST)));
    assertTrue(hourlyWithoutUnits.peopleCells().contains(cell(Measure.SERVICE_USERS, "2024-04",
        EventLabels.NOT_RECORDED)));
  }

  @Test
  void aRecordWithoutAPersonTokenCountsEventsButNoPeople() {
    Map<String, String> row = event("Request", "2024-04-02", "");
    row.put("la_person_token", "");
    RecordFacts facts = RecordFacts.of(row, QUARTER, RULES);
    assertEquals("", facts.personKey());
    assertTrue(facts.peopleCells().isEmpty());
    assertEquals(1L, facts.amounts().get(cell(Measure.REQUESTS, "2024-04", EventLabels.NOT_RECORDED)));
  }

  @Test
  void theLatestSubmittedCopyOfARecordIsTheOneCounted() {
    Map<String, String> first = event("Service", "2024-04-01", "", "Reporting_Period_End_Date", "2024-06-30",
        "source_file", "a.csv", "source_line", "9");
    Map<String, String> later = event("Service", "2024-04-01", "2024-07-15", "Reporting_Period_End_Date",
        "2024-09-30", "source_file", "b.csv", "source_line", "2");
    Map<String, String> twin = event("Service", "2024-04-01", "2024-07-15", "Reporting_Period_End_Date",
        "2024-09-30", "source_file", "b.csv", "source_line", "1");
    assertSame(later, RecordFacts.preferredCopy(List.of(first, later)));
    assertSame(twin, RecordFacts.preferredCopy(List.of(first, later, twin)));
  }

  @Test
  void theLatestReceivedVersionOfAnEventIsCountedAcrossSubmissions() {
    // A resubmitted quarter (same period end, received later, its name sorting after the original's) closes the
    // service; a copy without Event_Reference (its own record id) in the next cumulative file is the same event.
    Map<String, String> original = event("Service", "2024-04-01", "", "Reporting_Period_End_Date", "2024-06-30",
        "source_file", "q1.csv", "source_line", "3", "received_date", "2024-07-10");
    Map<String, String> resubmitted = event("Service", "2024-04-01", "2024-05-20", "Reporting_Period_End_Date",
        "2024-06-30", "source_file", "q1_v2.csv", "source_line", "3", "received_date", "2024-08-01");
    assertSame(resubmitted, RecordFacts.preferredCopy(List.of(original, resubmitted)));
    assertSame(resubmitted, RecordFacts.preferredCopy(List.of(resubmitted, original)));
    Map<String, String> unreferenced = event("Service", "2024-04-01", "2024-05-20", "Reporting_Period_End_Date",
        "2024-09-30", "source_file", "q2.csv", "source_line", "8", "received_date", "2024-10-20");
    unreferenced.put("record_id", LA + ":q2.csv:8");
    assertEquals(List.of(unreferenced), RecordFacts.latestVersions(List.of(original, resubmitted, unreferenced)));
  }
}
