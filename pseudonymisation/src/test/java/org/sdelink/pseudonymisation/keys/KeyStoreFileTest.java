package org.sdelink.pseudonymisation.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {
  private static final Clock DAY_ONE = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock DAY_TWO = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static char[] password() {
    return "correct horse battery staple".toCharArray();
  }

  @Test
  void initCreatesAnOwnerOnlyKeystoreWithOnePrimaryKey() throws IOException {
    Path file = dir.resolve("keys.p12");
    String id = KeyStoreFile.init(file, password(), DAY_ONE);
    assertTrue(id.matches("k20261127-1-[0-9a-f]{16}"), id);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    KeyRing ring = KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION);
    assertEquals(id, ring.primary().id());
    assertEquals(256, ring.primary().bits());
    assertFalse(ring.primary().isDemo());
    assertEquals(List.of(id), ring.keyIds().asList());
    assertEquals("k20261127-1-" + ring.primary().fingerprint(), id);
    assertEquals(id, ring.primary().label());
  }

  /** Issue 15: two keystores made the same day both held key k20261206-1; ids now say which key it is. */
  @Test
  void twoKeystoresMadeTheSameDayHaveDifferentKeysAndDifferentIds() {
    String idA = KeyStoreFile.init(dir.resolve("a.p12"), password(), DAY_ONE);
    String idB = KeyStoreFile.init(dir.resolve("b.p12"), password(), DAY_ONE);
    MasterKey a = KeyStoreFile.open(dir.resolve("a.p12"), password(), KeyPolicy.PRODUCTION).primary();
    MasterKey b = KeyStoreFile.open(dir.resolve("b.p12"), password(), KeyPolicy.PRODUCTION).primary();
    assertNotEquals(a, b);
    assertNotEquals(idA, idB);
    assertNotEquals(a.fingerprint(), b.fingerprint());
    assertEquals(idA, a.id());
  }

  /** A keystore made before issue 15 (ids without fingerprint) still opens, keeps its ids and rotates. */
  @Test
  void anOldStyleKeystoreOpensWithItsIdsAndDerivedFingerprints() throws Exception {
    Path file = dir.resolve("old.p12");
    byte[] material = new byte[32];
    new java.security.SecureRandom().nextBytes(material);
    writeStore(file, "k20261127-1", material, password());
    MasterKey key = KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION).primary();
    assertEquals("k20261127-1", key.id());
    assertEquals(MasterKey.of("k20261127-1", material).fingerprint(), key.fingerprint());
    assertEquals("k20261127-1 (fingerprint " + key.fingerprint() + ")", key.label());
    String rotated = KeyStoreFile.rotate(file, password(), DAY_TWO);
    assertTrue(rotated.matches("k20261128-2-[0-9a-f]{16}"), rotated);
    KeyRing ring = KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION);
    assertEquals(List.of("k20261127-1", rotated), ring.keyIds().asList());
    assertEquals(key, ring.byId("k20261127-1"));
  }

  @Test
  void refusesAKeyWhoseIdNamesAnotherFingerprint() throws Exception {
    Path file = dir.resolve("swapped.p12");
    writeStore(file, "k20261127-1-0123456789abcdef", new byte[32], password());
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION));
    assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
  }

  /** Issue 15: keys init accepted a one-character password. */
  @Test
  void refusesAWeakPasswordForANewKeyButOpensAnOldKeystoreWithOne() throws Exception {
    for (String weak : List.of("x", "short pass", "aaaaaaaaaaaaaaaa", "   eleven-ch   ")) {
      KeyStoreRefusedException e =
          assertThrows(KeyStoreRefusedException.class,
              () -> KeyStoreFile.init(dir.resolve("weak.p12"), weak.toCharArray(), DAY_ONE), weak);
      assertEquals(KeyStoreRefusedException.Reason.WEAK_PASSWORD, e.reason());
      assertTrue(e.getMessage().contains("at least " + PasswordRule.MIN_CHARS + " characters"), e.getMessage());
      assertTrue(weak.strip().length() < 4 || !e.getMessage().contains(weak.strip()), "the password is never shown");
      assertFalse(Files.exists(dir.resolve("weak.p12")));
    }
    Path old = dir.resolve("old-weak.p12");
    writeStore(old, "k20261127-1", new byte[32], "pw".toCharArray());
    assertEquals("k20261127-1", KeyStoreFile.open(old, "pw".toCharArray(), KeyPolicy.PRODUCTION).primary().id());
    assertEquals(KeyStoreRefusedException.Reason.WEAK_PASSWORD,
        assertThrows(KeyStoreRefusedException.class, () -> KeyStoreFile.rotate(old, "pw".toCharArray(), DAY_TWO))
            .reason());
    assertEquals(1, KeyStoreFile.open(old, "pw".toCharArray(), KeyPolicy.PRODUCTION).keyIds().size());
    String id = KeyStoreFile.init(dir.resolve("ok.p12"), "twelve chars".toCharArray(), DAY_ONE);
    assertTrue(id.startsWith("k20261127-1-"), id);
  }

  /** Issue 15: the keystore-is-a-folder message told the operator to call a Java method. */
  @Test
  void aFolderGivenAsTheKeystoreIsExplainedInOperatorTerms() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("keys.p12"));
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(folder, password(), KeyPolicy.PRODUCTION));
    assertTrue(e.getMessage().contains("is a folder, not a keystore file"), e.getMessage());
    assertTrue(e.getMessage().contains("sdelink keys init"), e.getMessage());
    assertFalse(e.getMessage().contains("KeyStoreFile"), e.getMessage());
    String absent = assertThrows(KeyStoreRefusedException.class,
        () -> KeyStoreFile.open(dir.resolve("absent.p12"), password(), KeyPolicy.PRODUCTION)).getMessage();
    assertFalse(absent.contains("KeyStoreFile"), absent);
  }

  private static void writeStore(Path file, String alias, byte[] material, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(material, "AES")),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void rotateAddsANewPrimaryAndKeepsOldKeysReadable() {
    Path file = dir.resolve("keys.p12");
    String first = KeyStoreFile.init(file, password(), DAY_ONE);
    MasterKey before = KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION).primary();
    String second = KeyStoreFile.rotate(file, password(), DAY_TWO);
    String third = KeyStoreFile.rotate(file, password(), DAY_TWO);
    assertTrue(second.matches("k20261128-2-[0-9a-f]{16}"), second);
    assertTrue(third.matches("k20261128-3-[0-9a-f]{16}"), third);
    KeyRing ring = KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION);
    assertEquals(third, ring.primary().id());
    assertEquals(List.of(first, second, third), ring.keyIds().asList());
    assertEquals(before, ring.byId(first));
    assertNotEquals(before, ring.byId(second));
    assertThrows(IllegalArgumentException.class, () -> ring.byId("k20200101-9"));
  }

  @Test
  void refusesAFileReadableByOthers() throws IOException {
    Path file = dir.resolve("keys.p12");
    KeyStoreFile.init(file, password(), DAY_ONE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION));
    assertEquals(KeyStoreRefusedException.Reason.PERMISSIONS, e.reason());
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    assertThrows(KeyStoreRefusedException.class, () -> KeyStoreFile.rotate(file, password(), DAY_TWO));
  }

  @Test
  void refusesAWrongPassword() {
    Path file = dir.resolve("keys.p12");
    KeyStoreFile.init(file, password(), DAY_ONE);
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class,
            () -> KeyStoreFile.open(file, "wrong".toCharArray(), KeyPolicy.PRODUCTION));
    assertEquals(KeyStoreRefusedException.Reason.WRONG_PASSWORD_OR_CORRUPT, e.reason());
    assertTrue(e.getMessage().startsWith("cannot open keystore: wrong password or corrupt file"));
  }

  @Test
  void refusesACorruptFile() throws IOException {
    Path file = dir.resolve("keys.p12");
    Files.write(file, "not a keystore".getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION));
    assertEquals(KeyStoreRefusedException.Reason.WRONG_PASSWORD_OR_CORRUPT, e.reason());
  }

  @Test
  void demoKeysAreRefusedUnderProductionOnly() {
    Path file = dir.resolve("demo.p12");
    String id = KeyStoreFile.initDemo(file, password(), DAY_ONE);
    assertTrue(id.matches("demo-k20261127-1-[0-9a-f]{16}"), id);
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION));
    assertEquals(KeyStoreRefusedException.Reason.DEMO_KEY, e.reason());
    assertTrue(e.getMessage().contains("sdelink keys init"), e.getMessage());
    MasterKey demo = KeyStoreFile.open(file, password(), KeyPolicy.ALLOW_DEMO).primary();
    assertTrue(demo.isDemo());
    assertTrue(KeyStoreFile.rotate(file, password(), DAY_TWO).matches("demo-k20261128-2-[0-9a-f]{16}"));
  }

  @Test
  void refusesKeysShorterThan256Bits() throws IOException, GeneralSecurityException {
    Path file = dir.resolve("short.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry(
        "k20261127-1",
        new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
        new KeyStore.PasswordProtection(password()));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password());
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    KeyStoreRefusedException e =
        assertThrows(
            KeyStoreRefusedException.class, () -> KeyStoreFile.open(file, password(), KeyPolicy.PRODUCTION));
    assertEquals(KeyStoreRefusedException.Reason.KEY_TOO_SHORT, e.reason());
    assertTrue(e.getMessage().contains("128 bits"), e.getMessage());
  }

  @Test
  void refusesToOverwriteAndToOpenWhatIsNotThere() {
    Path file = dir.resolve("keys.p12");
    KeyStoreFile.init(file, password(), DAY_ONE);
    assertEquals(
        KeyStoreRefusedException.Reason.ALREADY_EXISTS,
        assertThrows(KeyStoreRefusedException.class, () -> KeyStoreFile.init(file, password(), DAY_ONE))
            .reason());
    assertEquals(
        KeyStoreRefusedException.Reason.NOT_FOUND,
        assertThrows(
                KeyStoreRefusedException.class,
                () -> KeyStoreFile.open(dir.resolve("absent.p12"), password(), KeyPolicy.PRODUCTION))
            .reason());
  }

  @Test
  void keytoolListsTheKeystore() throws IOException, InterruptedException {
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "skipped: no keytool in java.home");
    Path file = dir.resolve("keys.p12");
    KeyStoreFile.init(file, password(), DAY_ONE);
    KeyStoreFile.rotate(file, password(), DAY_TWO);
    ProcessBuilder builder =
        new ProcessBuilder(
                keytool.toString(), "-list", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass:env", "SDELINK_TEST_STOREPASS")
            .redirectErrorStream(true);
    builder.environment().put("SDELINK_TEST_STOREPASS", new String(password()));
    Process process = builder.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    }
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("k20261127-1"), output);
    assertTrue(output.contains("k20261128-2"), output);
    assertTrue(output.contains("SecretKeyEntry"), output);
  }
}
