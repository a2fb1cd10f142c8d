package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.SubmissionWindow;

/** Whole persons through the table catalogue. */
class SaltTablesTest {
  private static final FinancialYear YEAR = FinancialYear.parse("2024-25");

  private static Map<String, List<List<String>>> cells(List<SaltEvent> rows) {
    PersonStatistics person = PersonStatistics.of(YEAR, SubmissionWindow.all(), "q4.csv", rows);
    Map<String, List<List<String>>> out = new TreeMap<>();
    for (SaltTable table : SaltTables.ALL) {
      List<List<String>> cells = table.cells(person);
      if (!cells.isEmpty()) {
        out.put(table.name(), cells);
      }
    }
    return out;
  }

  @Test
  void everyTableHasItsHeader() {
    assertEquals(9, SaltTables.ALL.size());
    assertEquals(List.of("la_code", "age_band", "route_of_access", "sequel", "count"),
        SaltTables.named("STS001").orElseThrow().header());
    assertEquals(List.of("la_code", "carer_age_band", "support_provided", "count"),
        SaltTables.named("LTS003").orElseThrow().header());
  }

  @Test
  void aNewClientsRequestLeadingToStMaxThenLongTermSupport() {
    List<SaltEvent> rows = List.of(
        Ev.request("2024-06-01", "2024-06-03").outcome("Progress to Reablement/ST-Max").build(),
        Ev.service(StMaxSequels.ST_MAX, "2024-06-05", "2024-07-10").outcome("Progress to Support Planning / Services")
            .build(),
        Ev.service("Long Term Support: Community", "2024-07-12", null).set("Delivery_Mechanism", "Direct Payment")
            .set("Primary_Support_Reason", "Physical Support: Personal care support").build());
    Map<String, List<List<String>>> cells = cells(rows);
    assertEquals(List.of(List.of("65+", "Community / Other route", "Short Term Support: ST-Max")),
        cells.get("STS001"));
    assertEquals(List.of(List.of("65+", "Long Term Support (any setting)")), cells.get("STS002a"));
    assertEquals(List.of(List.of("65+", "Community: Direct Payment", "Physical Support: Personal care support")),
        cells.get("LTS001a"));
    assertEquals(cells.get("LTS001a"), cells.get("LTS001b"));
    assertTrue(!cells.containsKey("LTS001c") && !cells.containsKey("STS002b"));
  }

  @Test
  void anExistingClientsStMaxAndTwelveMonthsOfSupport() {
    List<SaltEvent> rows = List.of(
        Ev.service("Long Term Support: Community", "2023-01-01", "2024-01-31").build(),
        Ev.service("Long Term Support: Residential Care", "2024-02-01", null).build(),
        Ev.service(StMaxSequels.ST_MAX, "2024-09-01", "2024-09-20").build(),
        Ev.of("Review", "2024-10-01", "2024-10-02").set("Review_Reason", "Planned")
            .set("Method_of_Review", "Service user only").outcome("No change in package").build(),
        Ev.of("Review", "2024-11-01", "2024-11-02").set("Review_Reason", "Unplanned - Carer related")
            .set("Method_of_Review", "Service user and carer").build());
    Map<String, List<List<String>>> cells = cells(rows);
    assertEquals(List.of(List.of("65+")), cells.get("STS002b"));
    assertEquals(List.of(List.of("65+")), cells.get("LTS001c"));
    assertEquals(List.of(List.of("65+", "Unplanned - Carer related")), cells.get("LTS002a"));
    assertEquals(List.of(List.of("65+", "No change in package")), cells.get("LTS002b"));
    assertEquals("Residential", cells.get("LTS001b").get(0).get(1));
  }

  @Test
  void deathBeforeTheYearEndLeavesTheSnapshotTablesAndDeathBeforeTheYearLeavesAll() {
    Ev lts = Ev.service("Long Term Support: Nursing Care", "2024-05-01", null);
    Map<String, List<List<String>>> diedInYear = cells(List.of(lts.set("Date_of_Death", "2024-12-01").build()));
    assertTrue(diedInYear.containsKey("LTS001a") && !diedInYear.containsKey("LTS001b"));
    Map<String, List<List<String>>> diedBefore = cells(List.of(
        Ev.service("Long Term Support: Nursing Care", "2024-01-01", null).set("Date_of_Death", "2024-03-01").build(),
        Ev.request("2024-01-01", "2024-01-02").set("Date_of_Death", "2024-03-01").build()));
    assertTrue(diedBefore.isEmpty(), diedBefore.toString());
  }

  @Test
  void unknownAgeIsCountedUnderUnknownAndUnderEighteensAreNotCounted() {
    Ev lts = Ev.service("Long Term Support: Community", "2024-05-01", null);
    assertEquals("unknown", cells(List.of(lts.set("birth_month", "").build())).get("LTS001a").get(0).get(0));
    assertTrue(cells(List.of(Ev.service("Long Term Support: Community", "2024-05-01", null)
        .set("birth_year", "2010").build())).isEmpty());
  }

  @Test
  void carersAreCountedOnceAtTheirHighestSupport() {
    Map<String, List<List<String>>> cells = cells(List.of(
        Ev.assessment("2024-05-01", "2024-05-02").set("Client_Type", "Carer").build(),
        Ev.service("Carer Support: Direct to Carer", "2024-06-01", null).set("Client_Type", "Carer")
            .set("Delivery_Mechanism", "CASSR Managed Personal Budget").build()));
    assertEquals(List.of(List.of("Carer aged 65-84", "CASSR Managed Personal Budget")), cells.get("LTS003"));
  }

  @Test
  void aRequestWhileLongTermSupportIsOpenIsNotANewClientRequest() {
    Map<String, List<List<String>>> cells = cells(List.of(
        Ev.service("Long Term Support: Community", "2024-04-01", null).build(),
        Ev.request("2024-06-01", "2024-06-03").build()));
    assertTrue(!cells.containsKey("STS001"));
  }
}
