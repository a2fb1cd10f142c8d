package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofCareHomeAdmissionsTest {
  private static final String RES = "Long Term Support: Residential Care";
  private static final String NURS = "Long term support: Nursing care"; // Release 2 spelling

  private static Optional<String> group(Ev... events) {
    return CareHomeAdmissions.group(person(events));
  }

  @Test
  void newAdmissionInThePeriodCountsUnderTheAgeAtItsStart() {
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(RES, "2024-06-01", null)));
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(NURS, "2024-06-01", "2024-09-01")));
    // born January 1960: 64 on 1 June 2024; born January 1959: 65
    assertEquals(Optional.of(AscofGroup.WORKING_AGE),
        group(service(RES, "2024-06-01", null).set("birth_year", "1960").set("birth_month", "1")));
    assertEquals(Optional.of(AscofGroup.OLDER),
        group(service(RES, "2024-06-01", null).set("birth_year", "1959").set("birth_month", "1")));
    // 17 at the admission: not counted
    assertEquals(Optional.empty(),
        group(service(RES, "2024-06-01", null).set("birth_year", "2007").set("birth_month", "1")));
  }

  @Test
  void onlyAdmissionsStartingInThePeriodAndNotSelfFunded() {
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(RES, "2024-04-01", null)));
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(RES, "2025-03-31", null)));
    assertEquals(Optional.empty(), group(service(RES, "2024-03-31", null)));
    assertEquals(Optional.empty(), group(service(RES, "2025-04-01", null)));
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", "2024-07-01")
        .outcome("NFA: Self-funded client or under 12wk disregard")));
  }

  @Test
  void anEarlierCareHomeServiceEndingLessThan365DaysBeforeMakesItNotNew() {
    Ev admission = service(RES, "2024-06-01", null);
    assertEquals(Optional.empty(), group(admission, service(NURS, "2023-01-01", "2023-06-03"))); // 364 days
    assertEquals(Optional.of(AscofGroup.OLDER),
        group(service(RES, "2024-06-01", null), service(NURS, "2023-01-01", "2023-06-02"))); // 365 days
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null), service(RES, "2023-01-01", null)));
    // a same-day start is not "before": both are admissions, and each is new
    assertEquals(Optional.of(AscofGroup.OLDER),
        group(service(RES, "2024-06-01", null), service(NURS, "2024-06-01", "2024-06-05")));
    // a community service does not count as an earlier care home
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(RES, "2024-06-01", null),
        service("Long Term Support: Community", "2023-01-01", null)));
  }

  @Test
  void serviceComponentMustNameCareHomeAndNotShortTermCare() {
    assertEquals(Optional.of(AscofGroup.OLDER),
        group(service(RES, "2024-06-01", null).set("Service_Component", "Long term residential care")));
    assertEquals(Optional.empty(),
        group(service(RES, "2024-06-01", null).set("Service_Component", "Short term residential care")));
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null).set("Service_Component", "Day support")));
    // deviation: blank component kept (the code's NOT LIKE drops it)
    assertEquals(Optional.of(AscofGroup.OLDER), group(service(RES, "2024-06-01", null).set("Service_Component", "")));
  }

  @Test
  void birthKnownAliveAtThePeriodStartServiceUserOnly() {
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null).set("birth_month", "")));
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null).set("Date_of_Death", "2024-03-31")));
    assertEquals(Optional.of(AscofGroup.OLDER),
        group(service(RES, "2024-06-01", null).set("Date_of_Death", "2024-06-01")));
    // a death before the service's start drops the row from the joined table (FilterToEventsInPeriod)
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null).set("Date_of_Death", "2024-04-01")));
    assertEquals(Optional.empty(), group(service(RES, "2024-06-01", null).set("Client_Type", "Carer")));
  }

  @Test
  void aPersonWithSeveralNewAdmissionsCountsOnce() {
    // born May 1960: 64 on 1 June 2024
    AscofPerson person = person(
        service(RES, "2024-06-01", "2024-06-10").set("birth_year", "1960").set("birth_month", "5"),
        service(NURS, "2024-06-01", null).set("birth_year", "1960").set("birth_month", "5"));
    assertEquals(List.of(Contribution.numeratorOnly("2B", AscofFixtures.LA, AscofGroup.WORKING_AGE)),
        new Ascof2B().contributions(person));
    assertTrue(new Ascof2C().contributions(person).isEmpty());
  }
}
