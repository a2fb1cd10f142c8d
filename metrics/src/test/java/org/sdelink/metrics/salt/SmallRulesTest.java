package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The small rules: spellings, age, new client, outcome hierarchy, settings, reasons, carers. */
class SmallRulesTest {
  @Test
  void releaseTwoAndAnyCaseReadAsReleaseOne() {
    assertEquals("Long Term Support: Nursing Care", Spellings.canonical("Long term support: Nursing care"));
    assertEquals("Long Term Support: Nursing Care", Spellings.canonical(" LONG TERM SUPPORT: NURSING CARE "));
    assertEquals("NFA - Deceased", Spellings.canonical("NFA: Deceased"));
    assertEquals("Carer", Spellings.canonical("Unpaid carer"));
    assertEquals("Service ended as planned", Spellings.canonical("NFA: Support ended as planned"));
    assertEquals("something else", Spellings.canonical(" something else "));
    assertFalse(Spellings.isKnown("something else"));
    SaltEvent release2 = Ev.service("Short term support: ST-Max", "2024-05-01", null)
        .set("Client_Type", "Service user").build();
    assertTrue(release2.isService(StMaxSequels.ST_MAX));
    assertTrue(release2.isServiceUser());
  }

  @Test
  void derivedAgeUsesTheFirstOfTheBirthMonthAndYearsOf36525Days() {
    assertEquals(OptionalInt.of(64), DerivedAge.at(1960, 4, Ev.d("2025-03-31")));
    assertEquals(OptionalInt.of(65), DerivedAge.at(1960, 3, Ev.d("2025-03-31")));
    assertEquals(OptionalInt.empty(), DerivedAge.at(1960, null, Ev.d("2025-03-31")));
    assertEquals(OptionalInt.empty(), DerivedAge.at(null, 3, Ev.d("2025-03-31")));
    assertEquals(Optional.of("65+"), SaltAgeBand.of(OptionalInt.of(65)));
    assertEquals(Optional.of("18-64"), SaltAgeBand.of(OptionalInt.of(18)));
    assertEquals(Optional.empty(), SaltAgeBand.of(OptionalInt.of(17)));
    assertEquals(Optional.of("unknown"), SaltAgeBand.of(OptionalInt.empty()));
    assertEquals("Carer aged 18-25", CarerAgeBand.of(OptionalInt.of(25)));
    assertEquals("Carer aged 85+", CarerAgeBand.of(OptionalInt.of(85)));
    assertEquals("Unknown", CarerAgeBand.of(OptionalInt.empty()));
  }

  @Test
  void aClientIsNewUnlessLongTermSupportIsOpenWhenTheClusterStarts() {
    List<SaltEvent> events = List.of(Ev.service("Long Term Support: Community", "2024-05-01", "2024-06-30").build());
    assertFalse(NewClient.isNew(Ev.d("2024-05-01"), events));
    assertFalse(NewClient.isNew(Ev.d("2024-06-30"), events));
    assertTrue(NewClient.isNew(Ev.d("2024-07-01"), events));
    assertTrue(NewClient.isNew(Ev.d("2024-04-30"), events));
    List<SaltEvent> open = List.of(Ev.service("Long Term Support: Nursing Care", "2024-05-01", null).build());
    assertFalse(NewClient.isNew(Ev.d("2025-01-01"), open));
    List<SaltEvent> stMax = List.of(Ev.service(StMaxSequels.ST_MAX, "2024-05-01", null).build());
    assertTrue(NewClient.isNew(Ev.d("2024-06-01"), stMax));
  }

  @Test
  void outcomeHierarchyRanksTheLabelsThePublishedTableMisspells() {
    List<String> outcomes = List.of("NFA - 100% NHS funded care", "NFA- Other");
    assertEquals(Optional.of("NFA - 100% NHS funded care"), OutcomeHierarchy.best(outcomes));
    assertEquals(Optional.of("NFA- Other"), OutcomeHierarchy.publishedBest(outcomes));
    assertEquals(Optional.of("Progress to Assessment"),
        OutcomeHierarchy.best(List.of("NFA - Deceased", "Progress to Assessment")));
  }

  @Test
  void supportSettingRanksAndIgnoresMechanismsOutsideTheTable() {
    SaltEvent dp = Ev.service("Long Term Support: Community", "2024-05-01", null)
        .set("Delivery_Mechanism", "Direct Payment").build();
    SaltEvent odd = Ev.service("Long Term Support: Community", "2024-05-01", null)
        .set("Delivery_Mechanism", "Something").build();
    SaltEvent nursing = Ev.service("Long Term Support: Nursing Care", "2024-05-01", null)
        .set("Delivery_Mechanism", "Direct Payment").build();
    assertEquals("Community: Direct Payment", SupportSetting.of(dp).orElseThrow().label());
    assertEquals("Community", SupportSetting.of(odd).orElseThrow().label());
    assertEquals("Nursing", SupportSetting.of(nursing).orElseThrow().label());
    assertEquals("Nursing", SupportSetting.best(List.of(dp, nursing)).orElseThrow().label());
  }

  @Test
  void primarySupportReasonPrefersKnownThenLatestAndConflictsReadUnknown() {
    String lts = "Long Term Support: Community";
    SaltEvent unknown = Ev.service(lts, "2024-09-01", null).set("Primary_Support_Reason", "Unknown").build();
    SaltEvent mental = Ev.service(lts, "2024-05-01", null).set("Primary_Support_Reason", "Mental Health Support")
        .build();
    SaltEvent physical = Ev.service(lts, "2024-06-01", null)
        .set("Primary_Support_Reason", "Physical Support: Personal care support").build();
    SaltEvent learning = Ev.service(lts, "2024-06-01", null)
        .set("Primary_Support_Reason", "Learning Disability Support").build();
    SaltEvent invalid = Ev.service(lts, "2024-07-01", null).set("Primary_Support_Reason", "xyz").build();
    assertEquals("Mental Health Support", PrimarySupportReasonChoice.of(List.of(unknown, mental)));
    assertEquals("Physical Support: Personal care support",
        PrimarySupportReasonChoice.of(List.of(mental, physical)));
    assertEquals("Unknown", PrimarySupportReasonChoice.of(List.of(physical, learning)));
    assertEquals("Invalid/NULL", PrimarySupportReasonChoice.of(List.of(physical, invalid)));
    assertEquals("Unknown", PrimarySupportReasonChoice.of(List.of(unknown)));
  }

  @Test
  void carerSupportFollowsTheCodesCaseAndHierarchy() {
    SaltEvent dp = Ev.service("Carer Support: Direct to Carer", "2024-05-01", null)
        .set("Client_Type", "Carer").set("Delivery_Mechanism", "Direct Payment").build();
    SaltEvent noMech = Ev.service("Unpaid carer support: Direct to unpaid carer", "2024-05-01", null)
        .set("Client_Type", "Unpaid carer").build();
    SaltEvent assessed = Ev.assessment("2024-05-01", "2024-05-02").set("Client_Type", "Carer").build();
    SaltEvent signposted = Ev.assessment("2024-05-01", "2024-05-02").set("Client_Type", "Carer")
        .outcome("NFA: Information and advice or signposting").build();
    assertEquals(Optional.of("Direct Payment only"), CarerSupportProvided.of(dp));
    assertEquals(Optional.of("Support Direct to Carer: Unknown Delivery Mech"), CarerSupportProvided.of(noMech));
    assertEquals(Optional.of("No Direct Support Provided to Carer"), CarerSupportProvided.of(assessed));
    assertEquals(Optional.of("Information, Advice and Other Universal Services / Signposting"),
        CarerSupportProvided.of(signposted));
    assertEquals(Optional.of("Direct Payment only"), CarerSupportProvided.best(List.of(assessed, dp)));
    assertTrue(CarerSupportProvided.inCohort(assessed));
    assertFalse(CarerSupportProvided.inCohort(Ev.request("2024-05-01", "2024-05-01").build()));
  }
}
