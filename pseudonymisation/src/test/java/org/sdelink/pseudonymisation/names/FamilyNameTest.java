package org.sdelink.pseudonymisation.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.validation.Validated;

class FamilyNameTest {

  @Property
  void validationIsIdempotent(@ForAll String raw) {
    Validated<FamilyName, NameStatus> once = FamilyName.validate(raw);
    once.value().ifPresent(name -> {
      Validated<FamilyName, NameStatus> twice = FamilyName.validate(name.spaced());
      assertEquals(once, twice);
      assertEquals(name.full(), twice.get().full());
      assertEquals(name.parts(), twice.get().parts());
    });
  }

  @Test
  void apostrophesAndPrefixesJoin() {
    assertEquals("OBRIEN", FamilyName.parse("O'Brien").full());
    assertEquals("OBRIEN", FamilyName.parse("O Brien").full());
    assertEquals("OBRIEN", FamilyName.parse("o’brien").full());
    assertEquals(List.of("OBRIEN"), FamilyName.parse("O'Brien").parts().asList());
    assertEquals("MCDONALD", FamilyName.parse("Mc Donald").full());
    assertEquals(List.of("MCDONALD"), FamilyName.parse("Mc Donald").parts().asList());
  }

  @Test
  void hyphenatedAndMultiPartSurnames() {
    FamilyName hyphenated = FamilyName.parse("Smith-Jones");
    assertEquals("SMITHJONES", hyphenated.full());
    assertEquals(List.of("JONES", "SMITH"), hyphenated.parts().asList());
    assertEquals(hyphenated.full(), FamilyName.parse("smith jones").full());
    assertEquals(hyphenated.full(), FamilyName.parse("SMITHJONES").full());

    FamilyName dutch = FamilyName.parse("van der Berg");
    assertEquals("VANDERBERG", dutch.full());
    assertEquals(List.of("BERG"), dutch.parts().asList());
    assertEquals("VAN DER BERG", dutch.spaced());
    assertEquals(dutch.full(), FamilyName.parse("Vanderberg").full());

    assertEquals(List.of("LA", "LE"), FamilyName.parse("Le La").parts().asList());
    assertEquals(List.of("LE"), FamilyName.parse("Le").parts().asList());
  }

  @Test
  void suffixesAreRemovedWhenANameRemains() {
    assertEquals("SMITH", FamilyName.parse("Smith Jr.").full());
    assertEquals("SMITH", FamilyName.parse("Smith III").full());
    assertEquals("JUNIOR", FamilyName.parse("Junior").full());
  }

  @Test
  void unusableNamesGiveReasons() {
    assertEquals(NameStatus.MISSING, FamilyName.validate("").status());
    assertEquals(NameStatus.NO_LETTERS, FamilyName.validate("--").status());
    assertEquals(NameStatus.PLACEHOLDER, FamilyName.validate("unknown").status());
  }

  @Test
  void toStringHidesTheName() {
    FamilyName name = FamilyName.parse("Featherstonehaugh");
    assertFalse(name.toString().toUpperCase().contains("FEATHERSTONEHAUGH"));
    PersonName person = PersonName.of("Bartholomew", "Featherstonehaugh");
    assertFalse(person.toString().toUpperCase().contains("FEATHERSTONEHAUGH"));
    assertFalse(person.toString().toUpperCase().contains("BARTHOLOMEW"));
    assertEquals(NameStatus.VALID, person.family().status());
  }
}
