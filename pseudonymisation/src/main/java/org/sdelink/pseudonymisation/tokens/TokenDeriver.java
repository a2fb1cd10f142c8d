package org.sdelink.pseudonymisation.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * Tokens of one field and purpose: {@code base64url-no-padding(first 16 bytes of
 * HMAC-SHA256(derived key, UTF-8 normalised value))}, 22 characters. Truncation to 128 bits (RFC 2104
 * recommends keeping at least half the hash): a chance collision among even 10^9 distinct values is about
 * 10^-21, tokens stay short to store and join, and the secrecy rests on the 256-bit key, not the tag
 * length. Every token comes from one master key, whose id {@link #keyId()} goes in the {@code key_id}
 * column. Thread-safe and serializable.
 */
public final class TokenDeriver implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Bytes of the HMAC kept in a token. */
  public static final int TOKEN_BYTES = 16;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String keyId;
  private final String purpose;
  private final KeyedHmac hmac;

  private TokenDeriver(String keyId, String purpose, KeyedHmac hmac) {
    this.keyId = keyId;
    this.purpose = purpose;
    this.hmac = hmac;
  }

  /** Derives the purpose key once (HKDF) and keeps it; {@link #token} then costs one HMAC. */
  public static TokenDeriver create(MasterKey master, String purpose) {
    checkNotNull(master, "master");
    return new TokenDeriver(master.id(), purpose, KeyedHmac.derive(master, purpose));
  }

  /** The token of a normalised, non-empty value (missing values get no token, never a shared one). */
  public String token(String normalisedValue) {
    checkNotNull(normalisedValue, "normalisedValue");
    checkArgument(!normalisedValue.isEmpty(), "refusing to tokenise an empty value");
    return encode(hmac.compute(normalisedValue.getBytes(StandardCharsets.UTF_8)));
  }

  /** Encodes the first {@link #TOKEN_BYTES} of an HMAC as a token. */
  static String encode(byte[] mac) {
    byte[] truncated = new byte[TOKEN_BYTES];
    System.arraycopy(mac, 0, truncated, 0, TOKEN_BYTES);
    return new String(BASE64URL.encode(truncated), StandardCharsets.ISO_8859_1);
  }

  public String keyId() {
    return keyId;
  }

  public String purpose() {
    return purpose;
  }

  @Override
  public String toString() {
    return "TokenDeriver{keyId=" + keyId + ", purpose=" + purpose + "}";
  }
}
