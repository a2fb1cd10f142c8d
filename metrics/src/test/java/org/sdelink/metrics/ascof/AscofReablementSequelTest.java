package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofReablementSequelTest {
  private static final String ST_MAX = "Short term support: ST-Max";
  private static final String LOW = "Short Term Support: Ongoing Low Level";
  private static final String OTHER = "Short Term Support: Other Short Term";
  private static final String COMMUNITY = "Long Term Support: Community";
  private static final String SIGNPOSTED = "NFA - Information & Advice / Signposting only";
  private static final String MOVED = "NFA - Moved to another LA";
  private static final String DECLINED = "NFA - Support declined";

  private static ReablementSequel.Sequel sequel(Ev... events) {
    AscofPerson person = person(events);
    return ReablementSequel.of(person, ReablementEpisodes.of(person).get(0));
  }

  private static ReablementSequel.Sequel seq(String label, String step) {
    return new ReablementSequel.Sequel(label, step);
  }

  private static Ev reablement() {
    return service(ST_MAX, "2024-06-01", "2024-06-20");
  }

  @Test
  void step1DeathWithinSevenDaysOfTheEnd() {
    assertEquals(seq(ReablementSequel.DECEASED, "1"), sequel(reablement().set("Date_of_Death", "2024-06-27")));
    assertEquals("6", sequel(reablement().set("Date_of_Death", "2024-06-28")).step());
  }

  @Test
  void step2TheEpisodeEndsInHospital() {
    assertEquals(seq("Admitted to hospital", "2"),
        sequel(reablement().outcome("Admitted to hospital"), service(LOW, "2024-06-21", null)));
    // the latest-ending row decides the episode's outcome; on the same end date the best-ranked outcome
    assertEquals("3", sequel(service(ST_MAX, "2024-06-01", "2024-06-10").outcome("Admitted to hospital"),
        service(ST_MAX, "2024-06-05", "2024-06-20").outcome(SIGNPOSTED), service(LOW, "2024-06-21", null)).step());
    assertEquals(seq("Admitted to hospital", "2"), sequel(service(ST_MAX, "2024-06-01", "2024-06-20").outcome(MOVED),
        service(ST_MAX, "2024-06-05", "2024-06-20").outcome("Admitted to hospital")));
  }

  @Test
  void step3ServiceStartingWithinSevenDaysAfterTheEnd() {
    assertEquals(seq(LOW, "3"), sequel(reablement(), service(LOW, "2024-06-27", "2024-08-01")));
    assertEquals("6", sequel(reablement(), service(LOW, "2024-06-28", "2024-08-01")).step());
    // must run past the episode end; may start during it
    assertEquals(seq(COMMUNITY, "3"), sequel(reablement(), service(COMMUNITY, "2024-06-05", null)));
  }

  @Test
  void step3BestRankedServiceAndShortTermCareHomes() {
    assertEquals(seq(COMMUNITY, "3"),
        sequel(reablement(), service(LOW, "2024-06-21", null), service(COMMUNITY, "2024-06-25", null)));
    assertEquals(seq(ReablementSequel.SHORT_TERM_CARE_HOME, "3"),
        sequel(reablement(), service(OTHER, "2024-06-21", "2024-07-30"),
            service(OTHER, "2024-06-21", "2024-07-30").set("Service_Component", "Short term nursing care")));
    assertEquals(seq(OTHER, "3"), sequel(reablement(), service(OTHER, "2024-06-21", "2024-07-30")));
  }

  @Test
  void carerSupportIsNoSequelService() {
    assertEquals("6", sequel(reablement(),
        service("Carer Support: Direct to Carer", "2024-06-21", "2024-07-30")).step());
  }

  @Test
  void step4aTheEpisodesOwnUsableOutcome() {
    assertEquals(seq(SIGNPOSTED, "4a"), sequel(reablement().outcome(SIGNPOSTED)));
    // an outcome that says nothing about what followed is not usable: unable to classify (step 6)
    assertEquals(seq("Progress to Support Planning / Services", "6"),
        sequel(reablement().outcome("Progress to Support Planning / Services")));
  }

  @Test
  void step4bOutcomesOfNonServiceEventsInTheWindow() {
    // the review's outcome ranks before the episode's (moved 12 < declined 16)
    assertEquals(seq(MOVED, "4b"), sequel(reablement().outcome(DECLINED),
        Ev.of("Review", "2024-06-22", "2024-07-01").outcome(MOVED)));
    // the episode's outcome ranks first: it wins, source a
    assertEquals(seq(SIGNPOSTED, "4a"), sequel(reablement().outcome(SIGNPOSTED),
        Ev.of("Review", "2024-06-22", "2024-07-01").outcome(DECLINED)));
    // 'Service ended as planned' on a later non-service event is not the episode's outcome
    assertEquals(seq("Progress to Support Planning / Services", "6"),
        sequel(reablement().outcome("Progress to Support Planning / Services"),
            Ev.of("Review", "2024-06-22", "2024-07-01").outcome("Service ended as planned")));
  }

  @Test
  void step4cNestedAssessmentNearTheEnd() {
    Ev nested = Ev.assessment("2024-06-10", "2024-06-15").outcome(MOVED);
    assertEquals(seq(MOVED, "4c"), sequel(reablement().outcome("No change in package"), nested));
    // ending 14 days or more before the episode end: not near the end
    assertEquals("6", sequel(reablement().outcome("No change in package"),
        Ev.assessment("2024-06-02", "2024-06-06").outcome(MOVED)).step());
    // the assessment that led to the episode (ending on its start) is not nested
    assertEquals("6", sequel(reablement().outcome("No change in package"),
        Ev.assessment("2024-06-01", "2024-06-01").outcome(MOVED)).step());
  }

  @Test
  void step5EquipmentDuringTheEpisode() {
    assertEquals(seq(LOW, "5"), sequel(reablement(),
        service(OTHER, "2024-06-03", "2024-06-10").set("Service_Component", "Equipment")));
  }

  @Test
  void step6UnableToClassify() {
    ReablementSequel.Sequel blank = sequel(reablement());
    assertEquals(seq(ReablementOutcomeHierarchy.INVALID_LABEL, "6"), blank);
    assertFalse(blank.inDenominator());
  }

  @Test
  void whichLabelsCount() {
    for (String label : List.of(LOW, OTHER, SIGNPOSTED, MOVED, "Service ended as planned", "NFA- Other")) {
      assertTrue(seq(label, "x").inNumerator(), label);
      assertTrue(seq(label, "x").inDenominator(), label);
    }
    for (String label : List.of(COMMUNITY, ReablementSequel.SHORT_TERM_CARE_HOME, "Long Term Support: Nursing Care")) {
      assertFalse(seq(label, "x").inNumerator(), label);
      assertTrue(seq(label, "x").inDenominator(), label);
    }
    for (String label : List.of(ReablementSequel.DECEASED, "Admitted to hospital", DECLINED,
        "NFA - Self-funded client (Inc. 12wk disregard)", "No change in package", "Invalid and not mapped")) {
      assertFalse(seq(label, "x").inDenominator(), label);
    }
  }

  @Test
  void hierarchyPenalisesOutcomesThatSayNothing() {
    // DHSC's REF_Event_Outcome_Hierarchy_R2 (6-deduplication.md) with the 2A code's +100 penalty
    assertEquals(6, ReablementOutcomeHierarchy.rank("Admitted to hospital"));
    assertEquals(14, ReablementOutcomeHierarchy.rank("Service ended as planned"));
    assertEquals(14, ReablementOutcomeHierarchy.rank("NFA: Support ended as planned"));
    assertEquals(101, ReablementOutcomeHierarchy.rank("Progress to Reablement/ST-Max"));
    assertEquals(105, ReablementOutcomeHierarchy.rank("No change in package"));
    assertEquals(103, ReablementOutcomeHierarchy.rank("Provision of service"));
    assertEquals(11, ReablementOutcomeHierarchy.rank("NFA: Referral to other service within the local authority"));
    assertEquals(ReablementOutcomeHierarchy.INVALID, ReablementOutcomeHierarchy.rank(""));
    assertEquals(ReablementOutcomeHierarchy.INVALID, ReablementOutcomeHierarchy.rank("Something else"));
    assertEquals(8, ReablementOutcomeHierarchy.rank("NFA - 100% NHS funded care"));
  }
}
