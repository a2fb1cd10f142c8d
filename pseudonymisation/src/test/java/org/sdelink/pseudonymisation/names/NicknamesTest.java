package org.sdelink.pseudonymisation.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NicknamesTest {

  @Test
  void tableCoversCommonNicknames() {
    Map<String, String> table = Nicknames.table();
    assertTrue(table.size() >= 150, "table has " + table.size() + " entries");
    assertEquals("WILLIAM", Nicknames.standardise("BILL"));
    assertEquals("MARGARET", Nicknames.standardise("PEGGY"));
    assertEquals("ELIZABETH", Nicknames.standardise("BETTY"));
    assertEquals("ROBERT", Nicknames.standardise("BOB"));
  }

  @Test
  void everyEntryIsFoldedAndNoCanonicalNameIsANickname() {
    for (Map.Entry<String, String> entry : Nicknames.table().entrySet()) {
      assertEquals(entry.getKey(), NameNormaliser.fold(entry.getKey()));
      assertEquals(entry.getValue(), NameNormaliser.fold(entry.getValue()));
      assertFalse(Nicknames.table().containsKey(entry.getValue()), entry.getValue());
      assertEquals(entry.getValue(), Nicknames.standardise(Nicknames.standardise(entry.getKey())));
    }
  }

  @Test
  void ambiguousNicknamesAreLeftAlone() {
    for (String ambiguous : new String[] {"ALEX", "CHRIS", "SAM", "PAT", "TERRY", "JO"}) {
      assertEquals(ambiguous, Nicknames.standardise(ambiguous));
    }
  }
}
