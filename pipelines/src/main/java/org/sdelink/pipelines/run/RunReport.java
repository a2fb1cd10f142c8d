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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code run-report.html}: one self-contained page (inline CSS, no scripts, fonts or remote resources: an SDE is
 * offline) that links every stage's figures of a run: rows in, accepted and rejected with the top reasons, link
 * rates per council and per cascade step, the metric summary, the release manifest and the time per stage. It holds
 * counts and codes only, never an identifier.
 */
public final class RunReport {
  public static final String FILE = "run-report.html";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReport() {}

  public static Path write(FullRun.Outcome outcome, Path output) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sdelink run report</title>")
        .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
        .append("h1{border-bottom:3px solid #005eb8}h2{margin-top:2em;border-bottom:1px solid #ccc}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:4px 8px;")
        .append("text-align:left}th{background:#e8edee}td.n{text-align:right}.ok{color:#007f3b}")
        .append(".bad{color:#d5281b}.note{color:#555}</style></head><body>");
    html.append("<h1>sdelink run report</h1><p class=\"note\">Output folder: ").append(esc(output.toString()))
        .append("</p>");

    html.append("<h2>1. What came in</h2><table><tr><th>source</th><th>rows in</th><th>accepted</th>")
        .append("<th>rejected</th><th>reconciled</th><th>top reject reasons</th></tr>");
    for (String source : List.of("cld", "apc")) {
      JsonNode report = readJson(output.resolve("pseudonymised").resolve(source).resolve("report.json"));
      JsonNode totals = report.path("totals");
      long in = totals.path("rows_in").asLong();
      long accepted = totals.path("accepted").asLong();
      long rejected = totals.path("rejected").asLong();
      html.append("<tr><td>").append(source).append("</td><td class=\"n\">").append(in).append("</td><td class=\"n\">")
          .append(accepted).append("</td><td class=\"n\">").append(rejected).append("</td><td>")
          .append(in == accepted + rejected ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">NO</span>")
          .append("</td><td>").append(esc(topEntries(report.path("reject_reasons"), 5))).append("</td></tr>");
    }
    html.append("</table><p class=\"note\">Rejected rows are listed, with file, line, column and reason, in ")
        .append("pseudonymised/&lt;source&gt;/rejects.csv; counts per council are in report.json.</p>");

    JsonNode link = readJson(output.resolve("linked").resolve("link-report.json"));
    html.append("<h2>2. How well it linked</h2><h3>Records by the rule that placed them</h3>");
    html.append(table(link.path("records_by_rule"), "source | rule", "records"));
    html.append("<h3>Clients per council</h3>").append(table(link.path("clients_by_council"), "council | measure",
        "clients"));
    html.append("<p class=\"note\">The full linkage-quality report, with the m/u table and match-weight histogram, ")
        .append("is <a href=\"linked/linkage-report.html\">linked/linkage-report.html</a>.</p>");

    html.append("<h2>3. Metric summary (operator side, unsuppressed)</h2><table><tr><th>metric</th>")
        .append("<th>numerator</th><th>denominator</th><th>value</th></tr>");
    for (Map<String, String> row : readCsv(outcome.metrics().resolve("summary.csv"))) {
      if ("all".equals(row.get("breakdown"))) {
        html.append("<tr><td>").append(esc(row.get("metric"))).append("</td><td class=\"n\">")
            .append(esc(row.get("numerator"))).append("</td><td class=\"n\">").append(esc(row.get("denominator")))
            .append("</td><td class=\"n\">").append(esc(row.get("value"))).append("</td></tr>");
      }
    }
    html.append("</table><p class=\"note\">Definitions: docs/metrics.md. Every breakdown is in ")
        .append("metrics/summary.csv; every figure traces to the flags in metrics/discharges.csv.</p>");

    JsonNode manifest = readJson(outcome.release().resolve("manifest.json"));
    html.append("<h2>4. What was released</h2><table>")
        .append(row("project", manifest.path("project_id").asText()))
        .append(row("policy", manifest.path("policy").path("name").asText() + " (sha256 "
            + manifest.path("policy").path("sha256").asText() + ")"))
        .append(row("approved by", manifest.path("policy").path("approval").path("reviewer").asText() + " at "
            + manifest.path("policy").path("approval").path("approved_at").asText()))
        .append(row("key id", manifest.path("keys").path("master_key_id").asText()))
        .append(row("run id", manifest.path("run_id").asText()))
        .append("</table><h3>Rows out per dataset</h3>").append(table(manifest.path("output_rows"), "dataset", "rows"))
        .append("<h3>Files and their SHA-256</h3>").append(table(manifest.path("files_sha256"), "file", "sha256"));

    html.append("<h2>5. Time per stage</h2><table><tr><th>stage</th><th>seconds</th></tr>");
    for (Map.Entry<String, Duration> stage : outcome.stageTimes().entrySet()) {
      html.append("<tr><td>").append(esc(stage.getKey())).append("</td><td class=\"n\">")
          .append(String.format(java.util.Locale.ROOT, "%.1f", stage.getValue().toMillis() / 1000.0))
          .append("</td></tr>");
    }
    html.append("</table></body></html>\n");
    Path file = output.resolve(FILE);
    Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String row(String label, String value) {
    return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
  }

  private static String table(JsonNode object, String keyHeading, String valueHeading) {
    StringBuilder out = new StringBuilder("<table><tr><th>" + esc(keyHeading) + "</th><th>" + esc(valueHeading)
        + "</th></tr>");
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.append("<tr><td>").append(esc(e.getKey().replace("|", " | "))).append("</td><td class=\"n\">")
          .append(esc(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()))
          .append("</td></tr>");
    }
    return out.append("</table>").toString();
  }

  private static String topEntries(JsonNode counts, int n) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    counts.fields().forEachRemaining(entries::add);
    entries.sort((a, b) -> Long.compare(b.getValue().asLong(), a.getValue().asLong()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(n, entries.size()); i++) {
      out.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(' ').append(entries.get(i).getValue());
    }
    return out.length() == 0 ? "none" : out.toString();
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
