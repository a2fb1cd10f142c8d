package org.sdelink.pipelines.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The throwaway key of {@code demo} and {@code bench}: a fresh keystore marked as a demo key, with a random password in
 * a file readable by its owner only. Every other command refuses a demo key.
 */
final class DemoKeys {
  private DemoKeys() {}

  static MasterKey create(Path folder, PrintWriter out) throws Exception {
    Path keystore = folder.resolve("demo-keystore.p12");
    char[] password = randomPassword();
    Path passwordFile = folder.resolve("demo-keystore.password");
    Files.writeString(passwordFile, new String(password) + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    String keyId = KeyStoreFile.initDemo(keystore, password.clone());
    if (out != null) {
      out.printf("created throwaway demo key %s in %s (refused by every command but demo and bench)%n", keyId,
          keystore);
    }
    return Stages.openPrimaryKey(keystore, password, true);
  }

  private static char[] randomPassword() throws IOException {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    Arrays.fill(bytes, (byte) 0);
    return password;
  }
}
