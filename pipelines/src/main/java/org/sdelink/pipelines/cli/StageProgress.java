package org.sdelink.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.progress.ProgressMonitor;

/**
 * What a single-stage command prints around its work, in the current {@link OutputMode}: progress lines while the
 * stage runs, then its result as a line (normal), a JSON document (--json) or nothing (--quiet).
 */
final class StageProgress {
  private StageProgress() {}

  /** Runs {@code work} with a progress line every 10 seconds in normal mode. */
  static <T> T run(String stage, PrintWriter out, Callable<T> work) throws Exception {
    try (ProgressMonitor monitor =
        ProgressMonitor.start(stage, OutputMode.current().progress(out), ProgressMonitor.DEFAULT_INTERVAL)) {
      return work.call();
    }
  }

  /**
   * Runs a single-stage command's stage with progress lines, then prints where it wrote: {@code "<stage> -> <path>"},
   * or {@code {"<key>": "<path>"}} with --json. Returns the folder (or file) {@code work} returned.
   */
  static java.nio.file.Path runAndReport(String stage, String key, PrintWriter out,
      Callable<java.nio.file.Path> work) throws Exception {
    java.nio.file.Path done = run(stage, out, work);
    result(out, Map.of(key, done.toString()), stage + " -> " + done);
    return done;
  }

  /** Prints the stage's result: {@code lines} in normal mode, {@code json} with --json. */
  static void result(PrintWriter out, Map<String, Object> json, String... lines) throws IOException {
    switch (OutputMode.current()) {
      case NORMAL -> {
        for (String line : lines) {
          out.println(line);
        }
      }
      case JSON -> printJson(out, json);
      case QUIET -> { }
    }
    out.flush();
  }

  /** Prints {@code document} as the one indented JSON document of {@code --json}. */
  static void printJson(PrintWriter out, Object document) throws IOException {
    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    out.flush();
  }
}
