package org.sdelink.pipelines.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.sdelink.pipelines.progress.StageMeasurement;
import org.sdelink.pipelines.run.FullRun;

/** The one-screen summary printed at the end of {@code run} and {@code demo}: counts and where everything went. */
final class RunSummary {
  private RunSummary() {}

  /** Records placed with another record (not {@code unlinked}) and the first metric's overall value. */
  private static void printLinkAndMetric(FullRun.Outcome outcome, PrintWriter out) {
    try {
      var report = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(outcome.spine().resolveSibling("link-report.json").toFile()).path("records_by_rule");
      long all = 0;
      long unlinked = 0;
      for (var it = report.fields(); it.hasNext(); ) {
        var rule = it.next();
        all += rule.getValue().asLong();
        unlinked += rule.getKey().endsWith("|unlinked") ? rule.getValue().asLong() : 0;
      }
      out.printf("linked:   %,d of %,d distinct records placed with others (%,d unlinked); report %s%n",
          all - unlinked, all, unlinked, outcome.spine().resolveSibling("linkage-report.html"));
      for (String line : java.nio.file.Files.readAllLines(outcome.metrics().resolve("summary.csv"))) {
        if (line.startsWith("request_after_discharge,all,all,")) {
          String[] f = line.split(",");
          out.printf("metric:   request_after_discharge (alive discharges of people 65+ with a hospital-route"
              + " request between admission and 14 days after discharge) = %s (%s of %s discharges)%n",
              f[5], f[3], f[4]);
        }
      }
    } catch (java.io.IOException e) {
      out.println("linked:   (link report not readable)");
    }
  }

  static void print(FullRun.Outcome outcome, PrintWriter out) {
    out.println();
    out.println("== sdelink run summary ==");
    out.printf("CLD rows in %,d: accepted %,d, rejected %,d  (%s)%n", outcome.cld().rowsIn(),
        outcome.cld().accepted(), outcome.cld().rejected(), outcome.cld().rejectReasons());
    out.printf("APC rows in %,d: accepted %,d, rejected %,d  (%s)%n", outcome.apc().rowsIn(),
        outcome.apc().accepted(), outcome.apc().rejected(), outcome.apc().rejectReasons());
    printLinkAndMetric(outcome, out);
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

  /** The run's results as one JSON document: counts, link summary, where outputs went, and each stage's cost. */
  static void printJson(FullRun.Outcome outcome, java.util.List<StageMeasurement> stages, PrintWriter out)
      throws java.io.IOException {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("cld", counts(outcome.cld()));
    json.put("apc", counts(outcome.apc()));
    json.put("spine", outcome.spine().toString());
    json.put("link_report", outcome.spine().resolveSibling("linkage-report.html").toString());
    json.put("metrics", outcome.metrics().toString());
    if (outcome.statistics() != null) {
      json.put("statistics", outcome.statistics().toString());
    }
    json.put("release", outcome.release().toString());
    java.util.List<Map<String, Object>> costs = new java.util.ArrayList<>();
    for (StageMeasurement stage : stages) {
      Map<String, Object> cost = new java.util.LinkedHashMap<>();
      cost.put("stage", stage.stage());
      cost.put("wall_seconds", Math.round(stage.seconds() * 1000) / 1000.0);
      cost.put("rows_read", stage.rowsRead());
      cost.put("peak_heap_mb", Math.round(stage.peakHeapBytes() / (1024.0 * 1024.0)));
      costs.add(cost);
    }
    json.put("stages", costs);
    StageProgress.printJson(out, json);
  }

  private static Map<String, Object> counts(org.sdelink.pipelines.pseudonymise.StageReport report) {
    Map<String, Object> counts = new java.util.LinkedHashMap<>();
    counts.put("rows_in", report.rowsIn());
    counts.put("accepted", report.accepted());
    counts.put("rejected", report.rejected());
    counts.put("reject_reasons", report.rejectReasons());
    return counts;
  }

  /** The summary in the form the output mode asks for: the screen, JSON, or nothing. */
  static void print(OutputMode mode, FullRun run, FullRun.Outcome outcome, PrintWriter out)
      throws java.io.IOException {
    switch (mode) {
      case NORMAL -> print(outcome, out);
      case JSON -> printJson(outcome, run.measurements(), out);
      case QUIET -> { }
    }
  }
}
