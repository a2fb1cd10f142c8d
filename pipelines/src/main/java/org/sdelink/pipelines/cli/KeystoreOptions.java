package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the keystore is and how its password arrives: from the environment variable {@code SDELINK_KEYSTORE_PASSWORD}
 * or from a file named by {@code --keystore-password-file}, never from a command-line argument (which other users of
 * the machine can read in the process list).
 */
public final class KeystoreOptions {
  public static final String PASSWORD_ENV = "SDELINK_KEYSTORE_PASSWORD";

  @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "PKCS#12 keystore file")
  Path keystore;

  @Option(names = "--keystore-password-file", paramLabel = "FILE",
      description = "file whose first line is the keystore password (else $" + PASSWORD_ENV + ")")
  Path passwordFile;

  public Path keystore() {
    return keystore;
  }

  /** The password as characters; the caller zeroes it after use. */
  public char[] password() {
    return resolvePassword(passwordFile);
  }

  static char[] resolvePassword(Path passwordFile) {
    if (passwordFile != null) {
      try {
        byte[] bytes = Files.readAllBytes(passwordFile);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        if (line.isEmpty()) {
          throw new UserError("the keystore password file " + passwordFile + " is empty: put the password on its"
              + " first line");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UserError("cannot read the keystore password file " + passwordFile + ": check the path and its"
            + " permissions");
      }
    }
    String fromEnv = System.getenv(PASSWORD_ENV);
    if (fromEnv == null || fromEnv.isEmpty()) {
      throw new UserError("no keystore password: set the environment variable " + PASSWORD_ENV
          + " or pass --keystore-password-file FILE (a password is never taken from the command line)");
    }
    return fromEnv.toCharArray();
  }
}
