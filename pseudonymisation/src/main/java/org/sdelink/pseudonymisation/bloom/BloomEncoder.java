package org.sdelink.pseudonymisation.bloom;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.Longs;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.KeyedHmac;

/**
 * Field-level Bloom-filter encoding (cryptographic long-term key style, Schnell et al. 2009) of one
 * normalised field, for approximate matching: similar strings give filters with high {@link Dice}
 * similarity, without revealing the strings.
 *
 * <ul>
 *   <li>q-grams: bigrams of the value padded with {@code _} at both ends ({@code SMITH} gives {@code _S SM
 *       MI IT TH H_}); the padding gives the first and last letters their own bigrams;
 *   <li>{@value #HASHES_PER_BIGRAM} bit positions per bigram in a {@value #FILTER_BITS}-bit filter, by
 *       double hashing with one keyed HMAC: {@code m = HMAC-SHA256(derived key, UTF-8 bigram)},
 *       {@code h1} = bytes 0-7 and {@code h2} = bytes 8-15 of m as big-endian unsigned 64-bit integers,
 *       {@code h2} forced odd, position {@code i} = {@code (h1 + i*h2) mod 2^64 mod 1024}, i = 0..19 (odd
 *       h2 makes the 20 positions distinct);
 *   <li>hardening by XOR-folding (Schnell, Borgs and Encarnação 2016): bit j of the output is bit j XOR
 *       bit j+512 of the filter, j = 0..511, which hides which positions a bigram set and thwarts pattern
 *       mining of frequent bigrams while keeping Dice similarities useful;
 *   <li>output: the 512 bits as 64 bytes (bit j = byte j/8, bit 7 - j%8, most significant first),
 *       base64url without padding, 86 characters.
 * </ul>
 *
 * Thread-safe and serializable.
 */
public final class BloomEncoder implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Filter length before folding. */
  public static final int FILTER_BITS = 1024;
  /** Bit positions set per bigram. */
  public static final int HASHES_PER_BIGRAM = 20;
  /** Encoded length after XOR-folding. */
  public static final int ENCODED_BITS = FILTER_BITS / 2;
  /** Padding character around the value before taking bigrams. */
  public static final char PAD = '_';

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** Characters whose bigram positions are precomputed: every character a normalised field can hold. */
  private static final String TABULATED = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + PAD;

  private final String keyId;
  private final String purpose;
  private final KeyedHmac hmac;
  /** Bit positions of every bigram of {@link #TABULATED}: a cache of what {@link #positions} computes. */
  private final transient short[][] table;

  private BloomEncoder(String keyId, String purpose, KeyedHmac hmac) {
    this.keyId = keyId;
    this.purpose = purpose;
    this.hmac = hmac;
    int size = TABULATED.length();
    this.table = new short[size * size][];
    byte[] mac = new byte[KeyedHmac.MAC_BYTES];
    for (int first = 0; first < size; first++) {
      for (int second = 0; second < size; second++) {
        table[first * size + second] =
            positions(hmac, "" + TABULATED.charAt(first) + TABULATED.charAt(second), mac);
      }
    }
  }

  private Object readResolve() {
    return new BloomEncoder(keyId, purpose, hmac);
  }

  public static BloomEncoder create(MasterKey master, String purpose) {
    checkNotNull(master, "master");
    return new BloomEncoder(master.id(), purpose, KeyedHmac.derive(master, purpose));
  }

  /** The hardened, encoded filter of a normalised non-empty value. */
  public String encode(String normalisedValue) {
    checkNotNull(normalisedValue, "normalisedValue");
    checkArgument(!normalisedValue.isEmpty(), "refusing to encode an empty value");
    long[] filter = new long[FILTER_BITS / 64];
    String padded = PAD + normalisedValue + PAD;
    byte[] mac = null;
    for (int start = 0; start + 2 <= padded.length(); start++) {
      int first = TABULATED.indexOf(padded.charAt(start));
      int second = TABULATED.indexOf(padded.charAt(start + 1));
      short[] positions;
      if (first >= 0 && second >= 0) {
        positions = table[first * TABULATED.length() + second];
      } else {
        mac = mac == null ? new byte[KeyedHmac.MAC_BYTES] : mac;
        positions = positions(hmac, padded.substring(start, start + 2), mac);
      }
      for (short position : positions) {
        filter[position >>> 6] |= 1L << (position & 63);
      }
    }
    return BASE64URL.encodeToString(fold(filter));
  }

  /** The {@value #HASHES_PER_BIGRAM} filter positions of one bigram (double hashing, see class comment). */
  private static short[] positions(KeyedHmac hmac, String bigram, byte[] mac) {
    byte[] bytes = bigram.getBytes(StandardCharsets.UTF_8);
    hmac.compute(bytes, 0, bytes.length, mac);
    long h1 = Longs.fromBytes(mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], mac[6], mac[7]);
    long h2 = Longs.fromBytes(mac[8], mac[9], mac[10], mac[11], mac[12], mac[13], mac[14], mac[15]) | 1L;
    short[] positions = new short[HASHES_PER_BIGRAM];
    for (int i = 0; i < HASHES_PER_BIGRAM; i++) {
      positions[i] = (short) ((h1 + i * h2) & (FILTER_BITS - 1));
    }
    return positions;
  }

  /** XOR-folds the filter in half and packs bit j into byte j/8, most significant bit first. */
  private static byte[] fold(long[] filter) {
    byte[] out = new byte[ENCODED_BITS / 8];
    for (int j = 0; j < ENCODED_BITS; j++) {
      boolean low = (filter[j >>> 6] & (1L << (j & 63))) != 0;
      int high = j + ENCODED_BITS;
      boolean up = (filter[high >>> 6] & (1L << (high & 63))) != 0;
      if (low ^ up) {
        out[j >>> 3] |= (byte) (0x80 >>> (j & 7));
      }
    }
    return out;
  }

  /**
   * The {@value #HASHES_PER_BIGRAM} filter positions (0..1023, before folding) of one bigram, in hash order:
   * for checking another implementation against this one.
   */
  public int[] positions(String bigram) {
    checkNotNull(bigram, "bigram");
    checkArgument(bigram.length() == 2, "a bigram has two characters");
    short[] positions = positions(hmac, bigram, new byte[KeyedHmac.MAC_BYTES]);
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = positions[i];
    }
    return out;
  }

  public String keyId() {
    return keyId;
  }

  public String purpose() {
    return purpose;
  }

  @Override
  public String toString() {
    return "BloomEncoder{keyId=" + keyId + ", purpose=" + purpose + "}";
  }
}
