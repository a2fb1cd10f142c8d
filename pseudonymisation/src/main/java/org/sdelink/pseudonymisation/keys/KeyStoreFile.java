package org.sdelink.pseudonymisation.keys;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;

/**
 * The sdelink master-key file: a PKCS#12 keystore ({@code keytool -list -storetype PKCS12} opens it)
 * holding 256-bit AES secret-key entries. Aliases are key ids {@code k<yyyyMMdd>-<n>-<fingerprint>} (demo keys
 * {@code demo-k<yyyyMMdd>-<n>-<fingerprint>}), where n counts up across the whole file, the date is the creation
 * day (UTC, from an injectable clock) and the fingerprint ({@link KeyFingerprint}) says which key it is, so two
 * keystores made the same day never share an id. Keystores made before issue 15 hold ids without the fingerprint
 * ({@code k20261206-1}); they open as before, keep those ids, and their keys' fingerprints are derived on
 * opening ({@link MasterKey#fingerprint()}). The primary key is the one with the highest counter:
 * {@link #rotate} adds a new primary and keeps the old keys readable.
 *
 * <p>Refuses, with a message saying what to do: a file readable or writable by group or others (files are
 * created 0600), a wrong password or corrupt file, a key under 256 bits, a key whose id names another key's
 * fingerprint, a demo key under {@link KeyPolicy#PRODUCTION}, any entry that is not an sdelink key, and, when
 * a key is added ({@link #init}, {@link #rotate}), a password shorter than {@link PasswordRule#MIN_CHARS}.
 *
 * <p>Passwords are {@code char[]} only. The caller owns the array and should zero it after its last call;
 * copies made here (inside {@link KeyStore.PasswordProtection}) are destroyed after use.
 */
public final class KeyStoreFile {
  private static final String TYPE = "PKCS12";
  private static final String KEY_ALGORITHM = "AES";
  private static final int KEY_BYTES = 32;
  private static final Pattern ALIAS =
      Pattern.compile("(demo-)?k(\\d{8})-(\\d{1,9})(?:-([0-9a-f]{" + KeyFingerprint.HEX_DIGITS + "}))?");
  private static final DateTimeFormatter ALIAS_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyStoreFile() {}

  /** Creates a keystore (mode 0600) with one fresh random 256-bit primary key; returns its id. */
  public static String init(Path file, char[] password) {
    return init(file, password, Clock.systemUTC());
  }

  public static String init(Path file, char[] password, Clock clock) {
    return create(file, password, clock, false);
  }

  /**
   * As {@link #init(Path, char[])} but the key is marked demo ({@code demo-} alias): for synthetic data and
   * demos only; {@link KeyPolicy#PRODUCTION} refuses it.
   */
  public static String initDemo(Path file, char[] password) {
    return initDemo(file, password, Clock.systemUTC());
  }

  public static String initDemo(Path file, char[] password, Clock clock) {
    return create(file, password, clock, true);
  }

  /**
   * Adds a new random 256-bit key, which becomes primary, and keeps the old keys; returns the new id. The
   * file is rewritten atomically (a 0600 temporary file moved over it). A demo keystore gets a demo key.
   */
  public static String rotate(Path file, char[] password) {
    return rotate(file, password, Clock.systemUTC());
  }

  public static String rotate(Path file, char[] password, Clock clock) {
    checkNotNull(clock, "clock");
    KeyStore store = load(file, password);
    PasswordRule.checkNewKey(file, password);
    KeyRing ring = readRing(file, store, password, KeyPolicy.ALLOW_DEMO);
    MasterKey primary = ring.primary();
    String alias = addRandomKey(store, primary.isDemo(), LocalDate.now(clock), counter(primary.id()) + 1, password);
    write(file, store, password, true);
    return alias;
  }

  /** Opens a keystore and checks every key; see the class comment for what is refused. */
  public static KeyRing open(Path file, char[] password, KeyPolicy policy) {
    checkNotNull(policy, "policy");
    KeyStore store = load(file, password);
    return readRing(file, store, password, policy);
  }

  private static String create(Path file, char[] password, Clock clock, boolean demo) {
    checkNotNull(file, "file");
    checkNotNull(password, "password");
    checkNotNull(clock, "clock");
    if (Files.exists(file)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.ALREADY_EXISTS,
          "keystore " + file + " already exists: use 'sdelink keys rotate' to add a key, or choose another path");
    }
    PasswordRule.checkNewKey(file, password);
    KeyStore store;
    try {
      store = KeyStore.getInstance(TYPE);
      store.load(null, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("this JVM cannot create PKCS12 keystores", e);
    }
    String alias = addRandomKey(store, demo, LocalDate.now(clock), 1, password);
    write(file, store, password, false);
    return alias;
  }

  private static String alias(boolean demo, LocalDate date, int counter, String fingerprint) {
    return (demo ? MasterKey.DEMO_PREFIX : "") + "k" + ALIAS_DATE.format(date) + "-" + counter + "-" + fingerprint;
  }

  private static int counter(String alias) {
    Matcher matcher = ALIAS.matcher(alias);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an sdelink key alias: " + alias);
    }
    return Integer.parseInt(matcher.group(3));
  }

  /** Adds a fresh random key under the alias made of date, counter and its fingerprint; returns the alias. */
  private static String addRandomKey(KeyStore store, boolean demo, LocalDate date, int counter, char[] password) {
    byte[] material = new byte[KEY_BYTES];
    RANDOM.nextBytes(material);
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
    try {
      String alias = alias(demo, date, counter, KeyFingerprint.of(material));
      store.setEntry(
          alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(material, KEY_ALGORITHM)), protection);
      return alias;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot add a key to the keystore", e);
    } finally {
      java.util.Arrays.fill(material, (byte) 0);
      destroy(protection);
    }
  }

  /**
   * Writes the keystore with mode 0600. A new file is created exclusively (never over an existing one); a
   * replacement is written to a 0600 temporary file in the same directory and moved over the old one
   * atomically, so a crash leaves either the old or the new keystore.
   */
  private static void write(Path file, KeyStore store, char[] password, boolean replace) {
    Path absolute = file.toAbsolutePath();
    Path target = null;
    try {
      target =
          replace
              ? Files.createTempFile(
                  absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp",
                  PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (OutputStream out = Files.newOutputStream(target)) {
        store.store(out, password);
      }
      if (replace) {
        Files.move(target, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      target = null;
    } catch (FileAlreadyExistsException e) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.ALREADY_EXISTS,
          "keystore " + file + " already exists: use 'sdelink keys rotate' to add a key, or choose another path", e);
    } catch (UnsupportedOperationException e) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.PERMISSIONS,
          "cannot create " + file + " with owner-only (0600) permissions on this file system: "
              + "keep keystores on a POSIX file system", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot write keystore " + file + ": " + e.getMessage(), e);
    } finally {
      if (target != null) {
        try {
          Files.deleteIfExists(target);
        } catch (IOException ignored) {
          // best effort: the unfinished file is 0600
        }
      }
    }
  }

  private static KeyStore load(Path file, char[] password) {
    checkNotNull(file, "file");
    checkNotNull(password, "password");
    if (Files.isDirectory(file)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.NOT_FOUND,
          file + " is a folder, not a keystore file: give the path of the keystore file itself"
              + " (--keystore FILE), or create one with 'sdelink keys init --keystore FILE'");
    }
    if (!Files.isRegularFile(file)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.NOT_FOUND,
          "no keystore at " + file + ": check the path, or create one with 'sdelink keys init --keystore FILE'");
    }
    checkOwnerOnly(file);
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(TYPE);
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.WRONG_PASSWORD_OR_CORRUPT,
          "cannot open keystore: wrong password or corrupt file (" + file
              + "): check the password, or restore the file from its backup");
    }
  }

  private static void checkOwnerOnly(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.PERMISSIONS,
          "cannot check the permissions of keystore " + file
              + ": keep keystores on a POSIX file system, mode 0600");
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.PERMISSIONS,
          "keystore " + file + " has permissions " + PosixFilePermissions.toString(permissions)
              + ", open to group or others: run 'chmod 600 " + file + "' and consider the key "
              + "exposed (rotate it) if others could have read it");
    }
  }

  private static KeyRing readRing(Path file, KeyStore store, char[] password, KeyPolicy policy) {
    List<String> aliases;
    try {
      aliases = new ArrayList<>(Collections.list(store.aliases()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot list keystore " + file, e);
    }
    if (aliases.isEmpty()) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.NO_KEYS,
          "keystore " + file + " holds no key: create a keystore with 'sdelink keys init'");
    }
    for (String alias : aliases) {
      if (!ALIAS.matcher(alias).matches()) {
        throw new KeyStoreRefusedException(
            KeyStoreRefusedException.Reason.UNEXPECTED_ENTRY,
            "keystore " + file + " holds entry '" + alias + "', which is not an sdelink key "
                + "(k<yyyyMMdd>-<n>): keep the sdelink keystore separate from other keys");
      }
    }
    aliases.sort(Comparator.comparingInt(KeyStoreFile::counter));
    ImmutableMap.Builder<String, MasterKey> keys = ImmutableMap.builder();
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
    try {
      for (String alias : aliases) {
        keys.put(alias, readKey(file, store, alias, protection, policy));
      }
    } finally {
      destroy(protection);
    }
    ImmutableMap<String, MasterKey> byId = keys.buildOrThrow();
    String primary = aliases.get(aliases.size() - 1);
    if (aliases.size() > 1 && counter(aliases.get(aliases.size() - 2)) == counter(primary)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.UNEXPECTED_ENTRY,
          "keystore " + file + " holds two keys with counter " + counter(primary)
              + ", so the primary key is ambiguous: restore the keystore from its backup");
    }
    return new KeyRing(byId, primary);
  }

  private static MasterKey readKey(
      Path file, KeyStore store, String alias, KeyStore.PasswordProtection protection,
      KeyPolicy policy) {
    KeyStore.Entry entry;
    try {
      entry = store.getEntry(alias, protection);
    } catch (GeneralSecurityException e) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.WRONG_PASSWORD_OR_CORRUPT,
          "cannot open keystore: wrong password or corrupt file (" + file + ", key " + alias
              + "): every key must be protected by the store password; restore the file from its backup");
    }
    if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
      throw new KeyStoreRefusedException(
          KeyStoreRefusedException.Reason.UNEXPECTED_ENTRY,
          "keystore " + file + " entry " + alias + " is not a secret key: keep the sdelink keystore "
              + "separate from certificates and private keys");
    }
    SecretKey secret = secretEntry.getSecretKey();
    byte[] material = secret.getEncoded();
    try {
      if (material == null || material.length < KEY_BYTES) {
        int bits = material == null ? 0 : material.length * 8;
        throw new KeyStoreRefusedException(
            KeyStoreRefusedException.Reason.KEY_TOO_SHORT,
            "key " + alias + " in " + file + " has " + bits + " bits; sdelink needs 256-bit keys: "
                + "create a new keystore with 'sdelink keys init' and tokenise the data again under it");
      }
      MasterKey key = MasterKey.of(alias, material);
      Matcher matcher = ALIAS.matcher(alias);
      if (matcher.matches() && matcher.group(4) != null && !matcher.group(4).equals(key.fingerprint())) {
        throw new KeyStoreRefusedException(
            KeyStoreRefusedException.Reason.WRONG_PASSWORD_OR_CORRUPT,
            "keystore " + file + " entry " + alias + " holds a key whose fingerprint is not the one in its id:"
                + " the keystore was altered; restore it from its backup");
      }
      if (key.isDemo() && policy == KeyPolicy.PRODUCTION) {
        throw new KeyStoreRefusedException(
            KeyStoreRefusedException.Reason.DEMO_KEY,
            "keystore " + file + " holds demo key " + alias + ": demo keys are public test material "
                + "and must not protect real data; create a production keystore with 'sdelink keys init'"
                + " (demo keys are for 'sdelink demo' on synthetic data only)");
      }
      return key;
    } finally {
      if (material != null) {
        java.util.Arrays.fill(material, (byte) 0);
      }
    }
  }

  private static void destroy(KeyStore.PasswordProtection protection) {
    try {
      protection.destroy();
    } catch (DestroyFailedException e) {
      // PasswordProtection.destroy zeroes its copy before it could fail; nothing more to do
    }
  }
}
