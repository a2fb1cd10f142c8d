package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The date-of-birth check of the deterministic phase and the list form of a member. */
class LinkMemberTest {
  private static LinkMember member(String id, String full, String swapped, String year, String month, String day) {
    return new LinkMember("apc", id, DeterministicPersonLinker.RULE_NHS, "E08000025", "", full, swapped, year, month,
        day);
  }

  @Test
  void aDateTypedDifferentlyInOnePartAgreesAndOneDifferingInTwoPartsDoesNot() {
    LinkMember truth = member("a", "D1", "S1", "Y1", "M1", "d1");
    assertTrue(member("b", "D1", "S1", "Y1", "M1", "d1").dobAgreesWith(truth), "equal");
    assertTrue(member("c", "S1", "D1", "Y1", "d1m", "M1d").dobAgreesWith(truth), "day/month swapped");
    assertTrue(member("d", "D2", "", "Y1", "M1", "d2").dobAgreesWith(truth), "a day typed differently");
    assertTrue(member("e", "D3", "", "Y2", "M1", "d1").dobAgreesWith(truth), "a year typed differently");
    assertFalse(member("f", "D4", "", "Y1", "M2", "d2").dobAgreesWith(truth), "1 January for another date");
    assertFalse(member("g", "D5", "", "", "", "").dobAgreesWith(truth), "no parts");
  }

  @Test
  void theListFormRoundTrips() {
    LinkMember m = member("a", "D1", "S1", "Y1", "M1", "d1");
    List<String> list = m.toList();
    assertEquals(LinkMember.SIZE, list.size());
    assertEquals(m, LinkMember.fromList(list));
    assertEquals("x", m.withRule("x").rule());
  }
}
