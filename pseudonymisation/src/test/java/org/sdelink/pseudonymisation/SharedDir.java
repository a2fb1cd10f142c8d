package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code /work/shared} through the {@code sdelink.shared.dir} property; skips the test when absent. */
public final class SharedDir {
  private SharedDir() {}

  public static Path require(String relative) {
    String dir = System.getProperty("sdelink.shared.dir");
    assumeTrue(dir != null && !dir.isBlank(), "skipped: system property sdelink.shared.dir not set");
    Path file = Paths.get(dir).resolve(relative);
    assumeTrue(Files.isReadable(file), "skipped: shared reference file not found: " + file);
    return file;
  }
}
