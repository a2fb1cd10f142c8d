package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;
import static org.sdelink.metrics.salt.Ev.d;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.ascof.ReablementAfterDischarge.Discharge;
import org.sdelink.metrics.salt.EventClusters;
import org.sdelink.metrics.salt.Ev;

class AscofReablementAfterDischargeTest {
  private static final String ST_MAX = "Short term support: ST-Max";

  private static Ev reablement(String start, String end) {
    return service(ST_MAX, start, end).set("Service_Component", "Reablement");
  }

  private static EventClusters.Cluster episode(String start, String end) {
    return ReablementAfterDischarge.episodes(person(reablement(start, end))).get(0);
  }

  @Test
  void reablementComponentOnlyClusteredWithSevenDayGaps() {
    assertEquals(1, ReablementAfterDischarge.episodes(person(reablement("2024-06-01", "2024-06-10"),
        reablement("2024-06-17", "2024-06-30"))).size());
    assertEquals(2, ReablementAfterDischarge.episodes(person(reablement("2024-06-01", "2024-06-10"),
        reablement("2024-06-18", "2024-06-30"))).size());
    assertEquals(0, ReablementAfterDischarge.episodes(person(service(ST_MAX, "2024-06-01", "2024-06-10"))).size());
    assertEquals(0, ReablementAfterDischarge.episodes(person(reablement("2024-06-01", "2024-06-10")
        .set("Date_of_Death", "2024-03-31"))).size());
  }

  @Test
  void episodeFollowsTheLatestDischargeFromSevenDaysBeforeToThreeDaysAfterItsStart() {
    EventClusters.Cluster episode = episode("2024-06-10", "2024-07-01");
    Discharge early = new Discharge("s1", d("2024-05-20"), d("2024-06-03"));
    Discharge tooEarly = new Discharge("s0", d("2024-05-20"), d("2024-06-02"));
    Discharge late = new Discharge("s2", d("2024-06-05"), d("2024-06-13"));
    Discharge tooLate = new Discharge("s3", d("2024-06-05"), d("2024-06-14"));
    Discharge admittedAfter = new Discharge("s4", d("2024-06-11"), d("2024-06-12"));
    assertEquals(Optional.of(early), ReablementAfterDischarge.dischargeBefore(episode, List.of(early, tooEarly)));
    assertEquals(Optional.of(late), ReablementAfterDischarge.dischargeBefore(episode, List.of(early, late, tooLate)));
    assertEquals(Optional.empty(), ReablementAfterDischarge.dischargeBefore(episode, List.of(tooEarly, tooLate)));
    assertEquals(Optional.of(early), ReablementAfterDischarge.dischargeBefore(episode, List.of(early, admittedAfter)));
  }

  @Test
  void longTermCareOpenOnAdmission() {
    AscofPerson person = person(service("Long Term Support: Residential Care", "2024-01-01", "2024-05-01"),
        service("Long Term Support: Community", "2024-05-02", null));
    assertTrue(ReablementAfterDischarge.inLongTermCareAt(person, d("2024-05-01")));
    assertFalse(ReablementAfterDischarge.inLongTermCareAt(person, d("2024-05-02")));
    assertTrue(ReablementAfterDischarge.inCommunitySupportAt(person, d("2024-05-02")));
    assertFalse(ReablementAfterDischarge.inCommunitySupportAt(person, d("2024-05-01")));
  }

  @Test
  void stillAtHomeUnlessDeathReadmissionOrCareHomeWithin84Days() {
    AscofPerson person = person(reablement("2024-06-10", "2024-07-01"));
    assertTrue(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), null, List.of()));
    assertFalse(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), d("2024-08-31"), List.of())); // day 84
    assertTrue(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), d("2024-09-01"), List.of())); // day 85
    assertFalse(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), null, List.of(d("2024-08-31"))));
    assertTrue(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), null, List.of(d("2024-09-01"))));
    // an admission before the episode starts is the discharge's own stay, not a readmission
    assertTrue(StillAtHome.of(person, d("2024-06-10"), d("2024-06-08"), null, List.of(d("2024-06-09"))));
    AscofPerson careHome = person(reablement("2024-06-10", "2024-07-01"),
        service("Long Term Support: Nursing Care", "2024-08-31", null));
    assertFalse(StillAtHome.of(careHome, d("2024-06-10"), d("2024-06-08"), null, List.of()));
    AscofPerson careHomeLater = person(reablement("2024-06-10", "2024-07-01"),
        service("Long Term Support: Nursing Care", "2024-09-01", null));
    assertTrue(StillAtHome.of(careHomeLater, d("2024-06-10"), d("2024-06-08"), null, List.of()));
  }
}
