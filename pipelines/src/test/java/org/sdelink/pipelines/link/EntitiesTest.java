package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

/** Entity rows: the representative, address variants and the councils of the person's other source. */
class EntitiesTest {
  private static final RecordLayout LAYOUT = LinkageModel.defaultCldApc().layout();

  private static LinkRecord apc(String id, String postcode, String district, String council) {
    return LinkRecord.of(LAYOUT, id, "apc", Map.of("postcode_token", postcode, "postcode_district_token", district,
        "council", council, "dob_token", "D", "sex", "F"));
  }

  private static String value(List<String> entity, String field) {
    return entity.get(Entities.VALUES_FROM + LAYOUT.indexOf(field));
  }

  @Test
  void aPersonWithTwoAddressesHasTheRepresentativeAndOneAddressVariant() {
    List<LinkRecord> records = List.of(apc("1", "P1", "D1", "E1"), apc("2", "P1", "D1", "E1"),
        apc("3", "P2", "D2", "E2"));
    LinkRecord cld = LinkRecord.of(LAYOUT, "c", "cld", Map.of("council", "E9"));
    List<List<String>> rows = Entities.entities(LAYOUT, "apc", "P", false, records, List.of(cld),
        "Asian or Asian British - Indian");
    assertEquals(2, rows.size());
    assertEquals(List.of("apc", "P", "0", "0", "E9", "E1|unknown|F|Asian or Asian British|Asian or Asian British: Indian"),
        rows.get(0).subList(0, Entities.VALUES_FROM));
    assertEquals(List.of("E1", "unknown", "F", "Asian or Asian British", "Asian or Asian British: Indian"),
        Entities.subgroups(rows.get(1)), "a variant keeps the representative's subgroups");
    assertEquals("P1", value(rows.get(0), "postcode_token"));
    assertEquals("1", rows.get(1).get(3));
    assertEquals("P2", value(rows.get(1), "postcode_token"));
    assertEquals("D2", value(rows.get(1), "postcode_district_token"));
    assertEquals("E2", value(rows.get(1), "council"));
    assertEquals("D", value(rows.get(1), "dob_token"));
    assertEquals("apc:P", Entities.key(rows.get(1)));
    assertEquals("apc:P#1", Entities.rowKey(rows.get(1)));
    assertTrue(Entities.primary(rows.get(0)) && !Entities.primary(rows.get(1)));
    assertTrue(Entities.linkedIn(rows.get(0), "E9"));
    assertFalse(Entities.linkedIn(rows.get(0), "E1"));
  }

  @Test
  void aPersonWithOneAddressHasOneRow() {
    List<List<String>> rows = Entities.entities(LAYOUT, "apc", "P", true,
        List.of(apc("1", "P1", "D1", "E1"), apc("2", "P1", "D1", "E1")), List.of(), "");
    assertEquals(1, rows.size());
    assertEquals("", rows.get(0).get(4));
    assertFalse(Entities.linkedIn(rows.get(0), "E1"));
    assertEquals(List.of("E1", "unknown", "F", "unknown", "unknown"), Entities.subgroups(rows.get(0)));
  }

  @Test
  void theBirthYearBandIsTheDecade() {
    assertEquals("1930-1939", Entities.ageBand("1934"));
    assertEquals("2000-2009", Entities.ageBand("2000"));
    assertEquals("unknown", Entities.ageBand(""));
  }
}
