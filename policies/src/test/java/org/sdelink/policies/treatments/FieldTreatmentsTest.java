package org.sdelink.policies.treatments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FieldTreatmentsTest {

  @Test
  void datesToYearMonthAndDaysFromFirstEvent() {
    LocalDate date = LocalDate.of(2024, 3, 7);
    assertEquals("2024", FieldTreatments.year(date));
    assertEquals("2024-03", FieldTreatments.month(date));
    assertEquals(0, FieldTreatments.daysFrom(date, date));
    assertEquals(31, FieldTreatments.daysFrom(LocalDate.of(2024, 2, 5), date));
    assertEquals(-1, FieldTreatments.daysFrom(LocalDate.of(2024, 3, 8), date));
    assertEquals(LocalDate.of(2024, 2, 29), FieldTreatments.shift(date, -7));
    assertEquals(Optional.empty(), FieldTreatments.parseDate("07/03/2024"));
  }

  @Test
  void ageBandsAtTheReferenceDate() {
    LocalDate asOf = LocalDate.of(2025, 3, 31);
    assertEquals(Optional.of("65-69"), FieldTreatments.ageBand(LocalDate.of(1958, 3, 31), asOf, 5));
    assertEquals(Optional.of("60-64"), FieldTreatments.ageBand(LocalDate.of(1960, 4, 1), asOf, 5));
    assertEquals(Optional.of("90+"), FieldTreatments.ageBand(LocalDate.of(1920, 1, 1), asOf, 5));
    assertEquals(Optional.of("80+"), FieldTreatments.ageBand(85, 20));
    assertEquals(Optional.of("0-9"), FieldTreatments.ageBand(3, 10));
    assertEquals(Optional.empty(), FieldTreatments.ageBand(LocalDate.of(2026, 1, 1), asOf, 5));
  }

  @Test
  void postcodesToDistrictAndArea() {
    assertEquals(Optional.of("LS1"), FieldTreatments.postcodeDistrict("LS1 6AB"));
    assertEquals(Optional.of("SW1A"), FieldTreatments.postcodeDistrict("sw1a1aa"));
    assertEquals(Optional.of("B15"), FieldTreatments.postcodeDistrict(" B15 2TT "));
    assertEquals(Optional.empty(), FieldTreatments.postcodeDistrict("LS1"));
    assertEquals(Optional.empty(), FieldTreatments.postcodeDistrict("not a postcode"));
    assertEquals(Optional.of("LS"), FieldTreatments.postcodeArea("LS1"));
  }

  @Test
  void ethnicityToItsGroupForBothReleaseSeparators() {
    assertEquals("White", FieldTreatments.ethnicGroup("White - Irish"));
    assertEquals("Black, Black British, Caribbean or African",
        FieldTreatments.ethnicGroup("Black, Black British, Caribbean or African - Any other Black, Black British or "
            + "Caribbean background"));
    assertEquals("White", FieldTreatments.ethnicGroup("White: English, Welsh, Scottish, Northern Irish or British"));
    assertEquals("No data", FieldTreatments.ethnicGroup("No data - Refused"));
    assertEquals("Mixed or multiple ethnic groups", FieldTreatments.ethnicGroup("Mixed or multiple ethnic groups"));
  }

  @Test
  void everyCldEthnicityMapsToOneOfSixGroups() throws Exception {
    String shared = System.getProperty("sdelink.shared.dir");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared)),
        "skipped: the shared reference folder (sdelink.shared.dir) is not available");
    Path codeLists = Path.of(shared, "reference", "cld_code_lists.json");
    assumeTrue(Files.exists(codeLists), "skipped: reference/cld_code_lists.json is not in the shared folder");
    JsonNode ethnicity = new ObjectMapper().readTree(codeLists.toFile()).path("Ethnicity").path("R1");
    assertTrue(ethnicity.size() >= 20);
    Set<String> groups = new TreeSet<>();
    for (JsonNode value : ethnicity) {
      String group = FieldTreatments.ethnicGroup(value.asText());
      assertTrue(value.asText().startsWith(group + " - "), value.asText());
      groups.add(group);
    }
    assertEquals(Set.of("Asian or Asian British", "Black, Black British, Caribbean or African",
        "Mixed or multiple ethnic groups", "No data", "Other ethnic group", "White"), groups);
    assertFalse(groups.contains(""));
  }
}
