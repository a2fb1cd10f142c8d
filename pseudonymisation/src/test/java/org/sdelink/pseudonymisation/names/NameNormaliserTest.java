package org.sdelink.pseudonymisation.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NameNormaliserTest {

  @Property
  void foldIsIdempotent(@ForAll String raw) {
    String once = NameNormaliser.fold(raw);
    assertEquals(once, NameNormaliser.fold(once));
  }

  @Property
  void foldGivesOnlyUpperCaseWordsAndSingleSpaces(@ForAll String raw) {
    String folded = NameNormaliser.fold(raw);
    assertTrue(folded.matches("([A-Z]+( [A-Z]+)*)?"), "folded form has only A-Z words");
  }

  @Test
  void accentsCaseAndPunctuationFold() {
    assertEquals("ZOE OBRIEN SMYTH", NameNormaliser.fold("Zoë O’Brien-Smyth"));
    assertEquals("JOSE MARIA", NameNormaliser.fold("José-María"));
    assertEquals("AEGIR OSTER", NameNormaliser.fold("Ægir Øster"));
    assertEquals("STRASSE", NameNormaliser.fold("straße"));
    assertEquals("LODZ", NameNormaliser.fold("Łódź"));
    assertEquals("MARTIN", NameNormaliser.fold("Ma\u0301rtin"));
    assertEquals("ST JOHN", NameNormaliser.fold("  St.  John  "));
    assertEquals("DARCY", NameNormaliser.fold("D´Arcy"));
    assertEquals("", NameNormaliser.fold("123 -- ?"));
    assertEquals("", NameNormaliser.fold(null));
    assertEquals(List.of("ANNE", "MARIE"), NameNormaliser.words("anne\tmarie"));
  }
}
