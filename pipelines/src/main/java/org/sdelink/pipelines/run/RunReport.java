package org.sdelink.pipelines.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code run-report.html}: one self-contained page (inline CSS, no scripts, fonts or remote resources: an SDE is
 * offline) that links every stage's figures of a run: rows in, accepted and rejected (per file) with the top reject
 * reasons; the records each cascade step placed and their share of the source, and link rates per council; the
 * metric summary; the release manifest (rows in and out, k-anonymity, files); and the time per stage. It holds counts
 * and codes only, never an identifier. A stage output that is missing is said to be missing, not left out silently.
 */
public final class RunReport {
  public static final String FILE = "run-report.html";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Cascade steps in the order the link stage applies them (docs/linkage.md); others follow by name. */
  private static final List<String> STEP_ORDER = List.of("la_person_id", "nhs_number+dob", "probabilistic",
      "probabilistic_apc", "unlinked_dob_conflict", "unlinked");
  private static final int TOP_REASONS = 5;

  private RunReport() {}

  public static Path write(FullRun.Outcome outcome, Path output) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sdelink run report</title>")
        .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
        .append("h1{border-bottom:3px solid #005eb8}h2{margin-top:2em;border-bottom:1px solid #ccc}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:4px 8px;")
        .append("text-align:left}th{background:#e8edee}.n{text-align:right}.ok{color:#007f3b}")
        .append(".bad{color:#d5281b;font-weight:bold}.note{color:#555}tr.total td{font-weight:bold;background:#f7f9fa}")
        .append("</style></head><body>");
    html.append("<h1>sdelink run report</h1><p class=\"note\">Output folder: ").append(esc(output.toString()))
        .append("</p>");
    JsonNode metricsReport = readJson(outcome.metrics().resolve("metrics-report.json"));
    if (metricsReport.has("period_start")) {
      html.append("<p>Reporting period: ").append(esc(metricsReport.path("period_start").asText())).append(" to ")
          .append(esc(metricsReport.path("period_end").asText())).append("</p>");
    }

    html.append("<h2>1. What came in</h2>");
    html.append(inputSection(output));

    html.append("<h2>2. How well it linked</h2>");
    html.append(linkSection(output.resolve("linked").resolve("link-report.json")));

    html.append("<h2>3. Metric summary (operator side, unsuppressed)</h2>");
    html.append(metricSection(outcome.metrics().resolve("summary.csv")));

    if (outcome.statistics() != null) {
      html.append("<h2>3b. SALT tables (operator side, unsuppressed)</h2>");
      html.append(org.sdelink.pipelines.statistics.StatisticsHeadlines.html(outcome.statistics()));
      html.append(dashboardLinks(output));
    }

    html.append("<h2>4. What was released</h2>");
    html.append(releaseSection(outcome.release().resolve("manifest.json")));

    html.append("<h2>5. Time per stage</h2><table><tr><th>stage</th><th>seconds</th></tr>");
    Duration total = Duration.ZERO;
    for (Map.Entry<String, Duration> stage : outcome.stageTimes().entrySet()) {
      html.append("<tr><td>").append(esc(stage.getKey())).append("</td><td class=\"n\">")
          .append(seconds(stage.getValue())).append("</td></tr>");
      total = total.plus(stage.getValue());
    }
    html.append("<tr><th>all stages</th><th class=\"n\">").append(seconds(total)).append("</th></tr>");
    html.append("</table><p class=\"note\">A stage whose inputs and settings were unchanged since the last run is kept,")
        .append(" and takes only the time to check that.</p></body></html>\n");
    Path file = output.resolve(FILE);
    Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** Links to the run's dashboards, when it built them ({@link FullRun#withDashboards}). */
  private static String dashboardLinks(Path output) {
    StringBuilder html = new StringBuilder();
    for (String[] dashboard : List.of(new String[] {FullRun.DASHBOARD, "operator's view (exact figures; never to"
        + " leave the SDE)"}, new String[] {FullRun.DASHBOARD_COUNCILS, "councils' version (small-number rule)"})) {
      if (Files.exists(output.resolve(dashboard[0]).resolve("index.html"))) {
        html.append("<li><a href=\"").append(dashboard[0]).append("/index.html\">").append(dashboard[0])
            .append("/</a>: ").append(esc(dashboard[1])).append("</li>");
      }
    }
    return html.length() == 0 ? "" : "<p>Dashboards with the SALT pages (per council, beside England):</p><ul>"
        + html + "</ul>";
  }

  private static String inputSection(Path output) throws IOException {
    StringBuilder html = new StringBuilder("<table><tr><th>source</th><th>file</th><th>rows in</th><th>accepted</th>")
        .append("<th>rejected</th><th>rows in = accepted + rejected</th><th>top reject reasons</th></tr>");
    for (String source : List.of("cld", "apc")) {
      Path reportFile = output.resolve("pseudonymised").resolve(source).resolve("report.json");
      if (!Files.exists(reportFile)) {
        html.append("<tr><td>").append(source).append("</td><td colspan=\"6\" class=\"bad\">no report.json: the")
            .append(" stage did not finish</td></tr>");
        continue;
      }
      JsonNode report = readJson(reportFile);
      for (Iterator<Map.Entry<String, JsonNode>> files = report.path("files").fields(); files.hasNext(); ) {
        Map.Entry<String, JsonNode> file = files.next();
        html.append(inputRow(source, file.getKey(), file.getValue(), "", false));
      }
      html.append(inputRow(source, "all files", report.path("totals"),
          topEntries(report.path("reject_reasons"), TOP_REASONS), true));
    }
    html.append("</table><p class=\"note\">Rejected rows are listed, with file, line, column and reason (never")
        .append(" the value), in pseudonymised/&lt;source&gt;/rejects.csv; counts per council are in report.json.")
        .append("</p>");
    return html.append(submissionSection(output.resolve("pseudonymised").resolve("cld").resolve("report.json")))
        .toString();
  }

  /** Per council: the CLD files it submitted, the first and last received date and the rows they held. */
  private static String submissionSection(Path reportFile) throws IOException {
    if (!Files.exists(reportFile)) {
      return "";
    }
    JsonNode submissions = readJson(reportFile).path("submissions");
    if (submissions.isMissingNode()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>CLD submissions per council</h3><p class=\"note\">")
        .append(submissions.path("received_dates_given").asBoolean()
            ? "Received dates from the submissions file; the statistics take the latest version of each event."
            : "No submissions file was given: received dates are blank.")
        .append("</p><table><tr><th>council</th><th>submissions received</th><th>first received</th>")
        .append("<th>last received</th><th>rows</th></tr>");
    long files = 0;
    long rows = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = submissions.path("councils").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> council = it.next();
      String first = "";
      String last = "";
      long councilRows = 0;
      for (JsonNode file : council.getValue().path("files")) {
        String date = file.path("received_date").asText();
        first = first.isEmpty() || (!date.isEmpty() && date.compareTo(first) < 0) ? date : first;
        last = date.compareTo(last) > 0 ? date : last;
        councilRows += file.path("rows").asLong();
      }
      long received = council.getValue().path("received").asLong();
      files += received;
      rows += councilRows;
      html.append("<tr><td>").append(esc(council.getKey())).append("</td><td class=\"n\">").append(received)
          .append("</td><td>").append(esc(first)).append("</td><td>").append(esc(last)).append("</td><td class=\"n\">")
          .append(councilRows).append("</td></tr>");
    }
    return html.append("<tr class=\"total\"><td>all councils</td><td class=\"n\">").append(files)
        .append("</td><td></td><td></td><td class=\"n\">").append(rows).append("</td></tr></table>").toString();
  }

  private static String inputRow(String source, String file, JsonNode counts, String reasons, boolean total) {
    long in = counts.path("rows_in").asLong();
    long accepted = counts.path("accepted").asLong();
    long rejected = counts.path("rejected").asLong();
    return (total ? "<tr class=\"total\">" : "<tr>") + "<td>" + source + "</td><td>" + esc(file) + "</td><td class=\"n\">" + in + "</td><td class=\"n\">"
        + accepted + "</td><td class=\"n\">" + rejected + "</td><td>"
        + (in == accepted + rejected ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">NO</span>")
        + "</td><td>" + esc(reasons) + "</td></tr>";
  }

  private static String linkSection(Path linkReport) throws IOException {
    if (!Files.exists(linkReport)) {
      return "<p class=\"bad\">No link-report.json: the link stage did not finish.</p>";
    }
    JsonNode link = readJson(linkReport);
    StringBuilder html = new StringBuilder("<h3>Records placed by each cascade step</h3>")
        .append("<p class=\"note\">Share: of the source's records. Steps in the order they are applied: the")
        .append(" council's own person id, NHS number with date of birth, then the Fellegi-Sunter model.</p>")
        .append("<table><tr><th>source</th><th>step</th><th>records</th><th>share</th></tr>");
    Map<String, Map<String, Long>> bySource = new TreeMap<>();
    link.path("records_by_rule").fields().forEachRemaining(e -> {
      String[] parts = e.getKey().split("\\|", 2);
      bySource.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts.length > 1 ? parts[1] : "",
          e.getValue().asLong());
    });
    bySource.forEach((source, rules) -> {
      long all = rules.values().stream().mapToLong(Long::longValue).sum();
      List<String> ordered = new ArrayList<>();
      STEP_ORDER.stream().filter(rules::containsKey).forEach(ordered::add);
      rules.keySet().stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
      for (String rule : ordered) {
        html.append("<tr><td>").append(esc(source)).append("</td><td>").append(esc(rule)).append("</td><td class=\"n\">")
            .append(rules.get(rule)).append("</td><td class=\"n\">").append(percent(rules.get(rule), all))
            .append("</td></tr>");
      }
      html.append("<tr><th>").append(esc(source)).append("</th><th>all records</th><th class=\"n\">").append(all)
          .append("</th><th class=\"n\">100.0%</th></tr>");
    });
    html.append("</table>");

    Map<String, Map<String, Long>> clients = new TreeMap<>();
    link.path("clients_by_council").fields().forEachRemaining(e -> {
      String[] parts = e.getKey().split("\\|", 2);
      clients.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts.length > 1 ? parts[1] : "",
          e.getValue().asLong());
    });
    JsonNode rates = link.path("cld_person_link_rate").path("council");
    List<String> councils = new ArrayList<>(clients.keySet());
    rates.fieldNames().forEachRemaining(c -> {
      if (!councils.contains(c)) {
        councils.add(c);
      }
    });
    councils.sort(null);
    html.append("<h3>Link rate per council</h3><p class=\"note\">Council clients: a council's person ids, linked")
        .append(" when the client's person has hospital records through the deterministic steps. CLD persons: the")
        .append(" council's people after the deterministic steps, linked to hospital records by either phase.</p>")
        .append("<table><tr><th>council</th><th>council clients</th><th>linked (deterministic)</th><th>rate</th>")
        .append("<th>CLD persons</th><th>linked (deterministic)</th><th>linked (probabilistic)</th>")
        .append("<th>link rate</th></tr>");
    long[] sums = new long[5];
    for (String council : councils) {
      Map<String, Long> c = clients.getOrDefault(council, Map.of());
      long all = c.getOrDefault("clients", 0L);
      long linked = c.getOrDefault("clients_linked_deterministically", 0L);
      JsonNode rate = rates.path(council);
      long persons = rate.path("cld_persons").asLong();
      long det = rate.path("linked_deterministic").asLong();
      long prob = rate.path("linked_probabilistic").asLong();
      long[] row = {all, linked, persons, det, prob};
      for (int i = 0; i < row.length; i++) {
        sums[i] += row[i];
      }
      html.append(rateRow("<td>" + esc(council) + "</td>", row, "td"));
    }
    html.append(rateRow("<th>all councils</th>", sums, "th")).append("</table>");
    html.append("<p class=\"note\">The full linkage-quality report, with link rates by sex and birth year, the m/u")
        .append(" table and the match-weight histogram, is <a href=\"linked/linkage-report.html\">")
        .append("linked/linkage-report.html</a>.</p>");
    return html.toString();
  }

  private static String rateRow(String first, long[] v, String cell) {
    String open = "<" + cell + " class=\"n\">";
    String close = "</" + cell + ">";
    return "<tr>" + first + open + v[0] + close + open + v[1] + close + open + percent(v[1], v[0]) + close + open
        + v[2] + close + open + v[3] + close + open + v[4] + close + open + percent(v[3] + v[4], v[2]) + close
        + "</tr>";
  }

  private static String metricSection(Path summary) throws IOException {
    if (!Files.exists(summary)) {
      return "<p class=\"bad\">No metrics/summary.csv: the metrics stage did not finish.</p>";
    }
    StringBuilder html = new StringBuilder("<table><tr><th>metric</th><th>numerator</th><th>denominator</th>")
        .append("<th>value</th></tr>");
    for (Map<String, String> row : readCsv(summary)) {
      if ("all".equals(row.get("breakdown"))) {
        html.append("<tr><td>").append(esc(row.get("metric"))).append("</td><td class=\"n\">")
            .append(esc(row.get("numerator"))).append("</td><td class=\"n\">").append(esc(row.get("denominator")))
            .append("</td><td class=\"n\">").append(esc(row.get("value"))).append("</td></tr>");
      }
    }
    return html.append("</table><p class=\"note\">Definitions: docs/metrics.md. Every breakdown is in")
        .append(" metrics/summary.csv; every figure traces to the flags in metrics/discharges.csv.</p>").toString();
  }

  private static String releaseSection(Path manifestFile) throws IOException {
    if (!Files.exists(manifestFile)) {
      return "<p class=\"bad\">No manifest.json: the publish stage did not finish.</p>";
    }
    JsonNode manifest = readJson(manifestFile);
    StringBuilder html = new StringBuilder("<table>")
        .append(row("project", manifest.path("project_id").asText()))
        .append(row("policy", manifest.path("policy").path("name").asText() + " (sha256 "
            + manifest.path("policy").path("sha256").asText() + ")"))
        .append(row("approved by", manifest.path("policy").path("approval").path("reviewer").asText() + " at "
            + manifest.path("policy").path("approval").path("approved_at").asText()))
        .append(row("key id", manifest.path("keys").path("master_key_id").asText()))
        .append(row("run id", manifest.path("run_id").asText()))
        .append(row("tool version", manifest.path("tool_version").asText()))
        .append("</table><h3>Rows in and out per dataset</h3><table><tr><th>dataset</th><th>rows in</th>")
        .append("<th>rows out</th><th>k-anonymity</th></tr>");
    List<String> datasets = new ArrayList<>();
    manifest.path("output_rows").fieldNames().forEachRemaining(datasets::add);
    manifest.path("input_rows").fieldNames().forEachRemaining(d -> {
      if (!datasets.contains(d)) {
        datasets.add(d);
      }
    });
    for (String dataset : datasets) {
      JsonNode in = manifest.path("input_rows").path(dataset);
      JsonNode out = manifest.path("output_rows").path(dataset);
      html.append("<tr><td>").append(esc(dataset)).append("</td><td class=\"n\">")
          .append(in.isMissingNode() ? "" : in.asText()).append("</td><td class=\"n\">")
          .append(out.isMissingNode() ? "" : out.asText()).append("</td><td>")
          .append(esc(manifest.path("k_anonymity").path(dataset).path("summary").asText(""))).append("</td></tr>");
    }
    html.append("</table><h3>Files and their SHA-256</h3>")
        .append(table(manifest.path("files_sha256"), "file", "sha256"));
    return html.toString();
  }

  private static String row(String label, String value) {
    return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
  }

  private static String table(JsonNode object, String keyHeading, String valueHeading) {
    StringBuilder out = new StringBuilder("<table><tr><th>" + esc(keyHeading) + "</th><th>" + esc(valueHeading)
        + "</th></tr>");
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
          .append(esc(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()))
          .append("</td></tr>");
    }
    return out.append("</table>").toString();
  }

  /** The {@code n} largest counts, largest first (ties by name), as "REASON count, ...", or "none". */
  static String topEntries(JsonNode counts, int n) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    counts.fields().forEachRemaining(entries::add);
    entries.sort((a, b) -> a.getValue().asLong() != b.getValue().asLong()
        ? Long.compare(b.getValue().asLong(), a.getValue().asLong()) : a.getKey().compareTo(b.getKey()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(n, entries.size()); i++) {
      out.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(' ').append(entries.get(i).getValue());
    }
    if (entries.size() > n) {
      out.append(" and ").append(entries.size() - n).append(" more");
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  private static String percent(long part, long all) {
    return all == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / all);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  private static JsonNode readJson(Path file) throws IOException {
    return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
  }

  private static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }

  private static String esc(String text) {
    return HtmlEscapers.htmlEscaper().escape(text == null ? "" : text);
  }
}
