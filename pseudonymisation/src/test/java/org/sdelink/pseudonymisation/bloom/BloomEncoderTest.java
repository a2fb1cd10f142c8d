package org.sdelink.pseudonymisation.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.Purposes;

class BloomEncoderTest {
  private static final MasterKey KEY = MasterKey.of("k20260101-1", new byte[32]);
  private final BloomEncoder names = BloomEncoder.create(KEY, Purposes.BLOOM_FAMILY_NAME);

  @Property
  void encodingIs512BitsBase64UrlAndDeterministic(@ForAll @NotEmpty String value) {
    String encoded = names.encode(value);
    assertTrue(encoded.matches("[A-Za-z0-9_-]{86}"), encoded);
    assertEquals(64, Base64.getUrlDecoder().decode(encoded).length);
    assertEquals(encoded, names.encode(value));
    assertNotEquals(value, encoded);
  }

  @Property
  void diceIsSymmetricBoundedAndOneForEqualValues(
      @ForAll @StringLength(min = 1, max = 20) String a, @ForAll @StringLength(min = 1, max = 20) String b) {
    String ea = names.encode(a);
    String eb = names.encode(b);
    double similarity = Dice.similarity(ea, eb);
    assertEquals(similarity, Dice.similarity(eb, ea));
    assertTrue(similarity >= 0.0 && similarity <= 1.0);
    assertEquals(1.0, Dice.similarity(ea, ea));
  }

  @Test
  void similarNamesScoreHigherThanDifferentOnes() {
    double typo = Dice.similarity(names.encode("SMITH"), names.encode("SMYTH"));
    double transposed = Dice.similarity(names.encode("JOHNSON"), names.encode("JOHNSNO"));
    double different = Dice.similarity(names.encode("SMITH"), names.encode("OKAFOR"));
    assertTrue(typo > 0.4, "SMITH/SMYTH " + typo);
    assertTrue(transposed > 0.6, "JOHNSON/JOHNSNO " + transposed);
    assertTrue(different < 0.3, "SMITH/OKAFOR " + different);
    assertTrue(typo > different + 0.2);
  }

  @Test
  void keysAndPurposesGiveDifferentFilters() {
    String value = "WILLIAMS";
    assertNotEquals(names.encode(value), BloomEncoder.create(KEY, Purposes.BLOOM_GIVEN_NAME).encode(value));
    MasterKey other = MasterKey.of("k20260101-2", new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});
    assertNotEquals(names.encode(value), BloomEncoder.create(other, Purposes.BLOOM_FAMILY_NAME).encode(value));
  }

  @Test
  void survivesSerializationAndEncodesAnyCharacter() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(names);
    }
    BloomEncoder copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (BloomEncoder) in.readObject();
    }
    assertEquals(names.encode("O NEILL"), copy.encode("O NEILL"));
    assertEquals(names.encode("ZOË"), copy.encode("ZOË"));
    assertThrows(IllegalArgumentException.class, () -> names.encode(""));
    assertThrows(IllegalArgumentException.class, () -> Dice.similarity(names.encode("A"), "AAAA"));
  }
}
