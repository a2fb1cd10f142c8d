package org.sdelink.pseudonymisation.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.sdelink.pseudonymisation.keys.KeyDerivation;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * HMAC-SHA256 (JCA) under one derived key, usable from many threads: each thread gets its own initialised
 * {@link Mac} (a {@code Mac} is not thread-safe, and creating one per call costs more than the HMAC).
 * Serializable: only the derived key travels; the per-thread state is rebuilt after deserialization.
 */
public final class KeyedHmac implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  /** HMAC-SHA256 output length in bytes. */
  public static final int MAC_BYTES = 32;

  private final byte[] key;
  private final transient ThreadLocal<Mac> macs;

  private KeyedHmac(byte[] key) {
    this.key = key;
    Mac prototype = newMac(key);
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                return (Mac) prototype.clone();
              } catch (CloneNotSupportedException e) {
                return newMac(key);
              }
            });
  }

  /** HMAC under the key derived from {@code master} for {@code purpose} (see {@link KeyDerivation}). */
  public static KeyedHmac derive(MasterKey master, String purpose) {
    return new KeyedHmac(KeyDerivation.deriveKey(master, purpose));
  }

  /** HMAC under a raw key (copied); for test vectors and other processors' keys. */
  public static KeyedHmac ofRawKey(byte[] key) {
    checkNotNull(key, "key");
    checkArgument(key.length > 0, "empty HMAC key");
    return new KeyedHmac(key.clone());
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no usable HmacSHA256", e);
    }
  }

  /** HMAC-SHA256 of {@code input}: 32 new bytes. */
  public byte[] compute(byte[] input) {
    checkNotNull(input, "input");
    return macs.get().doFinal(input);
  }

  /** HMAC-SHA256 of {@code input[offset, offset+length)} into {@code output[0, 32)}. */
  public void compute(byte[] input, int offset, int length, byte[] output) {
    Mac mac = macs.get();
    mac.update(input, offset, length);
    try {
      mac.doFinal(output, 0);
    } catch (ShortBufferException e) {
      mac.reset();
      throw new IllegalArgumentException("output needs " + MAC_BYTES + " bytes", e);
    }
  }

  private Object readResolve() throws ObjectStreamException {
    return new KeyedHmac(key);
  }

  @Override
  public String toString() {
    return "KeyedHmac{HmacSHA256}";
  }
}
