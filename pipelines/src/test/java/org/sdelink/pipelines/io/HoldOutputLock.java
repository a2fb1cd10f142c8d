package org.sdelink.pipelines.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Test support, run as a separate process: claims the output folder named by the first argument (taking its lock),
 * prints {@code locked}, and holds the lock until its standard input closes. Stands in for a second sdelink run.
 */
public final class HoldOutputLock {
  private HoldOutputLock() {}

  public static void main(String[] args) throws Exception {
    try (OutputFolder claimed = OutputFolder.claim(Path.of(args[0]), OutputFolder.Kind.STAGE, List.of())) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Hold the lock until the parent closes our input.
      }
    }
  }
}
