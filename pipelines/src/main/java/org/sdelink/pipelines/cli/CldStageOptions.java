package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every stage command reading pseudonymised CLD shares ({@code statistics}, {@code report},
 * {@code metrics}): the pseudonymise output for CLD and the folder to write. One picocli mixin, so the commands
 * spell, document and require them alike.
 */
public final class CldStageOptions {
  @Option(names = "--cld", required = true, paramLabel = "DIR", description = "pseudonymise output for CLD")
  Path cld;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "folder to write (a new path, an empty folder or one sdelink wrote before)")
  Path output;

  /** The pseudonymise output folder for CLD. */
  public Path cld() {
    return cld;
  }

  /** The folder the stage writes. */
  public Path output() {
    return output;
  }
}
