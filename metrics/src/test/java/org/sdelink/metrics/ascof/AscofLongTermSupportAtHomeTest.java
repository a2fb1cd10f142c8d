package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.LA;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.rows;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofLongTermSupportAtHomeTest {
  private static final String COMMUNITY = "Long Term Support: Community";
  private static final String OWNER = "Owner occupier or shared ownership scheme";

  private static Ev community(String start, String end) {
    return service(COMMUNITY, start, end).set("Accommodation_Status", OWNER);
  }

  @Test
  void clientsOpenInThePeriodByAccommodation() {
    assertEquals(List.of(Contribution.counted("2E_part2", LA, AscofGroup.OLDER, true)),
        new Ascof2EPart2().contributions(person(community("2024-01-01", null))));
    assertEquals(List.of(Contribution.counted("2E_part2", LA, AscofGroup.OLDER, false)),
        new Ascof2EPart2().contributions(person(community("2024-01-01", null)
            .set("Accommodation_Status", "Registered care home"))));
    // Release 1 spelling of a settled status
    assertEquals(List.of(Contribution.counted("2E_part2", LA, AscofGroup.OLDER, true)),
        new Ascof2EPart2().contributions(person(community("2024-01-01", null).set("Accommodation_Status", "TENANT"))));
  }

  @Test
  void periodBoundariesAndDeaths() {
    assertEquals(1, new Ascof2EPart2().contributions(person(community("2023-01-01", "2024-04-01"))).size());
    assertTrue(new Ascof2EPart2().contributions(person(community("2023-01-01", "2024-03-31"))).isEmpty());
    assertEquals(1, new Ascof2EPart2().contributions(person(community("2025-03-31", null))).size());
    assertTrue(new Ascof2EPart2().contributions(person(community("2025-04-01", null))).isEmpty());
    assertTrue(new Ascof2EPart2().contributions(person(community("2024-01-01", null)
        .set("Date_of_Death", "2024-03-31"))).isEmpty());
    assertTrue(new Ascof2EPart2().contributions(person(community("2024-06-01", "2024-05-01"))).isEmpty());
    assertTrue(new Ascof2EPart2().contributions(person(service("Short Term Support: ST-Max", "2024-06-01", null)))
        .isEmpty());
  }

  @Test
  void ageAtTheEndOfTheLatestServiceCappedAtThePeriodEnd() {
    // born March 1960: 64 on 1 June 2024, 65 on 31 March 2025 (the cap of an open service)
    Ev ended = community("2024-01-01", "2024-06-01").set("birth_year", "1960").set("birth_month", "3");
    Ev open = community("2024-01-01", null).set("birth_year", "1960").set("birth_month", "3");
    assertEquals(AscofGroup.WORKING_AGE, LongTermSupportAtHome.of(person(ended)).orElseThrow().group());
    assertEquals(AscofGroup.OLDER, LongTermSupportAtHome.of(person(open)).orElseThrow().group());
    assertTrue(LongTermSupportAtHome.of(person(community("2024-01-01", null).set("birth_year", ""))).isEmpty());
    assertTrue(LongTermSupportAtHome.of(person(community("2024-01-01", null).set("birth_year", "2008"))).isEmpty());
  }

  @Test
  void partOneIsLearningDisability18To64() {
    Ev ld = community("2024-01-01", null).set("birth_year", "1980").set("Primary_Support_Reason",
        "Learning Disability Support");
    assertEquals(List.of(Contribution.counted("2E_part1", LA, AscofGroup.WORKING_AGE, true)),
        new Ascof2EPart1().contributions(person(ld)));
    assertTrue(new Ascof2EPart1().contributions(person(community("2024-01-01", null)
        .set("Primary_Support_Reason", "Learning Disability Support"))).isEmpty()); // 65+
    assertTrue(new Ascof2EPart1().contributions(person(community("2024-01-01", null).set("birth_year", "1980")
        .set("Primary_Support_Reason", "Mental Health Support"))).isEmpty());
    // the Release 2 "Social support: Support to unpaid carer" (any case, trailing spaces) ranks below a known reason
    // like its Release 1 spelling: an earlier learning disability row wins over it
    Ev carerSupport = community("2024-06-01", null).set("birth_year", "1980")
        .set("Primary_Support_Reason", "SOCIAL SUPPORT: support to unpaid carer  ");
    assertEquals(List.of(Contribution.counted("2E_part1", LA, AscofGroup.WORKING_AGE, true)),
        new Ascof2EPart1().contributions(person(ld, carerSupport)));
    // and Learning disability support in lower case is the learning disability reason
    assertEquals(List.of(Contribution.counted("2E_part1", LA, AscofGroup.WORKING_AGE, true)),
        new Ascof2EPart1().contributions(person(community("2024-01-01", null).set("birth_year", "1980")
            .set("Primary_Support_Reason", "learning disability support "))));
  }

  @Test
  void latestKnownStatusElseConflictIsUnknownThenDerivedFromServices() {
    // the known status wins over a later unknown one
    assertEquals(OWNER, PersonDetails.of(rows(community("2024-01-01", "2024-02-01"),
        community("2024-03-01", null).set("Accommodation_Status", "Unknown"))).accommodationStatus());
    // the later event's status wins
    assertEquals("Registered care home", PersonDetails.of(rows(community("2024-01-01", "2024-02-01"),
        community("2024-03-01", "2024-04-01").set("Accommodation_Status", "Registered care home")))
        .accommodationStatus());
    // two statuses on equally ranked rows conflict: derived from the services (community, blank component)
    assertEquals(AccommodationStatus.PRESUMED_IN_COMMUNITY, PersonDetails.of(rows(community("2024-01-01", null),
        community("2024-01-01", null).set("Accommodation_Status", "Refuge"))).accommodationStatus());
  }

  @Test
  void unknownStatusFromTheLatestServices() {
    Ev home = service(COMMUNITY, "2024-01-01", null).set("Service_Component", "Home Support");
    assertEquals(AccommodationStatus.PRESUMED_AT_HOME, PersonDetails.of(rows(home)).accommodationStatus());
    assertEquals(List.of(Contribution.counted("2E_part2", LA, AscofGroup.OLDER, true)),
        new Ascof2EPart2().contributions(person(home)));
    assertEquals("Registered nursing home", PersonDetails.of(rows(home,
        service("Long Term Support: Nursing Care", "2024-02-01", null))).accommodationStatus());
    assertEquals("Shared Lives scheme", PersonDetails.of(rows(
        service(COMMUNITY, "2024-01-01", null).set("Service_Component", "shared lives"))).accommodationStatus());
    // a later-ending service wins over the open-but-lower one only when it ends later: open ranks first
    assertEquals(AccommodationStatus.PRESUMED_AT_HOME, PersonDetails.of(rows(home,
        service("Long Term Support: Residential Care", "2023-01-01", "2024-12-31"))).accommodationStatus());
    assertEquals(AccommodationStatus.UNKNOWN, PersonDetails.of(rows(Ev.request("2024-01-01", "2024-01-02")))
        .accommodationStatus());
  }
}
