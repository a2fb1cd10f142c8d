package org.sdelink.pseudonymisation.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PhoneticCodesTest {

  @Test
  void namesThatSoundAlikeShareCodes() {
    assertEquals(PhoneticCodes.doubleMetaphone("SMITH"), PhoneticCodes.doubleMetaphone("SMYTH"));
    assertEquals(PhoneticCodes.soundex("ROBERT"), PhoneticCodes.soundex("RUPERT"));
    assertEquals("R163", PhoneticCodes.soundex("ROBERT"));
    assertNotEquals(PhoneticCodes.doubleMetaphone("SMITH"), PhoneticCodes.doubleMetaphone("JONES"));
  }
}
