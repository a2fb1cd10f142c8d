package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.YEAR;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.rows;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The ASCOF rules on other people's data: letter case and trailing spaces as SQL Server's default collation reads
 * them, blanks, dates on the period's boundaries, one event in several cumulative submissions, unsorted input.
 */
class AscofRobustnessTest {
  private static Ev[] mixedPerson() {
    return new Ev[] {
        service("Short Term Support: ST-Max", "2024-05-01", "2024-05-20")
            .outcome("NFA - Information & Advice / Signposting only"),
        service("Long Term Support: Community", "2024-05-22", null).set("Delivery_Mechanism", "Direct Payment")
            .set("Accommodation_Status", "Owner occupier or shared ownership scheme"),
        service("Long Term Support: Residential Care", "2024-09-01", "2024-12-31")
            .set("Service_Component", "Long term residential care"),
        Ev.request("2024-04-20", "2024-04-25").outcome("Progress to Reablement/ST-Max"),
        Ev.assessment("2024-05-10", "2024-05-12").outcome("Progress to Support Planning / Services")};
  }

  @Test
  void letterCaseAndTrailingSpacesReadAsTheCollationDoes() {
    List<Contribution> expected = AscofCatalogue.contributions(person(mixedPerson()));
    assertTrue(expected.size() > 6, "the person reaches several measures");
    AscofPerson shouted = person(
        service("SHORT TERM SUPPORT: ST-MAX  ", "2024-05-01", "2024-05-20")
            .outcome("nfa: information and advice or signposting "),
        service("long term support: community ", "2024-05-22", null).set("Delivery_Mechanism", "direct payment  ")
            .set("Client_Type", "SERVICE USER ")
            .set("Accommodation_Status", "OWNER OCCUPIER OR SHARED OWNERSHIP SCHEME  "),
        service("Long term support: Residential care", "2024-09-01", "2024-12-31")
            .set("Service_Component", "LONG TERM RESIDENTIAL CARE "),
        Ev.request("2024-04-20", "2024-04-25").outcome("progress to reablement/st-max "),
        Ev.assessment("2024-05-10", "2024-05-12").outcome("Progress to support planning or services"));
    assertEquals(expected, AscofCatalogue.contributions(shouted));
  }

  @Test
  void inputOrderDoesNotMatter() {
    List<SaltEvent> rows = new ArrayList<>(rows(mixedPerson()));
    // a second version of the community service from an earlier cumulative file, and a duplicate row
    rows.add(service("Long Term Support: Community", "2024-05-22", "2024-06-30").set("Delivery_Mechanism",
        "CASSR Commissioned Support").set("Reporting_Period_End_Date", "2024-06-30").build());
    rows.add(rows.get(0));
    List<Contribution> expected = AscofCatalogue.contributions(AscofPerson.of(YEAR, rows));
    Random random = new Random(17);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(rows, random);
      assertEquals(expected, AscofCatalogue.contributions(AscofPerson.of(YEAR, rows)));
    }
  }

  @Test
  void anEventInSeveralCumulativeSubmissionsCountsOnce() {
    // the Q2 file has the service open; the Q4 file closes it after the year end: one row, the Q4 version
    Ev q2 = service("Long Term Support: Community", "2024-05-22", null).set("Delivery_Mechanism", "Direct Payment")
        .set("Reporting_Period_Start_Date", "2024-04-01").set("Reporting_Period_End_Date", "2024-09-30")
        .file("q2.csv", "2024-10-20");
    Ev q4 = service("Long Term Support: Community", "2024-05-22", "2025-02-28")
        .set("Delivery_Mechanism", "Direct Payment").set("Reporting_Period_Start_Date", "2024-04-01")
        .set("Reporting_Period_End_Date", "2025-03-31").file("q4.csv", "2025-04-20");
    AscofPerson person = person(q2, q4);
    assertEquals(1, person.rows().size());
    assertEquals(Ev.d("2025-02-28"), person.rows().get(0).end());
    // closed before the year end: not a 3D client at the year end
    assertEquals(Optional.empty(), SelfDirectedSupport.client(person));
  }

  @Test
  void periodBoundaries() {
    String res = "Long Term Support: Residential Care";
    // 2B/2C admissions: BETWEEN start AND end, inclusive
    assertEquals(Optional.of(AscofGroup.OLDER), CareHomeAdmissions.group(person(service(res, "2024-04-01", null))));
    assertEquals(Optional.of(AscofGroup.OLDER), CareHomeAdmissions.group(person(service(res, "2025-03-31", null))));
    assertEquals(Optional.empty(), CareHomeAdmissions.group(person(service(res, "2025-04-01", null))));
    assertEquals(Optional.empty(), CareHomeAdmissions.group(person(service(res, "2024-03-31", null))));
    // 3D clients: services open on the last day (end >= period end)
    String community = "Long Term Support: Community";
    assertTrue(SelfDirectedSupport.client(person(service(community, "2024-01-01", "2025-03-31"))).isPresent());
    assertEquals(Optional.empty(), SelfDirectedSupport.client(person(service(community, "2024-01-01", "2025-03-30"))));
    // 2E: a service ending on the period's first day is in; the day before is not
    assertTrue(LongTermSupportAtHome.of(person(service(community, "2023-01-01", "2024-04-01"))).isPresent());
    assertEquals(Optional.empty(), LongTermSupportAtHome.of(person(service(community, "2023-01-01", "2024-03-31"))));
    // 2A: an episode ending on the period's last day counts; one ending the next day does not
    String stMax = "Short Term Support: ST-Max";
    assertEquals(1, ReablementEpisodes.of(person(service(stMax, "2025-03-01", "2025-03-31"))).size());
    assertEquals(0, ReablementEpisodes.of(person(service(stMax, "2025-03-01", "2025-04-01"))).size());
    assertEquals(1, ReablementEpisodes.of(person(service(stMax, "2024-03-01", "2024-04-01"))).size());
  }

  @Test
  void blankFieldsWhereTheCodeToleratesThem() {
    String community = "Long Term Support: Community";
    // blank delivery mechanism: a 3D client in the denominator only (rank 6)
    assertEquals(Optional.of(6), SelfDirectedSupport.client(person(service(community, "2024-01-01", null)))
        .map(SelfDirectedSupport.Placement::rank));
    // blank accommodation status: derived from services (community, no mappable component: presumed in community)
    assertEquals(AccommodationStatus.PRESUMED_IN_COMMUNITY,
        person(service(community, "2024-01-01", null)).details().accommodationStatus());
    // blank outcome on a care-home admission: admitted (the code's Event_Outcome IS NULL OR ...)
    assertEquals(Optional.of(AscofGroup.OLDER),
        CareHomeAdmissions.group(person(service("Long Term Support: Nursing Care", "2024-06-01", null))));
    // blank birth: 2E and 2B/2C nowhere, 3D in all only
    Ev noBirth = service(community, "2024-01-01", null).set("birth_year", "").set("birth_month", "");
    assertEquals(Optional.empty(), LongTermSupportAtHome.of(person(noBirth)));
    assertEquals(List.of(Contribution.counted("3D_1a", AscofFixtures.LA, AscofGroup.ALL, false)),
        new Ascof3D1a().contributions(person(noBirth)));
  }
}
