package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A secret master key (at least 256 bits) and its id, from which every token key is derived (see
 * {@link KeyDerivation}). Serializable because Beam workers receive it inside a DoFn; never printed:
 * {@link #toString()} shows the id, fingerprint and size only. Keys whose id starts with {@value #DEMO_PREFIX}
 * are demo keys, refused under {@link KeyPolicy#PRODUCTION}.
 *
 * <p>The {@link #fingerprint()} ({@link KeyFingerprint}) says which key this is; ids made by
 * {@link KeyStoreFile} since issue 15 end with it, older ids ({@code k20261206-1}) do not, so code that must
 * tell keys apart (stage reuse, the key check of link and metrics) compares fingerprints, not ids.
 */
public final class MasterKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The minimum key size accepted. */
  public static final int MIN_BITS = 256;
  /** Id prefix marking a demo key. */
  public static final String DEMO_PREFIX = "demo-";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String id;
  private final byte[] bytes;
  private final String fingerprint;

  private MasterKey(String id, byte[] bytes) {
    this.id = id;
    this.bytes = bytes;
    this.fingerprint = KeyFingerprint.of(bytes);
  }

  /**
   * A key from raw bytes (copied). The id becomes the {@code key_id} output column: letters, digits,
   * {@code . _ -}, at most 64 characters.
   */
  public static MasterKey of(String id, byte[] bytes) {
    checkNotNull(id, "id");
    checkNotNull(bytes, "bytes");
    checkArgument(ID.matcher(id).matches(), "key id must be 1-64 of [A-Za-z0-9._-], starting alphanumeric");
    checkArgument(
        bytes.length * 8 >= MIN_BITS,
        "key %s has %s bits; sdelink needs at least %s-bit keys: generate a new key",
        id,
        bytes.length * 8,
        MIN_BITS);
    return new MasterKey(id, bytes.clone());
  }

  public String id() {
    return id;
  }

  /** What this key is: 16 hex digits derived from the key material, safe to show (see {@link KeyFingerprint}). */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The id as a person should see it: the id when it already carries the fingerprint, else the id followed by
   * {@code (fingerprint ...)}, so that two old-style ids that are alike can be told apart.
   */
  public String label() {
    return id.endsWith("-" + fingerprint) ? id : id + " (fingerprint " + fingerprint + ")";
  }

  public boolean isDemo() {
    return id.startsWith(DEMO_PREFIX);
  }

  public int bits() {
    return bytes.length * 8;
  }

  /** The key material, not copied: only {@link KeyDerivation} and {@link KeyStoreFile} read it. */
  byte[] material() {
    return bytes;
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (id == null || !ID.matcher(id).matches() || bytes == null || bytes.length * 8 < MIN_BITS
        || !KeyFingerprint.of(bytes).equals(fingerprint)) {
      throw new InvalidObjectException("corrupt serialized MasterKey");
    }
  }

  /** Equal when id and key material are equal (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof MasterKey other
        && id.equals(other.id)
        && java.security.MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "MasterKey{id=" + id + ", fingerprint=" + fingerprint + ", bits=" + bits()
        + (isDemo() ? ", demo" : "") + "}";
  }

  /** Overwrites the key material with zeros; the key is unusable afterwards. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }
}
