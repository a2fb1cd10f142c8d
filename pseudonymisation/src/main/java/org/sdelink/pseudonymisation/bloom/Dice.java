package org.sdelink.pseudonymisation.bloom;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Base64;

/**
 * Dice similarity of two encoded Bloom filters ({@link BloomEncoder#encode}):
 * {@code 2 |A and B| / (|A| + |B|)}, counting set bits; 1.0 for equal non-empty filters, 0.0 when no
 * bit is shared or both are empty.
 */
public final class Dice {
  private Dice() {}

  public static double similarity(String encodedA, String encodedB) {
    checkNotNull(encodedA, "encodedA");
    checkNotNull(encodedB, "encodedB");
    byte[] a = decode(encodedA);
    byte[] b = decode(encodedB);
    checkArgument(a.length == b.length, "filters of different lengths (%s and %s bytes)", a.length, b.length);
    int common = 0;
    int total = 0;
    for (int i = 0; i < a.length; i++) {
      common += Integer.bitCount((a[i] & b[i]) & 0xFF);
      total += Integer.bitCount(a[i] & 0xFF) + Integer.bitCount(b[i] & 0xFF);
    }
    return total == 0 ? 0.0 : 2.0 * common / total;
  }

  private static byte[] decode(String encoded) {
    try {
      return Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64url Bloom filter", e);
    }
  }
}
