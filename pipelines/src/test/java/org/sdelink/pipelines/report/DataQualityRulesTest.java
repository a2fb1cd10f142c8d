package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.contract.CodeLists;

class DataQualityRulesTest {
  @TempDir Path dir;

  static Map<String, String> row(String... pairs) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private DataQualityRules withGenderList() throws IOException {
    Files.writeString(dir.resolve(CodeLists.CLD_FILE),
        "{\"Gender\":{\"R1\":[\"Male\",\"Female\",\"Other\",\"Unknown\"]}}");
    return DataQualityRules.with(CodeLists.load(dir));
  }

  @Test
  void nhsNumberAndDateOfBirthAreJudgedByTheirStatusColumns() {
    DataQualityRules rules = DataQualityRules.with(CodeLists.none());
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, true)),
        rules.assess(DataQualityField.NHS_NUMBER, row("nhs_number_status", "VALID")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(false, false)),
        rules.assess(DataQualityField.NHS_NUMBER, row("nhs_number_status", "MISSING")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.NHS_NUMBER, row("nhs_number_status", "INVALID_CHECK_DIGIT")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.NHS_NUMBER, row("nhs_number_status", "TEST_RANGE")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.DATE_OF_BIRTH, row("dob_status", "IN_FUTURE")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(false, false)),
        rules.assess(DataQualityField.DATE_OF_BIRTH, row()));
  }

  @Test
  void codesAreCheckedOnlyWhenThereIsAList() throws IOException {
    DataQualityRules none = DataQualityRules.with(CodeLists.none());
    assertFalse(none.checksValidity(DataQualityField.GENDER));
    assertFalse(none.checksAnyCode());
    assertTrue(none.checksValidity(DataQualityField.NHS_NUMBER), "status columns need no list");
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        none.assess(DataQualityField.GENDER, row("Gender", "Male")), "unchecked: never counted valid");

    DataQualityRules lists = withGenderList();
    assertTrue(lists.checksAnyCode());
    assertTrue(lists.checksValidity(DataQualityField.GENDER));
    assertFalse(lists.checksValidity(DataQualityField.ETHNICITY), "no list for it in the file");
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, true)),
        lists.assess(DataQualityField.GENDER, row("Gender", " female ")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        lists.assess(DataQualityField.GENDER, row("Gender", "F")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(false, false)),
        lists.assess(DataQualityField.GENDER, row("Gender", "")));
  }

  @Test
  void aFieldAppliesOnlyToItsRecords() {
    DataQualityRules rules = DataQualityRules.with(CodeLists.none());
    assertTrue(rules.assess(DataQualityField.REQUEST_ROUTE_OF_ACCESS, row("Event_Type", "Service")).isEmpty());
    assertTrue(rules.assess(DataQualityField.REQUEST_ROUTE_OF_ACCESS, row("Event_Type", "request")).isPresent());
    assertTrue(rules.assess(DataQualityField.EVENT_OUTCOME, row("Event_Type", "Review")).isEmpty());
    assertTrue(rules.assess(DataQualityField.EVENT_OUTCOME, row("Event_End_Date", "2024-05-01")).isPresent());
    assertTrue(rules.assess(DataQualityField.PRIMARY_SUPPORT_REASON, row("Client_Type", "Unpaid carer")).isEmpty());
    assertTrue(rules.assess(DataQualityField.PRIMARY_SUPPORT_REASON, row("Client_Type", "Carer known by association"))
        .isEmpty());
    assertTrue(rules.assess(DataQualityField.PRIMARY_SUPPORT_REASON, row("Client_Type", "Service User")).isPresent());
    assertTrue(rules.assess(DataQualityField.PLANNED_UNITS_PER_WEEK,
        row("Event_Type", "Service", "Cost_Frequency_Unit_Type", "Hourly")).isPresent());
    assertTrue(rules.assess(DataQualityField.PLANNED_UNITS_PER_WEEK,
        row("Event_Type", "Service", "Cost_Frequency_Unit_Type", "Weekly")).isEmpty());
    assertTrue(DataQualityRules.isPerUnit("per session") && DataQualityRules.isPerUnit("DAILY"));
    assertFalse(DataQualityRules.isPerUnit("Monthly") || DataQualityRules.isPerUnit("One-off")
        || DataQualityRules.isPerUnit(""));
  }

  @Test
  void datesAndNumbersMustBeReal() {
    DataQualityRules rules = DataQualityRules.with(CodeLists.none());
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.UNIT_COST, row("Event_Type", "Service", "Unit_Cost", "-3")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.UNIT_COST, row("Event_Type", "Service", "Unit_Cost", "ten")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, true)),
        rules.assess(DataQualityField.UNIT_COST, row("Event_Type", "Service", "Unit_Cost", "0.00")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, false)),
        rules.assess(DataQualityField.EVENT_START_DATE, row("Event_Start_Date", "2024-02-30")));
    assertEquals(Optional.of(new DataQualityRules.Outcome(true, true)),
        rules.assess(DataQualityField.EVENT_START_DATE, row("Event_Start_Date", "2024-02-29")));
  }
}
