package org.sdelink.policies.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerKeyFilesTest {
  private static final char[] PASSWORD = "correct horse battery".toCharArray();

  @Test
  void createWritesAnEncryptedOwnerOnlyPrivateKeyAndAPublicKeyThatVerifiesItsSignatures(@TempDir Path dir)
      throws Exception {
    Path keyFile = dir.resolve("keys/jo.key");
    ReviewerPublicKey created = ReviewerKeyFiles.create(keyFile, PASSWORD.clone(), new SecureRandom());

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    String privateText = Files.readString(keyFile, StandardCharsets.US_ASCII);
    assertTrue(privateText.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), privateText);
    Path publicFile = dir.resolve("keys/jo.key.pub");
    assertEquals(publicFile, ReviewerKeyFiles.publicKeyFile(keyFile));
    assertEquals(created, ReviewerKeyFiles.readPublic(publicFile));
    assertTrue(created.fingerprint().matches("sha256:[0-9a-f]{64}"), created.fingerprint());
    assertEquals(created, ReviewerPublicKey.fromBase64(created.base64()));

    ReviewerSigningKey opened = ReviewerKeyFiles.open(keyFile, PASSWORD.clone());
    assertEquals(created, opened.publicKey());
    byte[] message = "a statement".getBytes(StandardCharsets.UTF_8);
    byte[] signature = opened.sign(message);
    assertTrue(created.verifies(message, signature));
    assertFalse(created.verifies("another statement".getBytes(StandardCharsets.UTF_8), signature));
    // The private key's bytes are not in either file in clear, and toString shows the fingerprint only.
    assertFalse(privateText.contains(Base64.getEncoder().encodeToString(opened.parameters().getEncoded())));
    assertEquals("ReviewerSigningKey{" + created.fingerprint() + "}", opened.toString());
  }

  @Test
  void aWrongPasswordAShortPasswordAnExistingFileAndAFileOthersCanReadAreRefused(@TempDir Path dir)
      throws Exception {
    Path keyFile = dir.resolve("jo.key");
    ReviewerKeyException shortPassword = assertThrows(ReviewerKeyException.class,
        () -> ReviewerKeyFiles.create(keyFile, "short".toCharArray(), new SecureRandom()));
    assertTrue(shortPassword.getMessage().contains("at least 12 characters"), shortPassword.getMessage());
    assertFalse(Files.exists(keyFile));

    ReviewerKeyFiles.create(keyFile, PASSWORD.clone(), new SecureRandom());
    String before = Files.readString(keyFile);
    ReviewerKeyException exists = assertThrows(ReviewerKeyException.class,
        () -> ReviewerKeyFiles.create(keyFile, PASSWORD.clone(), new SecureRandom()));
    assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    assertEquals(before, Files.readString(keyFile), "an existing key is never replaced");

    ReviewerKeyException wrong = assertThrows(ReviewerKeyException.class,
        () -> ReviewerKeyFiles.open(keyFile, "not the password at all".toCharArray()));
    assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());

    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
    ReviewerKeyException exposed = assertThrows(ReviewerKeyException.class,
        () -> ReviewerKeyFiles.open(keyFile, PASSWORD.clone()));
    assertTrue(exposed.getMessage().contains("chmod 600"), exposed.getMessage());

    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    ReviewerKeyException notAKey = assertThrows(ReviewerKeyException.class,
        () -> ReviewerKeyFiles.open(ReviewerKeyFiles.publicKeyFile(keyFile), PASSWORD.clone()));
    assertTrue(notAKey.getMessage().contains("can be read or changed by others")
        || notAKey.getMessage().contains("is not a reviewer's private key"), notAKey.getMessage());
  }
}
