package org.sdelink.pipelines.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.sdelink.pipelines.run.FullRun;

/** The one-screen summary printed at the end of {@code run} and {@code demo}: counts and where everything went. */
final class RunSummary {
  private RunSummary() {}

  static void print(FullRun.Outcome outcome, PrintWriter out) {
    out.println();
    out.println("== sdelink run summary ==");
    out.printf("CLD rows in %,d: accepted %,d, rejected %,d  (%s)%n", outcome.cld().rowsIn(),
        outcome.cld().accepted(), outcome.cld().rejected(), outcome.cld().rejectReasons());
    out.printf("APC rows in %,d: accepted %,d, rejected %,d  (%s)%n", outcome.apc().rowsIn(),
        outcome.apc().accepted(), outcome.apc().rejected(), outcome.apc().rejectReasons());
    out.println("spine:    " + outcome.spine());
    out.println("metrics:  " + outcome.metrics());
    out.println("release:  " + outcome.release());
    out.print("time per stage:");
    for (Map.Entry<String, java.time.Duration> e : outcome.stageTimes().entrySet()) {
      out.printf(" %s %.1fs;", e.getKey(), e.getValue().toMillis() / 1000.0);
    }
    out.println();
    out.flush();
  }
}
