package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdelink.metrics.ascof.AscofFixtures.LA;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofSelfDirectedSupportTest {
  private static final String COMMUNITY = "Long Term Support: Community";
  private static final String DIRECT = "Carer Support: Direct to Carer";

  private static Ev community(String mechanism) {
    return service(COMMUNITY, "2024-01-01", null).set("Delivery_Mechanism", mechanism);
  }

  private static Ev carer(String type, String mechanism, String component) {
    return Ev.service(type, "2024-06-01", "2024-06-30").set("Client_Type", "Carer")
        .set("Delivery_Mechanism", mechanism).set("Service_Component", component);
  }

  private static Optional<Integer> clientRank(Ev... events) {
    return SelfDirectedSupport.client(person(events)).map(SelfDirectedSupport.Placement::rank);
  }

  private static Optional<Integer> carerRank(Ev... events) {
    return SelfDirectedSupport.carer(person(events)).map(SelfDirectedSupport.Placement::rank);
  }

  @Test
  void clientsByDeliveryMechanism() {
    AscofPerson direct = person(community("Direct Payment"));
    assertEquals(List.of(Contribution.counted("3D_1a", LA, AscofGroup.ALL, true),
        Contribution.counted("3D_1a", LA, AscofGroup.OLDER, true)), new Ascof3D1a().contributions(direct));
    assertEquals(List.of(Contribution.counted("3D_2a", LA, AscofGroup.ALL, true),
        Contribution.counted("3D_2a", LA, AscofGroup.OLDER, true)), new Ascof3D2a().contributions(direct));
    AscofPerson budget = person(community("CASSR Managed Personal Budget"));
    assertEquals(1, new Ascof3D1a().contributions(budget).get(0).numerator());
    assertEquals(0, new Ascof3D2a().contributions(budget).get(0).numerator());
    AscofPerson commissioned = person(community("CASSR Commissioned Support"));
    assertEquals(0, new Ascof3D1a().contributions(commissioned).get(0).numerator());
    assertEquals(1, new Ascof3D1a().contributions(commissioned).get(0).denominator());
    // unknown mechanism: in the denominator only (rank 6); a direct-payment component is a direct payment
    assertEquals(Optional.of(6), clientRank(community("")));
    assertEquals(Optional.of(3), clientRank(community("").set("Service_Component", "Direct Payment")));
  }

  @Test
  void bestSettingWinsAndOnlyCommunityClientsCount() {
    AscofPerson nursingToo = person(community("Direct Payment"),
        service("Long Term Support: Nursing Care", "2024-01-01", null));
    assertEquals(Optional.of(1), clientRank(community("Direct Payment"),
        service("Long Term Support: Nursing Care", "2024-01-01", null)));
    assertTrue(new Ascof3D1a().contributions(nursingToo).isEmpty());
    assertEquals(Optional.of(3), clientRank(community("Direct Payment"),
        community("CASSR Commissioned Support").set("Event_Start_Date", "2024-02-01")));
    // two rows of one DHSC unique event (same start, type, component; the mechanism is not in Der_Unique_Event_Ref)
    // are one row of the joined table: one mechanism, whatever the input order
    assertEquals(clientRank(community("Direct Payment"), community("CASSR Commissioned Support")),
        clientRank(community("CASSR Commissioned Support"), community("Direct Payment")));
    assertEquals(Optional.of(5), clientRank(community("Direct Payment"), community("CASSR Commissioned Support")));
    // prison: a direct payment is no mechanism of prison support
    assertEquals(Optional.of(9), clientRank(service("Long Term Support: Prison", "2024-01-01", null)
        .set("Delivery_Mechanism", "Direct Payment")));
  }

  @Test
  void snapshotAtThePeriodEnd() {
    assertEquals(Optional.of(3), clientRank(community("Direct Payment").set("Event_End_Date", "2025-03-31")));
    assertEquals(Optional.empty(), clientRank(community("Direct Payment").set("Event_End_Date", "2025-03-30")));
    assertEquals(Optional.empty(), clientRank(community("Direct Payment").set("Event_Start_Date", "2025-04-01")));
    assertEquals(Optional.empty(), clientRank(community("Direct Payment").set("Date_of_Death", "2025-03-30")));
    assertEquals(Optional.of(3), clientRank(community("Direct Payment").set("Date_of_Death", "2025-03-31")));
    assertEquals(Optional.empty(), clientRank(community("Direct Payment").set("birth_year", "2010")));
  }

  @Test
  void unknownAgeCountsInAllOnly() {
    AscofPerson unknown = person(community("Direct Payment").set("birth_month", ""));
    assertEquals(List.of(Contribution.counted("3D_1a", LA, AscofGroup.ALL, true)),
        new Ascof3D1a().contributions(unknown));
  }

  @Test
  void carersBySupportProvided() {
    assertEquals(Optional.of(1), carerRank(carer(DIRECT, "Direct Payment", "")));
    assertEquals(Optional.of(1), carerRank(carer(DIRECT, "", "Direct payment")));
    assertEquals(Optional.of(2), carerRank(carer(DIRECT, "CASSR Managed Personal Budget", "Unpaid carer respite")));
    assertEquals(Optional.of(3), carerRank(carer(DIRECT, "CASSR Commissioned Support", "Unpaid carer respite")));
    assertEquals(Optional.of(4), carerRank(carer(DIRECT, "", "Unpaid carer respite")));
    // deviation: a blank component is not a direct payment (the code gives no category)
    assertEquals(Optional.of(2), carerRank(carer(DIRECT, "CASSR Managed Personal Budget", "")));
    assertEquals(Optional.of(6), carerRank(carer("Carer Support: Support involving the person cared-for", "", "")));
    Ev assessment = Ev.assessment("2024-06-01", "2024-06-02").set("Client_Type", "Carer");
    assertEquals(Optional.of(6), carerRank(assessment));
    assertEquals(Optional.of(5), carerRank(Ev.assessment("2024-06-01", "2024-06-02").set("Client_Type", "Carer")
        .outcome("NFA: Information and advice or signposting")));
    assertEquals(Optional.of(5), carerRank(Ev.request("2024-06-01", "2024-06-02").set("Client_Type", "Carer")
        .outcome("NFA - Information & Advice / Signposting only")));
    assertEquals(Optional.empty(), carerRank(Ev.request("2024-06-01", "2024-06-02").set("Client_Type", "Carer")));
    assertEquals(Optional.of(1), carerRank(carer(DIRECT, "Direct Payment", ""),
        carer("Carer Support: Support involving the person cared-for", "", "")));
  }

  @Test
  void carerMeasuresCountRanksOneToThree() {
    AscofPerson budget = person(carer(DIRECT, "CASSR Managed Personal Budget", "Unpaid carer respite")
        .set("Client_Type", "Unpaid carer known by association"));
    assertEquals(List.of(Contribution.counted("3D_1b", LA, AscofGroup.ALL, true),
        Contribution.counted("3D_1b", LA, AscofGroup.OLDER, true)), new Ascof3D1b().contributions(budget));
    assertEquals(List.of(Contribution.counted("3D_2b", LA, AscofGroup.ALL, false),
        Contribution.counted("3D_2b", LA, AscofGroup.OLDER, false)), new Ascof3D2b().contributions(budget));
    assertTrue(new Ascof3D1b().contributions(person(carer(DIRECT, "", "Unpaid carer respite"))).isEmpty());
    // service users are not carers
    assertTrue(new Ascof3D1b().contributions(person(carer(DIRECT, "Direct Payment", "")
        .set("Client_Type", "Service User"))).isEmpty());
  }

  @Test
  void carersDuringThePeriod() {
    assertEquals(Optional.of(1), carerRank(carer(DIRECT, "Direct Payment", "").set("Event_Start_Date", "2025-03-31")
        .set("Event_End_Date", "")));
    assertEquals(Optional.empty(), carerRank(carer(DIRECT, "Direct Payment", "").set("Event_Start_Date", "2025-04-01")
        .set("Event_End_Date", "")));
    assertEquals(Optional.empty(), carerRank(carer(DIRECT, "Direct Payment", "").set("Event_Start_Date", "2024-01-01")
        .set("Event_End_Date", "2024-03-31")));
    assertEquals(Optional.empty(), carerRank(carer(DIRECT, "Direct Payment", "").set("Date_of_Death", "2024-03-31")));
    // a death before the event's start drops the row from the joined table (FilterToEventsInPeriod)
    assertEquals(Optional.empty(), carerRank(carer(DIRECT, "Direct Payment", "").set("Date_of_Death", "2024-04-01")));
    assertEquals(Optional.of(1), carerRank(carer(DIRECT, "Direct Payment", "").set("Date_of_Death", "2024-06-15")));
  }
  @Test
  void carersKnownByAssociationAreCarersAndCountedForA4() {
    Ev byAssociation = carer(DIRECT, "Direct Payment", "").set("Client_Type", "unpaid carer known by association ");
    assertEquals(Optional.of(1), carerRank(byAssociation));
    assertEquals(java.util.Map.of(AscofDeviations.KNOWN_BY_ASSOCIATION_CARERS, 1L),
        filterA4(AscofDeviations.of(person(byAssociation))));
    // a carer placed by their own Carer rows is not counted
    assertEquals(java.util.Map.of(), filterA4(AscofDeviations.of(person(carer(DIRECT, "Direct Payment", ""),
        carer(DIRECT, "CASSR Commissioned Support", "").set("Client_Type", "Carer known by association")
            .set("Event_Start_Date", "2024-06-02")))));
  }

  private static java.util.Map<String, Long> filterA4(java.util.Map<String, Long> counts) {
    return java.util.Map.copyOf(com.google.common.collect.Maps.filterKeys(counts,
        k -> k.equals(AscofDeviations.KNOWN_BY_ASSOCIATION_CARERS)));
  }
}
