package org.sdelink.metrics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.evaluation.Records.COMMUNITY;
import static org.sdelink.metrics.evaluation.Records.NURSING;
import static org.sdelink.metrics.evaluation.Records.RESIDENTIAL;
import static org.sdelink.metrics.evaluation.Records.death;
import static org.sdelink.metrics.evaluation.Records.episode;
import static org.sdelink.metrics.evaluation.Records.event;
import static org.sdelink.metrics.evaluation.Records.hospitalRequest;
import static org.sdelink.metrics.evaluation.Records.reablement;
import static org.sdelink.metrics.evaluation.Records.service;
import static org.sdelink.metrics.evaluation.Records.spell;
import static org.sdelink.metrics.summary.Metric.AT_HOME_91D_AFTER_REABLEMENT;
import static org.sdelink.metrics.summary.Metric.CARE_HOME_AFTER_DISCHARGE;
import static org.sdelink.metrics.summary.Metric.EMERGENCY_READMISSION_30D;
import static org.sdelink.metrics.summary.Metric.MEDIAN_DAYS_DISCHARGE_TO_SERVICE;
import static org.sdelink.metrics.summary.Metric.REABLEMENT_AFTER_DISCHARGE;
import static org.sdelink.metrics.summary.Metric.REQUEST_AFTER_DISCHARGE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.summary.Breakdown;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.metrics.tables.DischargeRow;
import org.sdelink.metrics.tables.DischargeRow.Membership;
import org.sdelink.metrics.tables.JourneyRow;

class PersonEvaluatorTest {
  private static final ReportingPeriod PERIOD = ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));
  private static final PersonEvaluator EVALUATOR = PersonEvaluator.forPeriod(PERIOD);

  private static PersonResult evaluate(List<CldEvent> events, List<ApcEpisode> episodes) {
    return EVALUATOR.evaluate("person-1", events, episodes);
  }

  private static DischargeRow onlyDischarge(PersonResult result) {
    assertEquals(1, result.discharges().size(), "discharges");
    return result.discharges().get(0);
  }

  private static DischargeRow discharge(PersonResult result, String recordId) {
    return result.discharges().stream().filter(d -> d.recordId().equals(recordId)).findFirst().orElseThrow();
  }

  @Test
  void sameDayDischargeAndServiceStart_countsOnDayZero() {
    PersonResult result = evaluate(
        List.of(hospitalRequest("E08000025:R1", "2024-06-10"), reablement("E08000025:S1", "2024-06-10")),
        List.of(spell("E1", "2024-06-01", "21", "2024-06-10", "19", 80)));
    DischargeRow row = onlyDischarge(result);
    assertEquals(Membership.NUMERATOR, row.membership(REQUEST_AFTER_DISCHARGE));
    assertEquals(Membership.NUMERATOR, row.membership(REABLEMENT_AFTER_DISCHARGE));
    assertEquals(0, row.daysToFirstService());
    assertTrue(row.membership(MEDIAN_DAYS_DISCHARGE_TO_SERVICE).inDenominator());
    assertEquals("yes", row.groups().socialCareAtDischarge(), "a service starting on DISDATE is open on DISDATE");
    assertEquals(List.of(0L, 0L), result.tally().daysHistogram(MEDIAN_DAYS_DISCHARGE_TO_SERVICE, Breakdown.ALL, "all")
        .subList(1, 3));
    assertEquals(1L, result.tally().daysHistogram(MEDIAN_DAYS_DISCHARGE_TO_SERVICE, Breakdown.ALL, "all").get(0));
  }

  @Test
  void sameDayAdmissionAndDischarge_notInReablementDenominator() {
    DischargeRow row = onlyDischarge(evaluate(List.of(reablement("E08000025:S1", "2024-06-10")),
        List.of(spell("E1", "2024-06-10", "21", "2024-06-10", "19", 80))));
    assertEquals(Membership.NOT_COUNTED, row.membership(REABLEMENT_AFTER_DISCHARGE), "needs ADMIDATE < DISDATE");
    assertTrue(row.membership(REQUEST_AFTER_DISCHARGE).inDenominator());
  }

  @Test
  void serviceStillOpen_noEndDate_isOpenOnEveryLaterDay() {
    CldEvent careHome = service("E08000025:C1", RESIDENTIAL, "2023-01-01", "");
    PersonResult result = evaluate(List.of(careHome),
        List.of(spell("E1", "2024-09-01", "21", "2024-09-05", "19", 85)));
    DischargeRow row = onlyDischarge(result);
    assertEquals("yes", row.groups().socialCareAtDischarge());
    assertEquals(Membership.NOT_COUNTED, row.membership(REABLEMENT_AFTER_DISCHARGE), "care home open on ADMIDATE");
    assertEquals(Membership.NOT_COUNTED, row.membership(CARE_HOME_AFTER_DISCHARGE), "care home open on ADMIDATE");
    assertEquals(PERIOD.lengthInDays(), result.ltsClientDays(), "open LTS covers the whole period");
    assertEquals(1, result.ltsEmergencyAdmissions());
  }

  @Test
  void serviceEndDate_isInclusive() {
    CldEvent careHome = service("E08000025:C1", RESIDENTIAL, "2024-01-01", "2024-09-01");
    DischargeRow endsOnAdmission = onlyDischarge(evaluate(List.of(careHome),
        List.of(spell("E1", "2024-09-01", "21", "2024-09-05", "19", 85))));
    assertEquals(Membership.NOT_COUNTED, endsOnAdmission.membership(CARE_HOME_AFTER_DISCHARGE));
    DischargeRow endedBefore = onlyDischarge(evaluate(List.of(careHome),
        List.of(spell("E1", "2024-09-02", "21", "2024-09-05", "19", 85))));
    assertTrue(endedBefore.membership(CARE_HOME_AFTER_DISCHARGE).inDenominator());
  }

  @Test
  void deathInCldButNotInHes_endsAtHomeAndClipsClientDays() {
    PersonResult result = evaluate(
        List.of(reablement("E08000025:S1", "2024-08-02"), service("E08000025:L1", COMMUNITY, "2024-01-01", ""),
            death("E08000025:D1", "2024-09-15")),
        List.of(spell("E1", "2024-07-25", "21", "2024-08-01", "19", 90)));
    DischargeRow row = onlyDischarge(result);
    assertTrue(row.alive(), "HES records no death for this spell");
    assertEquals(Membership.DENOMINATOR_ONLY, row.membership(AT_HOME_91D_AFTER_REABLEMENT));
    assertEquals(168, result.ltsClientDays(), "2024-04-01..2024-09-15");
  }

  @Test
  void deathInHesButNotInCld_endsAtHomeAndClipsClientDays() {
    PersonResult result = evaluate(
        List.of(reablement("E08000025:S1", "2024-09-05"), service("E08000025:L1", COMMUNITY, "2024-09-10", "")),
        List.of(spell("E1", "2024-09-01", "11", "2024-09-04", "19", 77),
            episode("E2", "RAA", "2024-10-01", "12", "1", "Y", "2024-10-05", "4", "19", "77")));
    DischargeRow first = discharge(result, "E1");
    DischargeRow died = discharge(result, "E2");
    assertFalse(died.alive());
    for (Metric metric : DischargeRow.FLAGGED_METRICS) {
      assertFalse(died.membership(metric).inDenominator(), metric.id());
    }
    assertEquals(Membership.DENOMINATOR_ONLY, first.membership(AT_HOME_91D_AFTER_REABLEMENT),
        "elective death spell: only the HES death date ends the 91 days");
    assertEquals(26, result.ltsClientDays(), "2024-09-10..2024-10-05");
  }

  @Test
  void deathByDischargeDestination79_isADeath() {
    PersonResult result = evaluate(List.of(),
        List.of(episode("E1", "RAA", "2024-10-01", "21", "1", "Y", "2024-10-05", "1", "79", "80")));
    assertFalse(onlyDischarge(result).alive());
  }

  @Test
  void personKnownToTwoCouncils_eventsOfBothCouncilsCount() {
    PersonResult result = evaluate(
        List.of(hospitalRequest("E08000025:EV1", "2024-06-12"), reablement("E08000035:EV1", "2024-06-11")),
        List.of(spell("E1", "2024-06-01", "21", "2024-06-10", "19", 80)));
    DischargeRow row = onlyDischarge(result);
    assertEquals(Membership.NUMERATOR, row.membership(REQUEST_AFTER_DISCHARGE));
    assertEquals(Membership.NUMERATOR, row.membership(REABLEMENT_AFTER_DISCHARGE));
    assertEquals(2, result.journeys().stream().filter(j -> j.source().equals("cld")).count(),
        "the same Event_Reference in two councils is two records");
  }

  @Test
  void eventResubmittedInLaterPeriod_countsOnce() {
    List<CldEvent> once = List.of(service("E08000035:L500", COMMUNITY, "2024-05-01", ""),
        hospitalRequest("E08000035:L501", "2024-06-20"));
    List<CldEvent> resubmitted = new ArrayList<>(once);
    for (String periodEnd : List.of("2024-09-30", "2024-12-31")) {
      resubmitted.add(service("E08000035:L500", COMMUNITY, "2024-05-01", "", "Reporting_Period_End_Date", periodEnd,
          "source_line", "7"));
      resubmitted.add(hospitalRequest("E08000035:L501", "2024-06-20"));
    }
    List<ApcEpisode> spells = List.of(spell("E1", "2024-06-15", "21", "2024-06-18", "19", 68),
        spell("E1", "2024-06-15", "21", "2024-06-18", "19", 68));
    PersonResult single = evaluate(once, List.of(spells.get(0)));
    PersonResult repeated = evaluate(resubmitted, spells);
    assertEquals(single.tally(), repeated.tally());
    assertEquals(single.discharges(), repeated.discharges());
    assertEquals(single.ltsClientDays(), repeated.ltsClientDays());
    assertEquals(3, repeated.journeys().size(), "one service, one request, one spell");
    assertEquals(335, repeated.ltsClientDays(), "2024-05-01..2025-03-31");
  }

  @Test
  void resubmittedQuarter_theLatestReceivedCopyIsKept() {
    // A council sends its first quarter, then sends it again a month later with the service closed: both files end
    // their reporting period on 30 June. The resubmission's file name sorts after the original's.
    CldEvent open = service("E08000012:S1", COMMUNITY, "2024-05-01", "", "source_file", "cld_q1.csv",
        "received_date", "2024-07-16");
    CldEvent closed = service("E08000012:S1", COMMUNITY, "2024-05-01", "2024-06-10", "source_file", "cld_q1_v2.csv",
        "received_date", "2024-08-18");
    for (List<CldEvent> order : List.of(List.of(open, closed), List.of(closed, open))) {
      PersonResult result = evaluate(order, List.of());
      assertEquals(1, result.journeys().size());
      assertEquals(LocalDate.of(2024, 6, 10), result.journeys().get(0).end(), "the later received version");
      assertEquals(41, result.ltsClientDays(), "2024-05-01..2024-06-10");
    }
  }

  @Test
  void eventWithoutReferenceInCumulativeFiles_theLatestReceivedVersionCountsOnce() {
    // Without an Event_Reference each file's copy has its own record id; the event key (council, type, start,
    // service type, component, mechanism; no end date) says they are one event, and the later file closed it.
    CldEvent q1 = service("E08000012:cld_q1.csv:4", COMMUNITY, "2024-05-01", "", "source_file", "cld_q1.csv",
        "received_date", "2024-07-16");
    CldEvent q2 = service("E08000012:cld_q2.csv:9", COMMUNITY, "2024-05-01", "2024-08-31", "source_file",
        "cld_q2.csv", "received_date", "2024-10-29", "Reporting_Period_End_Date", "2024-09-30");
    PersonResult result = evaluate(List.of(q1, q2), List.of());
    assertEquals(1, result.journeys().size(), "one event");
    assertEquals("E08000012:cld_q2.csv:9", result.journeys().get(0).recordId());
    assertEquals(123, result.ltsClientDays(), "2024-05-01..2024-08-31");
  }

  @Test
  void resubmittedCopies_theLatestReportingPeriodIsKept() {
    CldEvent early = service("E08000025:S1", COMMUNITY, "2024-05-01", "", "Reporting_Period_End_Date", "2024-06-30");
    CldEvent late = service("E08000025:S1", COMMUNITY, "2024-05-01", "", "Reporting_Period_End_Date", "2024-09-30",
        "Delivery_Mechanism", "Direct Payment");
    for (List<CldEvent> order : List.of(List.of(early, late), List.of(late, early))) {
      PersonResult result = evaluate(order, List.of());
      assertEquals("Direct Payment", result.journeys().get(0).deliveryMechanism());
    }
  }

  @Test
  void sentinelDisdate_isAnUnfinishedSpellThatStillCountsAsReadmission() {
    PersonResult result = evaluate(List.of(), List.of(
        spell("E1", "2024-07-01", "21", "2024-07-10", "19", 72),
        episode("E2", "RBB", "2024-07-20", "21", "1", "Y", "1800-01-01", "8", "98", ""),
        episode("E3", "RBB", "2024-12-01", "21", "1", "Y", "1801-01-01", "8", "98", "")));
    DischargeRow row = onlyDischarge(result);
    assertEquals("E1", row.recordId());
    assertEquals(Membership.NUMERATOR, row.membership(EMERGENCY_READMISSION_30D));
    JourneyRow sentinelSpell = result.journeys().get(1);
    assertEquals("E2", sentinelSpell.recordId());
    assertNull(sentinelSpell.end());
  }

  @Test
  void transfer_disdest51ThenAdmissionMethod2B() {
    PersonResult result = evaluate(List.of(reablement("E06000001:H700", "2024-05-22")), List.of(
        episode("E1", "RAA", "2024-05-01", "21", "1", "Y", "2024-05-05", "1", "51", "81"),
        episode("E2", "RBB", "2024-05-05", "2B", "1", "Y", "2024-05-20", "1", "19", "81")));
    DischargeRow transferredOut = discharge(result, "E1");
    DischargeRow transferredIn = discharge(result, "E2");
    assertEquals(Membership.NOT_COUNTED, transferredOut.membership(EMERGENCY_READMISSION_30D),
        "a transfer to another hospital is not a discharge home");
    assertEquals(Membership.NOT_COUNTED, transferredOut.membership(REABLEMENT_AFTER_DISCHARGE));
    assertTrue(transferredOut.membership(REQUEST_AFTER_DISCHARGE).inDenominator());
    assertEquals(Membership.DENOMINATOR_ONLY, transferredIn.membership(EMERGENCY_READMISSION_30D));
    assertEquals(Membership.NUMERATOR, transferredIn.membership(REABLEMENT_AFTER_DISCHARGE));
    assertEquals(Membership.NUMERATOR, transferredIn.membership(AT_HOME_91D_AFTER_REABLEMENT));
    assertEquals(1, result.tally().numerator(REABLEMENT_AFTER_DISCHARGE, Breakdown.ALL, "all"));
  }

  @Test
  void release2Strings_matchCaseInsensitively() {
    PersonResult result = evaluate(List.of(
            event("E08000035:L800", "request", "2024-11-05", "", "Request_Route_of_Access", "discharge from hospital"),
            service("E08000035:L801", "Short term support: ST-Max", "2024-11-03", "2024-11-20",
                "Service_Component", "reablement"),
            service("E08000035:L802", "Long term support: Nursing care", "2024-11-25", "")),
        List.of(spell("E1", "2024-10-28", "21", "2024-11-01", "19", 86)));
    DischargeRow row = onlyDischarge(result);
    assertEquals(Membership.NUMERATOR, row.membership(REQUEST_AFTER_DISCHARGE));
    assertEquals(Membership.NUMERATOR, row.membership(REABLEMENT_AFTER_DISCHARGE));
    assertEquals(Membership.DENOMINATOR_ONLY, row.membership(AT_HOME_91D_AFTER_REABLEMENT), "care home on day 24");
    assertEquals(Membership.NUMERATOR, row.membership(CARE_HOME_AFTER_DISCHARGE));
    assertEquals(127, result.ltsClientDays(), "nursing care 2024-11-25..2025-03-31");
    assertEquals("request", result.journeys().get(2).type());
  }

  @Test
  void ageBoundary_65IsOlderPerson_64IsNot() {
    DischargeRow at65 = onlyDischarge(evaluate(List.of(), List.of(spell("E1", "2025-02-20", "12", "2025-03-01", "19", 65))));
    DischargeRow at64 = onlyDischarge(evaluate(List.of(), List.of(spell("E1", "2025-02-20", "12", "2025-03-01", "19", 64))));
    assertTrue(at65.membership(REQUEST_AFTER_DISCHARGE).inDenominator());
    assertEquals("65-74", at65.groups().ageBand());
    assertFalse(at64.membership(REQUEST_AFTER_DISCHARGE).inDenominator());
    assertTrue(at64.membership(EMERGENCY_READMISSION_30D).inDenominator(), "readmissions count all ages");
    assertEquals("18-64", at64.groups().ageBand());
  }

  @Test
  void unknownAge_onlyInAllAgeMetrics_bandUnknown() {
    DischargeRow row = onlyDischarge(evaluate(List.of(),
        List.of(episode("E1", "RAA", "2024-06-01", "21", "1", "Y", "2024-06-03", "1", "19", "", "SEX", "",
            "RESLADST_ONS", ""))));
    assertFalse(row.membership(REQUEST_AFTER_DISCHARGE).inDenominator());
    assertTrue(row.membership(EMERGENCY_READMISSION_30D).inDenominator());
    assertEquals("unknown", row.groups().ageBand());
    assertEquals("unknown", row.groups().sex());
    assertEquals("unknown", row.groups().la());
  }

  @Test
  void under18Discharge_bandIs0To17() {
    DischargeRow row = onlyDischarge(evaluate(List.of(), List.of(spell("E1", "2024-06-01", "21", "2024-06-03", "19", 14))));
    assertEquals("0-17", row.groups().ageBand());
  }

  @Test
  void spellEndingPastThePeriod_isNoDischargeButItsAdmissionCounts() {
    PersonResult result = evaluate(
        List.of(service("E08000025:B1001", COMMUNITY, "2025-03-01", ""), hospitalRequest("E08000025:B1002",
            "2025-03-24"), reablement("E08000025:B1000", "2025-03-12")),
        List.of(spell("E1", "2025-03-05", "21", "2025-03-10", "19", 85),
            spell("E2", "2025-03-25", "21", "2025-04-05", "19", 85)));
    DischargeRow row = onlyDischarge(result);
    assertEquals("E1", row.recordId());
    assertEquals(Membership.NUMERATOR, row.membership(REQUEST_AFTER_DISCHARGE), "request on DISDATE + 14");
    assertEquals(Membership.NUMERATOR, row.membership(EMERGENCY_READMISSION_30D));
    assertEquals(Membership.DENOMINATOR_ONLY, row.membership(AT_HOME_91D_AFTER_REABLEMENT),
        "the follow-up window runs past the period end");
    assertEquals(2, result.ltsEmergencyAdmissions(), "both admissions are in the period");
    assertEquals(31, result.ltsClientDays());
  }

  @Test
  void dischargeBeforeThePeriod_isNotCounted() {
    PersonResult result = evaluate(List.of(),
        List.of(spell("E1", "2024-03-20", "21", "2024-03-31", "19", 70), spell("E2", "2024-04-05", "21", "2024-04-08",
            "19", 70)));
    DischargeRow row = onlyDischarge(result);
    assertEquals("E2", row.recordId());
    assertEquals(1, result.tally().denominator(EMERGENCY_READMISSION_30D, Breakdown.ALL, "all"));
    assertEquals(0, result.tally().numerator(EMERGENCY_READMISSION_30D, Breakdown.ALL, "all"),
        "E2 readmits after E1, but E1 is not a discharge of the period");
  }

  @Test
  void multiEpisodeSpell_admissionMethodFromFirstEpisode_dischargeFromSpellEndEpisode() {
    PersonResult result = evaluate(List.of(), List.of(
        episode("E3", "RDD", "2024-11-10", "99", "3", "Y", "2024-11-30", "1", "54", "89", "SEX", "1",
            "RESLADST_ONS", "E09000033"),
        episode("E1", "RDD", "2024-11-10", "21", "1", "N", "", "8", "98", "", "SEX", "2"),
        episode("E2", "RDD", "2024-11-10", "99", "2", "N", "", "8", "98", "")));
    DischargeRow row = onlyDischarge(result);
    assertEquals("21", row.admissionMethod());
    assertEquals("E3", row.recordId());
    assertEquals("1", row.groups().sex(), "SEX of the discharge episode");
    assertEquals("E09000033", row.groups().la());
    assertEquals("85+", row.groups().ageBand());
    assertEquals(Membership.NUMERATOR, row.membership(CARE_HOME_AFTER_DISCHARGE), "DISDEST 54");
    assertEquals(1, result.journeys().size());
    assertEquals(3, result.journeys().get(0).episodes());
    assertEquals("E1", result.journeys().get(0).recordId());
  }

  @Test
  void unfinishedSpell_noSpellEndEpisode_isNoDischarge() {
    PersonResult result = evaluate(List.of(), List.of(
        spell("E0", "2024-11-18", "11", "2024-11-20", "19", 50),
        episode("E1", "RBB", "2024-12-01", "21", "1", "N", "", "", "", "")));
    DischargeRow row = onlyDischarge(result);
    assertEquals("E0", row.recordId());
    assertEquals(Membership.NUMERATOR, row.membership(EMERGENCY_READMISSION_30D), "unfinished emergency spell");
  }

  @ParameterizedTest(name = "readmission {0} days after discharge counts: {1}")
  @CsvSource({"0, true", "29, true", "30, false"})
  void readmissionDay29CountsDay30DoesNot(int days, boolean counts) {
    LocalDate discharged = LocalDate.of(2024, 6, 1);
    PersonResult result = evaluate(List.of(), List.of(
        spell("E1", "2024-05-25", "11", discharged.toString(), "19", 40),
        episode("E2", "RBB", discharged.plusDays(days).toString(), "21", "1", "Y",
            discharged.plusDays(days + 5).toString(), "1", "19", "40")));
    assertEquals(counts, discharge(result, "E1").membership(EMERGENCY_READMISSION_30D).inNumerator());
  }

  @Test
  void electiveReadmission_doesNotCount() {
    PersonResult result = evaluate(List.of(), List.of(spell("E1", "2024-05-25", "21", "2024-06-01", "19", 40),
        spell("E2", "2024-06-05", "11", "2024-06-08", "19", 40)));
    assertFalse(discharge(result, "E1").membership(EMERGENCY_READMISSION_30D).inNumerator());
  }

  @ParameterizedTest(name = "admitted {0}, reablement starts {1}: numerator {2}")
  @CsvSource({
      "2024-05-01, 2024-05-07, true",   // DISDATE - 3
      "2024-05-01, 2024-05-06, false",  // DISDATE - 4
      "2024-05-01, 2024-05-17, true",   // DISDATE + 7
      "2024-05-01, 2024-05-18, false",  // DISDATE + 8
      "2024-05-09, 2024-05-08, false",  // DISDATE - 2 but before ADMIDATE
      "2024-05-09, 2024-05-09, true"})  // on ADMIDATE, within DISDATE - 3
  void reablementWindowEdges(String admitted, String start, boolean inNumerator) {
    DischargeRow row = onlyDischarge(evaluate(List.of(reablement("E08000025:R1", start)),
        List.of(spell("E1", admitted, "21", "2024-05-10", "19", 75))));
    assertTrue(row.membership(REABLEMENT_AFTER_DISCHARGE).inDenominator());
    assertEquals(inNumerator, row.membership(REABLEMENT_AFTER_DISCHARGE).inNumerator());
  }

  @ParameterizedTest(name = "admission method {0}, destination {1}: in reablement denominator {2}")
  @CsvSource({"21, 19, true", "31, 19, false", "32, 19, false", "82, 19, false", "83, 19, false", "81, 19, true",
      "21, 49, false", "21, 53, false", "21, 87, false", "21, 88, false", "21, 54, true"})
  void reablementDenominatorExclusions(String method, String destination, boolean inDenominator) {
    DischargeRow row = onlyDischarge(evaluate(List.of(),
        List.of(spell("E1", "2024-05-01", method, "2024-05-10", destination, 75))));
    assertEquals(inDenominator, row.membership(REABLEMENT_AFTER_DISCHARGE).inDenominator());
  }

  @ParameterizedTest(name = "{0} on {1}: still at home {2}")
  @CsvSource({
      "emergency, 2024-09-08, false", "emergency, 2024-09-09, false", "emergency, 2024-09-10, true",
      "elective, 2024-07-01, true", "death, 2024-09-09, false", "death, 2024-09-10, true",
      "care home, 2024-06-10, true", "care home, 2024-06-11, false", "care home, 2024-09-10, true"})
  void atHome91DaysEdges(String what, String day, boolean atHome) {
    List<CldEvent> events = new ArrayList<>(List.of(reablement("E08000035:R1", "2024-06-11")));
    List<ApcEpisode> episodes = new ArrayList<>(List.of(spell("E1", "2024-06-05", "21", "2024-06-10", "19", 80)));
    switch (what) {
      case "emergency" -> episodes.add(spell("E2", day, "21", LocalDate.parse(day).plusDays(2).toString(), "19", 80));
      case "elective" -> episodes.add(spell("E2", day, "11", LocalDate.parse(day).plusDays(2).toString(), "19", 80));
      case "death" -> events.add(death("E08000035:D1", day));
      default -> events.add(service("E08000035:C1", RESIDENTIAL, day, ""));
    }
    DischargeRow row = discharge(evaluate(events, episodes), "E1");
    assertEquals(Membership.NUMERATOR, row.membership(REABLEMENT_AFTER_DISCHARGE));
    assertEquals(atHome, row.membership(AT_HOME_91D_AFTER_REABLEMENT).inNumerator());
  }

  @ParameterizedTest(name = "care home starts {0} days after discharge: denominator {1}, numerator {2}")
  @CsvSource({"28, true, true", "29, true, false", "-8, true, true",
      "-9, false, false"}) // a care home starting on ADMIDATE is open on ADMIDATE: out of the denominator
  void careHomeWindowEdges(int days, boolean inDenominator, boolean inNumerator) {
    LocalDate discharged = LocalDate.of(2024, 7, 10);
    DischargeRow row = onlyDischarge(evaluate(
        List.of(service("E08000035:C1", NURSING, discharged.plusDays(days).toString(), "")),
        List.of(spell("E1", "2024-07-01", "21", discharged.toString(), "19", 80))));
    assertEquals(inDenominator, row.membership(CARE_HOME_AFTER_DISCHARGE).inDenominator());
    assertEquals(inNumerator, row.membership(CARE_HOME_AFTER_DISCHARGE).inNumerator());
  }

  @ParameterizedTest(name = "care-home destination {0}: numerator {1}")
  @CsvSource({"54, true", "55, true", "56, true", "65, true", "85, true", "19, false", "66, false"})
  void careHomeDestinations(String destination, boolean inNumerator) {
    DischargeRow row = onlyDischarge(evaluate(List.of(),
        List.of(spell("E1", "2024-07-01", "21", "2024-07-10", destination, 80))));
    assertEquals(inNumerator, row.membership(CARE_HOME_AFTER_DISCHARGE).inNumerator());
  }

  @ParameterizedTest(name = "first service {0} days after discharge: median day {1}")
  @CsvSource({"0, 0", "28, 28", "29, ", "-1, "})
  void daysToFirstServiceWindow(int days, Integer expected) {
    LocalDate discharged = LocalDate.of(2024, 7, 10);
    DischargeRow row = onlyDischarge(evaluate(
        List.of(service("E08000035:S1", COMMUNITY, discharged.plusDays(days).toString(), "")),
        List.of(spell("E1", "2024-07-01", "21", discharged.toString(), "19", 80))));
    assertEquals(expected, row.daysToFirstService());
    assertEquals(expected != null, row.membership(MEDIAN_DAYS_DISCHARGE_TO_SERVICE).inDenominator());
  }

  @Test
  void daysToFirstService_takesTheEarliestStart() {
    DischargeRow row = onlyDischarge(evaluate(
        List.of(service("E08000035:S1", COMMUNITY, "2024-07-20", ""), reablement("E08000035:S2", "2024-07-12"),
            hospitalRequest("E08000035:Q1", "2024-07-10")),
        List.of(spell("E1", "2024-07-01", "21", "2024-07-10", "19", 80))));
    assertEquals(2, row.daysToFirstService(), "requests are not services");
  }

  @Test
  void ltsClientDays_clippedByDeathAndPeriod_overlapsCountOnce() {
    PersonResult result = evaluate(List.of(
            service("E08000025:B1500", RESIDENTIAL, "2024-01-01", "2025-06-01"),
            service("E08000025:B1501", COMMUNITY, "2024-03-01", "2024-05-01"),
            service("E08000025:B1502", Records.ST_MAX, "2024-05-01", "2025-01-01"),
            death("E08000025:D1", "2024-12-31")),
        List.of(spell("E1", "2024-10-01", "21", "2024-10-10", "19", 95),
            spell("E2", "2025-01-15", "21", "2025-01-20", "19", 95)));
    assertEquals(275, result.ltsClientDays(), "2024-04-01..2024-12-31, overlap counted once, short-term excluded");
    assertEquals(2, result.ltsEmergencyAdmissions(), "admissions need an open LTS service, not a living person");
    assertEquals(2, result.tally().numerator(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, Breakdown.ALL, "all"));
    assertEquals(275, result.tally().denominator(Metric.EMERGENCY_ADMISSIONS_PER_1000_LTS_YEARS, Breakdown.ALL, "all"));
  }

  @Test
  void ltsClientDays_deathBeforeThePeriod_isZero_gapsAreNotCounted() {
    assertEquals(0, evaluate(List.of(service("E08000025:L1", COMMUNITY, "2024-01-01", ""),
        death("E08000025:D1", "2024-03-31")), List.of()).ltsClientDays());
    assertEquals(20, evaluate(List.of(service("E08000025:L1", COMMUNITY, "2024-04-01", "2024-04-10"),
        service("E08000025:L2", COMMUNITY, "2024-05-01", "2024-05-10")), List.of()).ltsClientDays());
    assertEquals(1, evaluate(List.of(service("E08000025:L1", COMMUNITY, "2025-03-31", "")), List.of())
        .ltsClientDays(), "the last day of the period");
  }

  @Test
  void result_isIndependentOfInputOrder() {
    List<CldEvent> events = new ArrayList<>(List.of(hospitalRequest("E08000025:R1", "2024-06-12"),
        reablement("E08000025:S1", "2024-06-11"), service("E08000025:L1", COMMUNITY, "2024-01-01", ""),
        service("E08000025:C1", NURSING, "2024-09-01", "")));
    List<ApcEpisode> episodes = new ArrayList<>(List.of(spell("E1", "2024-06-01", "21", "2024-06-10", "19", 80),
        spell("E2", "2024-06-20", "22", "2024-06-25", "19", 80), spell("E3", "2024-08-20", "11", "2024-08-25", "19", 80)));
    PersonResult expected = evaluate(events, episodes);
    Random random = new Random(7);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(events, random);
      Collections.shuffle(episodes, random);
      PersonResult actual = evaluate(events, episodes);
      assertEquals(expected.journeys(), actual.journeys());
      assertEquals(expected.discharges(), actual.discharges());
      assertEquals(expected.tally(), actual.tally());
    }
  }

  @Test
  void journey_isTimeOrderedAndNumbered() {
    PersonResult result = evaluate(
        List.of(hospitalRequest("E08000025:R1", "2024-06-10"), event("E08000025:A1", "Assessment", "2024-06-01", ""),
            event("E08000025:X1", "", "", "")),
        List.of(spell("E1", "2024-06-01", "21", "2024-06-10", "19", 80)));
    List<String> order = result.journeys().stream().map(j -> j.seq() + ":" + j.source() + ":" + j.type()).toList();
    assertEquals(List.of("1:apc:spell", "2:cld:assessment", "3:cld:request", "4:cld:other"), order);
  }

  @Test
  void breakdownsOfADischarge_landInTheTally() {
    PersonResult result = evaluate(List.of(service("E08000025:L1", COMMUNITY, "2024-01-01", "")),
        List.of(spell("E1", "2024-06-01", "21", "2024-06-10", "19", 80),
            spell("E2", "2024-06-15", "21", "2024-06-20", "19", 80)));
    assertEquals(2, result.tally().denominator(EMERGENCY_READMISSION_30D, Breakdown.SOCIAL_CARE_AT_DISCHARGE, "yes"));
    assertEquals(1, result.tally().numerator(EMERGENCY_READMISSION_30D, Breakdown.AGE_BAND, "75-84"));
    assertEquals(2, result.tally().denominator(EMERGENCY_READMISSION_30D, Breakdown.LA, "E08000025"));
    assertEquals(2, result.tally().denominator(EMERGENCY_READMISSION_30D, Breakdown.SEX, "2"));
    assertEquals(0, result.tally().denominator(REQUEST_AFTER_DISCHARGE, Breakdown.SOCIAL_CARE_AT_DISCHARGE, "yes"),
        "only readmissions are broken down by social care at discharge");
  }

  @Test
  void blankPersonId_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> EVALUATOR.evaluate("", List.of(), List.of()));
  }
}
