package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a master key is, as 16 hex digits: the first 64 bits of
 * {@code HKDF-SHA256(IKM = master key, salt = "sdelink/v1", info = "key-fingerprint/v1")}. Two different keys
 * get different fingerprints (a collision among a few thousand keys has probability below 10^-12), so outputs
 * tokenised under different keys can be told apart even when their ids were alike, and a swapped key is seen.
 *
 * <p>Safe to show and store beside the outputs: HKDF is a pseudo-random function keyed by the 256-bit master
 * key, so its output tells nothing about the key beyond "this is the key" (finding the key from it is a 2^256
 * search), and the purpose {@code key-fingerprint/v1} is used for nothing else, so the fingerprint is
 * independent of every token key and never equals a token (see {@link KeyDerivation}). It plays the part of a
 * key check value.
 */
public final class KeyFingerprint {
  /** The HKDF info (purpose) of the fingerprint; no token key is derived with it. */
  public static final String PURPOSE = "key-fingerprint/v1";
  /** Hex digits in a fingerprint (64 bits). */
  public static final int HEX_DIGITS = 16;

  private KeyFingerprint() {}

  /** The fingerprint of {@code material} (lower-case hex). */
  static String of(byte[] material) {
    checkNotNull(material, "material");
    byte[] out = KeyDerivation.hkdfSha256(material, KeyDerivation.SALT.getBytes(StandardCharsets.UTF_8),
        PURPOSE.getBytes(StandardCharsets.UTF_8), HEX_DIGITS / 2);
    try {
      return BaseEncoding.base16().lowerCase().encode(out);
    } finally {
      Arrays.fill(out, (byte) 0);
    }
  }
}
