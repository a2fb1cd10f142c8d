package org.sdelink.pipelines.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.metrics.salt.SaltTable;
import org.sdelink.metrics.salt.SaltTables;

/**
 * The statistics stage's headline figures for the run report: England's total per SALT table, England's ASCOF
 * measures (numerator, denominator, value or why it is blank), and per council the submissions received and chosen
 * and the events de-duplicated.
 */
public final class StatisticsHeadlines {
  private StatisticsHeadlines() {}

  /** An HTML fragment for the statistics folder {@code dir}. */
  public static String html(Path dir) throws IOException {
    Path report = dir.resolve(StatisticsStage.REPORT);
    if (!Files.exists(report)) {
      return "<p class=\"bad\">No statistics/report.json: the statistics stage did not finish.</p>";
    }
    StringBuilder html = new StringBuilder("<table><tr><th>table</th><th>England</th></tr>");
    for (SaltTable table : SaltTables.ALL) {
      html.append("<tr><td>").append(table.name()).append("</td><td class=\"n\">")
          .append(String.format("%,d", englandTotal(dir.resolve(StatisticsStage.SALT).resolve(table.name() + ".csv"))))
          .append("</td></tr>");
    }
    html.append("</table>");
    html.append(ascof(dir.resolve(StatisticsStage.ASCOF), new ObjectMapper().readTree(report.toFile())));
    html.append("<table><tr><th>council</th><th>submissions received</th><th>chosen for the year</th>")
        .append("<th>events de-duplicated</th></tr>");
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("councils").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> council = it.next();
      JsonNode c = council.getValue();
      html.append("<tr><td>").append(esc(council.getKey())).append("</td><td class=\"n\">")
          .append(c.path("submissions_received").asLong()).append("</td><td>")
          .append(c.path("submission_chosen").isNull() ? "none" + (c.path("reason").isMissingNode() ? ""
              : ": " + esc(c.path("reason").asText())) : esc(c.path("submission_chosen").asText()))
          .append("</td><td class=\"n\">").append(c.path("events_deduplicated").asLong()).append("</td></tr>");
    }
    return html.append("</table><p class=\"note\">Year ").append(esc(root.path("year").asText()))
        .append("; every cell per council is in statistics/salt/*.csv and statistics/ascof.csv; methods and")
        .append(" deviations: docs/statistics.md.")
        .append("</p>").toString();
  }

  /** England's row of every ASCOF measure and group; a blank value says why (report.json's reasons). */
  static String ascof(Path csv, JsonNode report) throws IOException {
    if (!Files.exists(csv)) {
      return "";
    }
    StringBuilder html = new StringBuilder("<table><tr><th>ASCOF measure</th><th>group</th><th>numerator</th>")
        .append("<th>denominator</th><th>England</th></tr>");
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord record : parser) {
        if (!SaltStatistics.ENGLAND.equals(record.get("la_code"))) {
          continue;
        }
        String value = record.get("value");
        String denominator = record.get("denominator");
        if (value.isEmpty()) {
          value = denominator.isEmpty() ? "blank: no population estimates given (--population)"
              : "blank: denominator is zero";
        } else if (record.get("measure").startsWith("2B") || record.get("measure").startsWith("2C")) {
          value = value + " per 100,000";
        } else {
          value = value + " %";
        }
        html.append("<tr><td>").append(esc(record.get("measure"))).append("</td><td>")
            .append(esc(record.get("group"))).append("</td><td class=\"n\">").append(esc(record.get("numerator")))
            .append("</td><td class=\"n\">").append(esc(denominator)).append("</td><td>").append(esc(value))
            .append("</td></tr>");
      }
    }
    return html.append("</table><p class=\"note\">ASCOF population: ")
        .append(esc(report.path("ascof").path("population").asText("not recorded"))).append(".</p>").toString();
  }

  static long englandTotal(Path csv) throws IOException {
    if (!Files.exists(csv)) {
      return 0;
    }
    long total = 0;
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord record : parser) {
        if (SaltStatistics.ENGLAND.equals(record.get("la_code"))) {
          total += Long.parseLong(record.get("count"));
        }
      }
    }
    return total;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
