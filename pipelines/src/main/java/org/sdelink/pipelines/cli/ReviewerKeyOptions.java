package org.sdelink.pipelines.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.sdelink.pipelines.run.UserError;
import picocli.CommandLine.Option;

/**
 * Where a reviewer's private key is and how its password arrives: from a file readable by its owner only
 * ({@code --key-password-file}), from {@code SDELINK_REVIEWER_KEY_PASSWORD}, or typed at the terminal; never from a
 * command-line argument (which other users of the machine can read in the process list).
 */
final class ReviewerKeyOptions {
  static final String PASSWORD_ENV = "SDELINK_REVIEWER_KEY_PASSWORD";

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "the reviewer's private key file (made by `sdelink policy keys init`)")
  Path key;

  @Option(names = "--key-password-file", paramLabel = "FILE",
      description = "file whose first line is the key's password, readable by you only (else $" + PASSWORD_ENV
          + ", else it is asked for)")
  Path passwordFile;

  /** The password; with {@code confirm} a typed one is asked twice. The caller zeroes it after use. */
  char[] password(boolean confirm) {
    if (passwordFile != null) {
      return fromFile(passwordFile);
    }
    String fromEnv = System.getenv(PASSWORD_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("no password for the reviewer's key: pass --key-password-file FILE (readable by you only) "
          + "or set " + PASSWORD_ENV + ", or run in a terminal to type it (a password is never taken from the "
          + "command line)");
    }
    char[] password = console.readPassword("password of the reviewer's key %s: ", key);
    if (confirm) {
      char[] again = console.readPassword("the same password again: ");
      boolean same = Arrays.equals(password, again);
      Arrays.fill(again, '\0');
      if (!same) {
        Arrays.fill(password, '\0');
        throw new UserError("the two passwords differ: run the command again");
      }
    }
    return password;
  }

  private static char[] fromFile(Path file) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view != null) {
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
          throw new UserError("the password file " + file + " can be read or changed by others (mode "
              + PosixFilePermissions.toString(permissions) + "): run `chmod 600 " + file + "`");
        }
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      Arrays.fill(bytes, (byte) 0);
      int end = text.indexOf('\n');
      String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
      if (line.isEmpty()) {
        throw new UserError("the password file " + file + " is empty: put the password on its first line");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new UserError("cannot read the password file " + file + ": check the path and its permissions");
    }
  }
}
