package org.sdelink.linkage.record;

import java.util.Base64;

/**
 * Bloom filters (CLKs) as {@code long[]} bitsets: decoding from base64 once per record, and the Dice coefficient
 * {@code 2 |a AND b| / (|a| + |b|)} by {@link Long#bitCount}, without allocation.
 */
public final class BloomFilterBits {
  private BloomFilterBits() {}

  /**
   * Decodes a base64 or base64url filter (padding optional) into a bitset whose last element is unused padding
   * when the byte length is not a multiple of 8. Returns {@code null} for a filter with no bit set (an empty
   * filter encodes a missing value).
   *
   * @throws IllegalArgumentException if the text is not base64 (the message never quotes the text)
   */
  public static long[] decode(String base64) {
    String standard = base64.trim().replace('-', '+').replace('_', '/');
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(standard);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a Bloom filter field is not base64 (length " + base64.length() + "); check the field's type", null);
    }
    long[] words = new long[(bytes.length + 7) / 8];
    boolean any = false;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        any = true;
      }
      words[i >>> 3] |= (bytes[i] & 0xFFL) << (56 - 8 * (i & 7));
    }
    return any ? words : null;
  }

  /** The number of set bits. */
  public static int cardinality(long[] bits) {
    int count = 0;
    for (long word : bits) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /**
   * The Dice coefficient of two filters of equal length with known cardinalities; 0 when both are empty.
   *
   * @throws IllegalArgumentException if the filters differ in length (encoded with different parameters)
   */
  public static double dice(long[] a, int cardinalityA, long[] b, int cardinalityB) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Bloom filters of different lengths (" + a.length * 64 + " and " + b.length * 64
              + " bits) cannot be compared: encode both sources with the same Bloom parameters");
    }
    int total = cardinalityA + cardinalityB;
    if (total == 0) {
      return 0;
    }
    int common = 0;
    for (int i = 0; i < a.length; i++) {
      common += Long.bitCount(a[i] & b[i]);
    }
    return 2.0 * common / total;
  }

  /** The Dice coefficient of two filters of equal length. */
  public static double dice(long[] a, long[] b) {
    return dice(a, cardinality(a), b, cardinality(b));
  }
}
