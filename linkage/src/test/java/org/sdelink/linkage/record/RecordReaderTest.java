package org.sdelink.linkage.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.PseudonymisedRows;
import org.sdelink.linkage.PseudonymisedRows.Identity;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LinkageModel;

class RecordReaderTest {
  private static final LinkageModel CLD_APC = LinkageModel.defaultCldApc();
  private static final Identity ANNE =
      new Identity("9434765919", "Anne", "Smith-Jones", LocalDate.of(1941, 3, 7), "LS1 4AP", "F");

  @Test
  void readsEachSourceFromItsOwnColumns() {
    LinkRecord cld = CLD_APC.record("cld", PseudonymisedRows.cldRow("c1", ANNE, "e08000035", "77"));
    LinkRecord apc = CLD_APC.record("apc", PseudonymisedRows.apcRow("a1", ANNE, "E08000035"));
    assertEquals("E08000035", cld.value("council"), "council is upper-cased (case-insensitive field)");
    assertEquals("E08000035", apc.value("council"));
    assertNotNull(cld.value("la_person_token"));
    assertNull(apc.value("la_person_token"), "APC has no la_person_token column and needs none");
    assertEquals("cld:c1", cld.key());
  }

  @Test
  void validWhenDropsValuesWhoseStatusIsNotListed() {
    Map<String, String> row = PseudonymisedRows.apcRow("a1", ANNE, "E08000035");
    assertNotNull(CLD_APC.record("apc", row).value("nhs_number_token"));
    row.put("nhs_number_status", "INVALID_CHECK_DIGIT");
    assertNull(CLD_APC.record("apc", row).value("nhs_number_token"));
    row.put("nhs_number_status", "TEST_RANGE");
    assertNull(CLD_APC.record("apc", row).value("nhs_number_token"));
    row.put("nhs_number_status", "");
    assertNotNull(CLD_APC.record("apc", row).value("nhs_number_token"), "a blank status keeps the value");
  }

  @Test
  void missingValuesAndBlanksAreMissing() {
    Map<String, String> row = PseudonymisedRows.apcRow("a1", ANNE, "E08000035");
    row.put("sex", "u");
    row.put("given_name_token", "   ");
    LinkRecord record = CLD_APC.record("apc", row);
    assertNull(record.value("sex"));
    assertNull(record.value("given_name_token"));
  }

  @Test
  void aMissingColumnIsNamedButNoValueIsQuoted() {
    Map<String, String> row = PseudonymisedRows.apcRow("a1", ANNE, "E08000035");
    String token = row.remove("family_name_token");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CLD_APC.record("apc", row));
    assertTrue(e.getMessage().contains("family_name_token"));
    assertFalse(e.getMessage().contains(token));
    Map<String, String> noId = PseudonymisedRows.apcRow("a1", ANNE, "E08000035");
    noId.remove("record_id");
    assertThrows(IllegalArgumentException.class, () -> CLD_APC.record("apc", noId));
  }

  @Test
  void plaintextDatesAreSplitIntoParts() {
    LinkRecord record = TestModels.levelsRecord("1", "d", "19510311");
    assertEquals("1951-03-11", record.value("d"));
    assertEquals("1951-11-03", record.value("d_swapped"));
    assertEquals("1951", record.value("d_year"));
    assertEquals("03", record.value("d_month"));
    assertEquals("11", record.value("d_day"));
    LinkRecord lateInMonth = TestModels.levelsRecord("2", "d", "1951-03-29");
    assertNull(lateInMonth.value("d_swapped"), "day 29 cannot be a month");
    LinkRecord garbage = TestModels.levelsRecord("3", "d", "19x10311");
    assertNull(garbage.value("d"));
    assertNull(garbage.value("d_year"));
  }

  @Test
  void bloomFiltersAreDecodedOnceAndEmptyFiltersAreMissing() {
    LinkRecord record = TestModels.levelsRecord("1", "bl", PseudonymisedRows.bloom("anne"));
    int field = record.layout().indexOf("bl");
    assertNotNull(record.bloom(field));
    assertEquals(16, record.bloom(field).length);
    assertTrue(record.bloomCardinality(field) > 0);
    String empty = Base64.getEncoder().encodeToString(new byte[128]);
    LinkRecord blank = TestModels.levelsRecord("2", "bl", empty);
    assertNull(blank.bloom(field));
    assertNull(blank.value(field));
    String urlSafe = PseudonymisedRows.bloom("anne").replace('+', '-').replace('/', '_').replace("=", "");
    assertEquals(1.0, BloomFilterBits.dice(record.bloom(field),
        TestModels.levelsRecord("3", "bl", urlSafe).bloom(field)), 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestModels.levelsRecord("4", "bl", "not*base64!"));
    assertFalse(e.getMessage().contains("not*base64!"));
  }

  @Test
  void toStringShowsNoValues() {
    LinkRecord record = CLD_APC.record("cld", PseudonymisedRows.cldRow("c1", ANNE, "E08000035", "77"));
    String text = record.toString();
    assertTrue(text.contains("cld:c1"));
    for (String value : record.values().values()) {
      assertFalse(text.contains(value), "toString must not show field values");
    }
  }

  @Test
  void encodesAndSerialisesRoundTrip() throws Exception {
    LinkRecord record = CLD_APC.record("cld", PseudonymisedRows.cldRow("c1", ANNE, "E08000035", "77"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    record.encode(new DataOutputStream(bytes));
    LinkRecord decoded = LinkRecord.decode(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), CLD_APC.layout());
    assertEquals(record, decoded);
    int bloom = CLD_APC.layout().indexOf("given_name_bloom");
    assertEquals(record.bloomCardinality(bloom), decoded.bloomCardinality(bloom));

    ByteArrayOutputStream serialised = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
      out.writeObject(record);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialised.toByteArray()))) {
      LinkRecord copy = (LinkRecord) in.readObject();
      assertEquals(record, copy);
      assertTrue(CLD_APC.layout().isCompatibleWith(copy.layout()));
    }
  }

  @Test
  void recordsCanBeBuiltFromFieldValues() {
    Map<String, String> values = new HashMap<>();
    values.put("a", " x ");
    values.put("b", "");
    LinkRecord record = LinkRecord.of(TestModels.levels().layout(), "r1", "s", values);
    assertEquals("x", record.value("a"));
    assertNull(record.value("b"));
    assertEquals(Map.of("a", "x"), record.values());
    assertThrows(IllegalArgumentException.class,
        () -> LinkRecord.of(TestModels.levels().layout(), "r1", "s", Map.of("nope", "1")));
    assertThrows(IllegalArgumentException.class,
        () -> LinkRecord.of(TestModels.levels().layout(), " ", "s", Map.of()));
  }
}
