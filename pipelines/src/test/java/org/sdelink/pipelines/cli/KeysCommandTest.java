package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdelink keys} as an operator uses it: the issue-15 probes on key ids and passwords. */
class KeysCommandTest {
  @TempDir Path dir;

  private Path passwordFile(String name, String password, String mode) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, password + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private static CommandLineTest.Result keys(String command, Path keystore, Path passwordFile) {
    return CommandLineTest.run("keys", command, "--keystore", keystore.toString(), "--keystore-password-file",
        passwordFile.toString());
  }

  /** Issue 15: two keystores made the same day both held key k20261206-1. */
  @Test
  void twoKeystoresMadeTheSameDayListDifferentIds() throws Exception {
    Path password = passwordFile("pw.txt", "correct horse battery staple", "rw-------");
    CommandLineTest.Result a = keys("init", dir.resolve("a.p12"), password);
    CommandLineTest.Result b = keys("init", dir.resolve("b.p12"), password);
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    String listA = keys("list", dir.resolve("a.p12"), password).out().strip();
    String listB = keys("list", dir.resolve("b.p12"), password).out().strip();
    assertTrue(listA.matches("k\\d{8}-1-[0-9a-f]{16}  \\(primary\\)"), listA);
    assertNotEquals(listA, listB);
  }

  /** Issue 15: a world-readable --keystore-password-file was used silently. */
  @Test
  void aPasswordFileOthersCanReadIsRefused() throws Exception {
    Path readable = passwordFile("open.txt", "correct horse battery staple", "rw-r--r--");
    CommandLineTest.Result init = keys("init", dir.resolve("keys.p12"), readable);
    assertEquals(2, init.code());
    assertTrue(init.err().contains("chmod 600 " + readable), init.err());
    assertFalse(init.err().contains("correct horse"), init.err());
    assertFalse(Files.exists(dir.resolve("keys.p12")));
    Path groupWritable = passwordFile("group.txt", "correct horse battery staple", "rw--w----");
    assertEquals(2, keys("init", dir.resolve("keys.p12"), groupWritable).code());
    Path ownerOnly = passwordFile("private.txt", "correct horse battery staple", "r--------");
    assertEquals(0, keys("init", dir.resolve("keys.p12"), ownerOnly).code());
  }

  /** Issue 15: keys init accepted a one-character password. */
  @Test
  void aOneCharacterPasswordIsRefused() throws Exception {
    Path weak = passwordFile("weak.txt", "x", "rw-------");
    CommandLineTest.Result init = keys("init", dir.resolve("keys.p12"), weak);
    assertEquals(2, init.code());
    assertTrue(init.err().contains("at least 12 characters"), init.err());
    assertFalse(Files.exists(dir.resolve("keys.p12")));
  }

  /** Issue 15: the keystore-is-a-folder message told the operator to call a Java method. */
  @Test
  void aFolderAsKeystoreIsExplainedInOperatorTerms() throws Exception {
    Path password = passwordFile("pw.txt", "correct horse battery staple", "rw-------");
    Path folder = Files.createDirectory(dir.resolve("folder.p12"));
    CommandLineTest.Result list = keys("list", folder, password);
    assertEquals(2, list.code());
    assertTrue(list.err().contains("is a folder, not a keystore file"), list.err());
    assertFalse(list.err().contains("KeyStoreFile"), list.err());
  }
}
