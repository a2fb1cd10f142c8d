package org.sdelink.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @TempDir Path out;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private FullRun.Outcome outcome() {
    Map<String, Duration> times = new LinkedHashMap<>();
    times.put("pseudonymise cld", Duration.ofMillis(1500));
    times.put("link", Duration.ofMillis(2250));
    return new FullRun.Outcome(null, null, out.resolve("linked/spine.csv"), out.resolve("metrics"),
        out.resolve("release/P1"), times);
  }

  private void writeStageOutputs() throws IOException {
    write(out.resolve("pseudonymised/cld/report.json"), "{\"totals\":{\"rows_in\":110,\"accepted\":105,"
        + "\"rejected\":5},\"reject_reasons\":{\"COLUMN_COUNT\":1,\"INVALID_DATE\":3,\"MISSING_REQUIRED\":1},"
        + "\"files\":{\"q1.csv\":{\"rows_in\":60,\"accepted\":58,\"rejected\":2},"
        + "\"q2.csv\":{\"rows_in\":50,\"accepted\":47,\"rejected\":3}}}");
    write(out.resolve("pseudonymised/apc/report.json"), "{\"totals\":{\"rows_in\":90,\"accepted\":90,"
        + "\"rejected\":1},\"reject_reasons\":{},\"files\":{\"apc.csv\":{\"rows_in\":90,\"accepted\":90,"
        + "\"rejected\":1}}}");
    write(out.resolve("linked/link-report.json"), "{\"records_by_rule\":{\"apc|nhs_number+dob\":60,"
        + "\"apc|unlinked\":30,\"cld|la_person_id\":10,\"cld|nhs_number+dob\":75,\"cld|probabilistic\":5,"
        + "\"cld|unlinked\":10},"
        + "\"clients_by_council\":{\"E08000025|clients\":40,\"E08000025|clients_linked_deterministically\":30,"
        + "\"E09000033|clients\":10,\"E09000033|clients_linked_deterministically\":5},"
        + "\"cld_person_link_rate\":{\"council\":{\"E08000025\":{\"cld_persons\":50,\"linked_deterministic\":35,"
        + "\"linked_probabilistic\":5,\"link_rate\":0.8},\"E09000033\":{\"cld_persons\":10,"
        + "\"linked_deterministic\":4,\"linked_probabilistic\":0,\"link_rate\":0.4}}}}");
    write(out.resolve("metrics/summary.csv"), "metric,breakdown,group,numerator,denominator,value\n"
        + "request_after_discharge,all,all,117,452,0.258850\nrequest_after_discharge,sex,1,50,200,0.25\n");
    write(out.resolve("metrics/metrics-report.json"), "{\"period_start\":\"2024-04-01\","
        + "\"period_end\":\"2025-03-31\"}");
    write(out.resolve("release/P1/manifest.json"), "{\"run_id\":\"abc\",\"tool_version\":\"0.1\","
        + "\"project_id\":\"P1\",\"policy\":{\"name\":\"researcher-linked-journeys\",\"sha256\":\"ff\","
        + "\"approval\":{\"reviewer\":\"A Reviewer\",\"approved_at\":\"2026-01-01T00:00:00Z\"}},"
        + "\"keys\":{\"master_key_id\":\"k1\"},\"input_rows\":{\"persons\":953},\"output_rows\":{\"persons\":944,"
        + "\"summary\":110},\"k_anonymity\":{\"persons\":{\"summary\":\"persons k=10: 9 of 953 records"
        + " suppressed\"}},\"files_sha256\":{\"persons.csv\":\"0a1b\"}}");
  }

  @Test
  void showsEveryStagesFiguresWithRatesAndTimes() throws IOException {
    writeStageOutputs();
    String html = Files.readString(RunReport.write(outcome(), out));
    assertTrue(html.contains("Reporting period: 2024-04-01 to 2025-03-31"), html);
    // What came in: per file and in total, reconciliation, top reasons largest first.
    assertTrue(html.contains("<td>q1.csv</td><td class=\"n\">60</td><td class=\"n\">58</td><td class=\"n\">2</td>"),
        html);
    assertTrue(html.contains("<td class=\"n\">110</td><td class=\"n\">105</td><td class=\"n\">5</td><td><span"
        + " class=\"ok\">yes</span></td><td>INVALID_DATE 3, COLUMN_COUNT 1, MISSING_REQUIRED 1</td>"), html);
    assertTrue(html.contains("<span class=\"bad\">NO</span>"), "90 in, 90 accepted, 1 rejected must not reconcile");
    // Cascade steps in order with their share of the source's records.
    int client = html.indexOf("<td>la_person_id</td>");
    int nhs = html.indexOf("<td>cld</td><td>nhs_number+dob</td>");
    assertTrue(client > 0 && nhs > client, "steps in cascade order");
    assertTrue(html.contains("<td>cld</td><td>nhs_number+dob</td><td class=\"n\">75</td><td class=\"n\">75.0%</td>"),
        html);
    assertTrue(html.contains("<td>apc</td><td>unlinked</td><td class=\"n\">30</td><td class=\"n\">33.3%</td>"), html);
    // Link rates per council, and for all councils.
    assertTrue(html.contains("<tr><td>E08000025</td><td class=\"n\">40</td><td class=\"n\">30</td><td class=\"n\">"
        + "75.0%</td><td class=\"n\">50</td><td class=\"n\">35</td><td class=\"n\">5</td><td class=\"n\">80.0%</td>"),
        html);
    assertTrue(html.contains("<tr><th>all councils</th><th class=\"n\">50</th><th class=\"n\">35</th><th class=\"n\">"
        + "70.0%</th><th class=\"n\">60</th><th class=\"n\">39</th><th class=\"n\">5</th><th class=\"n\">73.3%</th>"),
        html);
    // Metric summary (overall rows only), release manifest, times.
    assertTrue(html.contains("<td>request_after_discharge</td><td class=\"n\">117</td>"));
    assertFalse(html.contains("<td class=\"n\">200</td>"), "breakdowns stay in summary.csv");
    assertTrue(html.contains("researcher-linked-journeys (sha256 ff)") && html.contains("A Reviewer"));
    assertTrue(html.contains("<td>persons</td><td class=\"n\">953</td><td class=\"n\">944</td><td>persons k=10: 9 of"
        + " 953 records suppressed</td>"), html);
    assertTrue(html.contains("<td>summary</td><td class=\"n\"></td><td class=\"n\">110</td>"), html);
    assertTrue(html.contains("<td>persons.csv</td><td>0a1b</td>"));
    assertTrue(html.contains("<td>link</td><td class=\"n\">2.3</td>") || html.contains("<td>link</td><td class=\"n\">"
        + "2.2</td>"), html);
    assertTrue(html.contains("<th>all stages</th><th class=\"n\">3.8</th>") || html.contains("<th>all stages</th>"
        + "<th class=\"n\">3.7</th>"), html);
    assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://")
        || html.contains("<img"), "self-contained and without remote resources");
  }

  @Test
  void aMissingStageOutputIsSaidToBeMissing() throws IOException {
    Files.createDirectories(out.resolve("metrics"));
    String html = Files.readString(RunReport.write(outcome(), out));
    assertTrue(html.contains("no report.json: the stage did not finish"), html);
    assertTrue(html.contains("No link-report.json"), html);
    assertTrue(html.contains("No metrics/summary.csv"), html);
    assertTrue(html.contains("No manifest.json"), html);
  }

  @Test
  void topReasonsAreCappedAndTiesGoByName() throws IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"B\":2,\"A\":2,\"C\":9,\"D\":1,\"E\":1,\"F\":1,\"G\":1}");
    assertEquals("C 9, A 2, B 2, D 1, E 1 and 2 more", RunReport.topEntries(json, 5));
    assertEquals("none", RunReport.topEntries(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), 5));
  }

  @Test
  void theStatisticsSectionShowsEnglandPerTableAndTheSubmissionsPerCouncil() throws IOException {
    writeStageOutputs();
    Path statistics = out.resolve("statistics");
    write(statistics.resolve("salt/STS001.csv"), "la_code,age_band,route_of_access,sequel,count\n"
        + "E06000001,65+,Self-Funder,No Service Found,3\nENGLAND,65+,Self-Funder,No Service Found,3\n"
        + "ENGLAND,18-64,Self-Funder,No Service Found,4\n");
    write(statistics.resolve("report.json"), "{\"year\":\"2024-25\",\"councils\":{\"E06000001\":"
        + "{\"submissions_received\":4,\"submission_chosen\":\"q4.csv\",\"events_deduplicated\":17},"
        + "\"E06000002\":{\"submissions_received\":1,\"submission_chosen\":null,\"events_deduplicated\":0}}}");
    FullRun.Outcome base = outcome();
    FullRun.Outcome withStatistics = new FullRun.Outcome(base.cld(), base.apc(), base.spine(), base.metrics(),
        base.release(), base.stageTimes(), statistics);
    String html = Files.readString(RunReport.write(withStatistics, out));
    assertTrue(html.contains("<td>STS001</td><td class=\"n\">7</td>"), html);
    assertTrue(html.contains("<td>LTS003</td><td class=\"n\">0</td>"), html);
    assertTrue(html.contains("<td>E06000001</td><td class=\"n\">4</td><td>q4.csv</td><td class=\"n\">17</td>"),
        html);
    assertTrue(html.contains("<td>E06000002</td><td class=\"n\">1</td><td>none</td>"), html);
  }
}
