package org.sdelink.pipelines.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * How much a command prints: {@code NORMAL} (stage lines, a progress line at least every 10 seconds, a final
 * summary), {@code QUIET} (nothing on success; errors still go to stderr) or {@code JSON} (one JSON document on
 * stdout with the results, for scripts). Chosen by the global flags {@code --quiet} and {@code --json}.
 */
enum OutputMode {
  NORMAL,
  QUIET,
  JSON;

  static final String QUIET_FLAG = "--quiet";
  static final String JSON_FLAG = "--json";

  private static volatile OutputMode current = NORMAL;

  /** The mode the arguments ask for; both flags together are an error. */
  static OutputMode fromArgs(String[] args) {
    List<String> list = Arrays.asList(args);
    boolean quiet = list.contains(QUIET_FLAG);
    boolean json = list.contains(JSON_FLAG);
    if (quiet && json) {
      throw new IllegalArgumentException("--quiet and --json cannot be used together: --json already prints only"
          + " the results");
    }
    return json ? JSON : quiet ? QUIET : NORMAL;
  }

  static String[] withoutFlags(String[] args) {
    return Arrays.stream(args).filter(a -> !a.equals(QUIET_FLAG) && !a.equals(JSON_FLAG)).toArray(String[]::new);
  }

  static OutputMode current() {
    return current;
  }

  static void set(OutputMode mode) {
    current = mode;
  }

  /** Where stage and progress lines go: {@code out} in normal mode, nowhere otherwise. */
  PrintWriter progress(PrintWriter out) {
    return this == NORMAL ? out : null;
  }
}
