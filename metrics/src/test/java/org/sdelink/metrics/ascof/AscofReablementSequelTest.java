package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofReablementSequelTest {
  private static final String ST_MAX = "Short term support: ST-Max";
  private static final String LOW = "Short Term Support: Ongoing Low Level";
  private static final String OTHER = "Short Term Support: Other Short Term";
  private static final String COMMUNITY = "Long Term Support: Community";

  private static Optional<ReablementSequel.Sequel> sequel(Ev... events) {
    AscofPerson person = person(events);
    return ReablementSequel.of(person, ReablementEpisodes.of(person).get(0));
  }

  private static Ev reablement() {
    return service(ST_MAX, "2024-06-01", "2024-06-20");
  }

  @Test
  void deathWithinSevenDaysOfTheEnd() {
    assertEquals(Optional.of(new ReablementSequel.Sequel(ReablementSequel.DECEASED, 1, false, false)),
        sequel(reablement().set("Date_of_Death", "2024-06-27")));
    assertEquals(Optional.empty(), sequel(reablement().set("Date_of_Death", "2024-06-28")));
  }

  @Test
  void serviceStartingWithinSevenDaysAfterTheEnd() {
    assertEquals(Optional.of(new ReablementSequel.Sequel(LOW, 3, true, true)),
        sequel(reablement(), service(LOW, "2024-06-27", "2024-08-01")));
    assertEquals(Optional.empty(), sequel(reablement(), service(LOW, "2024-06-28", "2024-08-01")));
    // must run past the episode end; may start during it
    assertEquals(Optional.empty(), sequel(reablement(), service(LOW, "2024-06-05", "2024-06-20")));
    assertEquals(Optional.of(new ReablementSequel.Sequel(COMMUNITY, 3, true, false)),
        sequel(reablement(), service(COMMUNITY, "2024-06-05", null)));
  }

  @Test
  void bestRankedServiceAndShortTermCareHomes() {
    assertEquals(Optional.of(new ReablementSequel.Sequel(COMMUNITY, 3, true, false)),
        sequel(reablement(), service(LOW, "2024-06-21", null), service(COMMUNITY, "2024-06-25", null)));
    assertEquals(Optional.of(new ReablementSequel.Sequel(ReablementSequel.SHORT_TERM_CARE_HOME, 3, true, false)),
        sequel(reablement(), service(OTHER, "2024-06-21", "2024-07-30"),
            service(OTHER, "2024-06-21", "2024-07-30").set("Service_Component", "Short term nursing care")));
    assertEquals(Optional.of(new ReablementSequel.Sequel(OTHER, 3, true, true)),
        sequel(reablement(), service(OTHER, "2024-06-21", "2024-07-30")));
  }

  @Test
  void carerSupportIsNoSequelService() {
    assertEquals(Optional.empty(), sequel(reablement(),
        service("Carer Support: Direct to Carer", "2024-06-21", "2024-07-30")));
  }
}
