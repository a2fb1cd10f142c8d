package org.sdelink.pseudonymisation.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.validation.Validated;

class GivenNameTest {

  @Property
  void validationIsIdempotent(@ForAll String raw) {
    Validated<GivenName, NameStatus> once = GivenName.validate(raw);
    once.value().ifPresent(name -> assertEquals(once, GivenName.validate(name.full())));
  }

  @Property
  void nicknameStandardisingIsIdempotent(@ForAll String raw) {
    GivenName.validate(raw).value().ifPresent(name -> {
      String standard = name.nicknameStandardised();
      assertEquals(standard, Nicknames.standardise(standard));
    });
  }

  @Test
  void titlesAreRemovedAndNamesSplit() {
    GivenName name = GivenName.parse("  Mrs  Mary-Jane  Anne ");
    assertEquals("MARY JANE ANNE", name.full());
    assertEquals("MARY", name.first());
    assertEquals("M", name.initial());
    assertEquals("JOHN", GivenName.parse("Dr. Prof John").full());
    assertEquals("JOHN SIR", GivenName.parse("john sir").full());
  }

  @Test
  void nicknamesStandardiseTheFirstName() {
    assertEquals("WILLIAM", GivenName.parse("Bill").nicknameStandardised());
    assertEquals("MARGARET", GivenName.parse("Peggy Ann").nicknameStandardised());
    assertEquals("WILLIAM", GivenName.parse("William").nicknameStandardised());
    assertEquals("ZEBEDEE", GivenName.parse("Zebedee").nicknameStandardised());
  }

  @Test
  void unusableNamesGiveReasons() {
    assertEquals(NameStatus.MISSING, GivenName.validate(" ").status());
    assertEquals(NameStatus.MISSING, GivenName.validate(null).status());
    assertEquals(NameStatus.NO_LETTERS, GivenName.validate("123").status());
    assertEquals(NameStatus.TITLE_ONLY, GivenName.validate("Mr.").status());
    assertEquals(NameStatus.PLACEHOLDER, GivenName.validate("Unknown").status());
    assertEquals(NameStatus.PLACEHOLDER, GivenName.validate("Not Known").status());
    assertEquals(NameStatus.PLACEHOLDER, GivenName.validate("Baby").status());
    assertEquals(NameStatus.PLACEHOLDER, GivenName.validate("xxx").status());
    assertEquals(NameStatus.VALID, GivenName.validate("Xavier").status());
  }

  @Test
  void toStringHidesTheName() {
    GivenName name = GivenName.parse("Bartholomew");
    assertFalse(name.toString().toUpperCase().contains("BARTHOLOMEW"));
  }
}
