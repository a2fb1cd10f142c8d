package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A keystore was not created, changed or opened because doing so would be unsafe. The message says what
 * to do; {@link #reason()} says why, for callers that react differently. Never carries key material.
 */
public final class KeyStoreRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the keystore was refused. */
  public enum Reason {
    /** The file is readable or writable by group or others, or its permissions cannot be checked. */
    PERMISSIONS,
    /** Wrong password, or the file is not an intact PKCS#12 keystore. */
    WRONG_PASSWORD_OR_CORRUPT,
    /** A key is shorter than 256 bits. */
    KEY_TOO_SHORT,
    /** A demo key under {@link KeyPolicy#PRODUCTION}. */
    DEMO_KEY,
    /** An entry that is not an sdelink AES key. */
    UNEXPECTED_ENTRY,
    /** The keystore holds no key. */
    NO_KEYS,
    /** {@code init} would overwrite an existing keystore. */
    ALREADY_EXISTS,
    /** The keystore file does not exist (or is a folder). */
    NOT_FOUND,
    /** A new key would be protected by a password that breaks {@link PasswordRule}. */
    WEAK_PASSWORD
  }

  private final Reason reason;

  KeyStoreRefusedException(Reason reason, String message) {
    super(message);
    this.reason = checkNotNull(reason);
  }

  KeyStoreRefusedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = checkNotNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
