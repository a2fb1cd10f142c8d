package org.sdelink.pseudonymisation.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.io.BaseEncoding;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5869 Appendix A, test cases 1-3 (HKDF-SHA256), and the sdelink derivation built on it. */
class KeyDerivationTest {
  private static byte[] hex(String hex) {
    return BaseEncoding.base16().lowerCase().decode(hex.replace(" ", ""));
  }

  private static byte[] range(int from, int toInclusive) {
    byte[] out = new byte[toInclusive - from + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (from + i);
    }
    return out;
  }

  @Test
  void rfc5869TestCase1() {
    byte[] ikm = new byte[22];
    Arrays.fill(ikm, (byte) 0x0b);
    assertArrayEquals(
        hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        KeyDerivation.hkdfSha256(ikm, range(0x00, 0x0c), range(0xf0, 0xf9), 42));
  }

  @Test
  void rfc5869TestCase2() {
    assertArrayEquals(
        hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
            + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
            + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        KeyDerivation.hkdfSha256(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82));
  }

  @Test
  void rfc5869TestCase3() {
    byte[] ikm = new byte[22];
    Arrays.fill(ikm, (byte) 0x0b);
    assertArrayEquals(
        hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
        KeyDerivation.hkdfSha256(ikm, new byte[0], new byte[0], 42));
  }

  @Test
  void derivesTheDocumentedHkdfAndDistinctKeysPerPurpose() {
    MasterKey master = MasterKey.of("k20261127-1", range(0x00, 0x1f));
    byte[] nhs = KeyDerivation.deriveKey(master, "link/nhs_number");
    assertArrayEquals(
        KeyDerivation.hkdfSha256(range(0x00, 0x1f), "sdelink/v1".getBytes(), "link/nhs_number".getBytes(), 32),
        nhs);
    assertEquals(32, nhs.length);
    assertFalse(Arrays.equals(nhs, KeyDerivation.deriveKey(master, "link/dob")));
    assertFalse(Arrays.equals(nhs, KeyDerivation.deriveKey(master, "project/a")));
    assertThrows(IllegalArgumentException.class, () -> KeyDerivation.deriveKey(master, "has space"));
    assertThrows(IllegalArgumentException.class, () -> KeyDerivation.deriveKey(master, ""));
  }
}
