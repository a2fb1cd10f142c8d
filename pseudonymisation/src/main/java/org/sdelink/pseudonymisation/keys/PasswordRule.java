package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;

/**
 * The rule for a password that protects a new key ({@code keys init}, {@code keys rotate}): at least
 * {@value #MIN_CHARS} characters, not counting leading and trailing spaces, and not one character repeated.
 * The password is all that stands between a copy of the keystore file and the keys, so a short one is refused
 * (NCSC guidance: long passphrases, e.g. three random words). Keystores made before this rule with a shorter
 * password still open (their data stays readable), but no key is added under it: create a new keystore.
 */
public final class PasswordRule {
  /** The fewest characters a password protecting a new key may have. */
  public static final int MIN_CHARS = 12;

  private PasswordRule() {}

  /** Throws {@link KeyStoreRefusedException} (reason WEAK_PASSWORD) when {@code password} breaks the rule. */
  static void checkNewKey(Path file, char[] password) {
    checkNotNull(password, "password");
    int start = 0;
    int end = password.length;
    while (start < end && Character.isWhitespace(password[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(password[end - 1])) {
      end--;
    }
    boolean oneCharacter = true;
    for (int i = start + 1; i < end; i++) {
      oneCharacter &= password[i] == password[start];
    }
    if (end - start < MIN_CHARS || oneCharacter) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.WEAK_PASSWORD,
          "the keystore password for " + file + " is too weak to protect a new key: use at least " + MIN_CHARS
              + " characters (e.g. three random words), not one character repeated (a keystore made earlier under a"
              + " weaker password still opens, but a new key is only added under a password that meets this rule)");
    }
  }
}
