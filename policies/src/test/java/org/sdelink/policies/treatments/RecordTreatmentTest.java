package org.sdelink.policies.treatments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sdelink.policies.InvalidPolicyException;
import org.sdelink.policies.Policy;
import org.sdelink.policies.ShippedPolicies;

class RecordTreatmentTest {
  private static final Function<String, String> LEVEL_2 = id -> "L2-" + Integer.toHexString(id.hashCode());
  private static final PersonDateOffset NO_OFFSET = id -> 0;

  private static Map<String, String> person() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("person_id", "L1-0001");
    row.put("nhs_number_token", "tok-abc");
    row.put("first_name", "Ada");
    row.put("last_name", "Lovelace");
    row.put("date_of_birth", "1940-06-15");
    row.put("birth_year", "1940");
    row.put("sex", "Female");
    row.put("ethnicity", "White - Irish");
    row.put("postcode", "LS1 6AB");
    row.put("postcode_district", "LS1");
    row.put("lsoa11", "E01011365");
    row.put("la_code", "E08000035");
    row.put("date_of_death", "2024-05-03");
    row.put("gp_practice_code", "B86001");
    row.put("primary_support_reason", "Physical Support: Personal care support");
    row.put("cld_records", "7");
    row.put("apc_records", "3");
    return row;
  }

  @Test
  void appliesTheResearcherPolicyToAPerson() {
    RecordTreatment treatment = RecordTreatment.forDataset(ShippedPolicies.researcher(), "persons", LEVEL_2,
        NO_OFFSET, ImmutableMap.of());
    ImmutableMap<String, String> out = treatment.apply(person(), Optional.of(LocalDate.of(2024, 1, 1)));
    assertEquals(List.of("person_id", "birth_year", "sex", "ethnicity", "la_code", "date_of_death",
        "primary_support_reason", "cld_records", "apc_records"), out.keySet().asList());
    assertEquals(treatment.releasedColumns(), out.keySet().asList());
    assertEquals(LEVEL_2.apply("L1-0001"), out.get("person_id"));
    assertEquals("1940", out.get("birth_year"));
    assertEquals("White", out.get("ethnicity"));
    assertEquals("123", out.get("date_of_death"));
    assertEquals("Female", out.get("sex"));
    assertEquals("7", out.get("cld_records"));
    assertEquals("3", out.get("apc_records"));
    for (String raw : List.of("Ada", "Lovelace", "LS1 6AB", "1940-06-15", "tok-abc", "L1-0001")) {
      assertFalse(out.containsValue(raw), raw + " must not be released");
    }
    // Operator data has no date of birth: a persons row without it is treated the same.
    Map<String, String> withoutDateOfBirth = person();
    withoutDateOfBirth.remove("date_of_birth");
    assertEquals(out, treatment.apply(withoutDateOfBirth, Optional.of(LocalDate.of(2024, 1, 1))));
  }

  @Test
  void releasesTheDateOfBirthAsAnAgeBandWhenThePolicySaysSo() {
    RecordTreatment treatment = RecordTreatment.forDataset(ShippedPolicies.researcherWithAgeBands(), "persons",
        LEVEL_2, NO_OFFSET, ImmutableMap.of());
    ImmutableMap<String, String> out = treatment.apply(person(), Optional.of(LocalDate.of(2024, 1, 1)));
    assertEquals(List.of("person_id", "date_of_birth", "sex", "ethnicity", "la_code", "date_of_death",
        "primary_support_reason", "cld_records", "apc_records"), out.keySet().asList());
    assertEquals(treatment.releasedColumns(), out.keySet().asList());
    assertEquals("80-84", out.get("date_of_birth"));
    for (String raw : List.of("Ada", "Lovelace", "LS1 6AB", "1940-06-15", "1940", "tok-abc", "L1-0001")) {
      assertFalse(out.containsValue(raw), raw + " must not be released");
    }
  }

  @Test
  void shiftDatesMovesEveryDateOfAPersonByTheSameOffset() {
    String yaml = ShippedPolicies.replaceOnce(
        ShippedPolicies.researcherWith("    start:\n      action: generalise\n      to: days-from-first-event\n",
            "    start: shift-dates\n"),
        "    end:\n      action: generalise\n      to: days-from-first-event\n", "    end: shift-dates\n")
        + "date_shift:\n  max_days: 30\n";
    Policy policy = Policy.parse(yaml, ShippedPolicies.RESEARCHER);
    PersonDateOffset offsets = id -> id.equals("L1-0001") ? -10 : 25;
    RecordTreatment treatment = RecordTreatment.forDataset(policy, "journeys", LEVEL_2, offsets, ImmutableMap.of());
    Map<String, String> row = new LinkedHashMap<>(Map.of("person_id", "L1-0001", "start", "2024-03-01",
        "end", "2024-03-11"));
    ImmutableMap<String, String> out = treatment.apply(row, Optional.empty());
    assertEquals("2024-02-20", out.get("start"));
    assertEquals("2024-03-01", out.get("end"));
    row.put("person_id", "L1-0002");
    assertEquals("2024-03-26", treatment.apply(row, Optional.empty()).get("start"));

    RecordTreatment tooFar = RecordTreatment.forDataset(policy, "journeys", LEVEL_2, id -> 31, ImmutableMap.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tooFar.apply(row, Optional.empty()));
    assertTrue(e.getMessage().contains("30 days"), e.getMessage());
  }

  @Test
  void failsClosedWithoutValuesInMessages() {
    RecordTreatment treatment = RecordTreatment.forDataset(ShippedPolicies.researcher(), "persons", LEVEL_2,
        NO_OFFSET, ImmutableMap.of());
    Map<String, String> extra = person();
    extra.put("mobile_number", "07700900123");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> treatment.apply(extra, Optional.of(LocalDate.of(2024, 1, 1))));
    assertTrue(unknown.getMessage().contains("mobile_number"));
    assertFalse(unknown.getMessage().contains("07700900123"));

    Map<String, String> badDate = person();
    badDate.put("date_of_death", "03/05/2024");
    IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
        () -> treatment.apply(badDate, Optional.of(LocalDate.of(2024, 1, 1))));
    assertTrue(date.getMessage().contains("persons.date_of_death"), date.getMessage());
    assertFalse(date.getMessage().contains("2024"), date.getMessage());

    RecordTreatment ageBands = RecordTreatment.forDataset(ShippedPolicies.researcherWithAgeBands(), "persons",
        LEVEL_2, NO_OFFSET, ImmutableMap.of());
    Map<String, String> badBirth = person();
    badBirth.put("date_of_birth", "15/06/1940");
    IllegalArgumentException birth = assertThrows(IllegalArgumentException.class,
        () -> ageBands.apply(badBirth, Optional.of(LocalDate.of(2024, 1, 1))));
    assertTrue(birth.getMessage().contains("persons.date_of_birth"), birth.getMessage());
    assertFalse(birth.getMessage().contains("1940"), birth.getMessage());

    IllegalArgumentException noFirstEvent = assertThrows(IllegalArgumentException.class,
        () -> treatment.apply(person(), Optional.empty()));
    assertTrue(noFirstEvent.getMessage().contains("first event date"));

    RecordTreatment journeys = RecordTreatment.forDataset(ShippedPolicies.researcher(), "journeys", LEVEL_2,
        NO_OFFSET, ImmutableMap.of());
    Map<String, String> event = Map.of("person_id", "L1-0001", "start", "2024-03-01", "end", "2024-03-11");
    IllegalArgumentException noJourneyStart = assertThrows(IllegalArgumentException.class,
        () -> journeys.apply(event, Optional.empty()));
    assertTrue(noJourneyStart.getMessage().contains("journeys.start"), noJourneyStart.getMessage());
    assertTrue(noJourneyStart.getMessage().contains("first event date"), noJourneyStart.getMessage());
    assertFalse(noJourneyStart.getMessage().contains("2024"), noJourneyStart.getMessage());
    ImmutableMap<String, String> days = journeys.apply(event, Optional.of(LocalDate.of(2024, 2, 20)));
    assertEquals("10", days.get("start"));
    assertEquals("20", days.get("end"));
  }

  @Test
  void survivesJavaSerialisationWithASerializablePseudonymiser() throws Exception {
    Function<String, String> pseudonymiser = (Function<String, String> & Serializable) id -> "P2-" + id.length();
    RecordTreatment treatment = RecordTreatment.forDataset(ShippedPolicies.researcher(), "persons", pseudonymiser,
        NO_OFFSET, ImmutableMap.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(treatment);
    }
    RecordTreatment copy;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RecordTreatment) in.readObject();
    }
    Optional<LocalDate> first = Optional.of(LocalDate.of(2024, 1, 1));
    assertEquals(treatment.apply(person(), first), copy.apply(person(), first));
  }

  @Test
  void invalidPolicyIsRefused() {
    Policy invalid = Policy.parse(ShippedPolicies.researcherWith("    first_name: drop\n", "    first_name: keep\n"),
        ShippedPolicies.RESEARCHER);
    assertThrows(InvalidPolicyException.class,
        () -> RecordTreatment.forDataset(invalid, "persons", LEVEL_2, NO_OFFSET, ImmutableMap.of()));
  }
}
