package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869, Bouncy Castle) from a master key to one 256-bit key per field and purpose:
 * {@code key = HKDF(IKM = master key, salt = UTF-8 "sdelink/v1", info = UTF-8 purpose, L = 32)}, purpose
 * e.g. {@code link/nhs_number}. Different purposes give independent keys, so a token of one field never
 * equals a token of another, and a project pseudonym never equals a linkage token.
 */
public final class KeyDerivation {
  /** The HKDF salt, as UTF-8 bytes; the version lets a future scheme derive different keys. */
  public static final String SALT = "sdelink/v1";
  /** Derived key length in bytes. */
  public static final int KEY_BYTES = 32;

  private static final CharMatcher PURPOSE_CHARS = CharMatcher.inRange('!', '~');

  private KeyDerivation() {}

  /** The derived key for a purpose (printable ASCII, no spaces). The caller owns the returned array. */
  public static byte[] deriveKey(MasterKey master, String purpose) {
    checkNotNull(master, "master");
    checkNotNull(purpose, "purpose");
    checkArgument(
        !purpose.isEmpty() && PURPOSE_CHARS.matchesAllOf(purpose),
        "purpose must be non-empty printable ASCII without spaces");
    return hkdfSha256(
        master.material(),
        SALT.getBytes(StandardCharsets.UTF_8),
        purpose.getBytes(StandardCharsets.UTF_8),
        KEY_BYTES);
  }

  /** Plain HKDF-SHA256 (extract then expand), as in RFC 5869. An empty salt means HashLen zero bytes. */
  public static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    checkNotNull(ikm, "ikm");
    checkArgument(length > 0 && length <= 255 * 32, "HKDF-SHA256 output length must be 1..8160 bytes");
    HKDFBytesGenerator generator = new HKDFBytesGenerator(SHA256Digest.newInstance());
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }
}
