package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the keystore is and how its password arrives: from the environment variable {@code SDELINK_KEYSTORE_PASSWORD}
 * or from a file named by {@code --keystore-password-file}, never from a command-line argument (which other users of
 * the machine can read in the process list). A password file that group or others may read or write is refused on a
 * POSIX file system (as the keystore itself is): the password must be as private as the key.
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
      checkOwnerOnly(passwordFile);
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

  /**
   * Stops when group or others have any permission on the password file. On a file system without POSIX permissions
   * (e.g. a Windows share) nothing can be checked and the file is read (see docs/operator-runbook.md).
   */
  private static void checkOwnerOnly(Path passwordFile) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(passwordFile);
    } catch (UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      throw new UserError("cannot read the keystore password file " + passwordFile + ": check the path and its"
          + " permissions");
    }
    Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    if (!ownerOnly.containsAll(permissions)) {
      throw new UserError("the keystore password file " + passwordFile + " has permissions "
          + PosixFilePermissions.toString(permissions) + ", open to group or others: run"
          + " 'chmod 600 " + passwordFile + "', and if others could have read it, treat the password as known (make a"
          + " new keystore with a new password)");
    }
  }
}
