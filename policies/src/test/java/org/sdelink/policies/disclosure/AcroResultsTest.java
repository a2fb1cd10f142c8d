package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcroResultsTest {
  private static final String TIMESTAMP = "2025-04-01T09:30:00Z";

  private static ProtectedSummaryTable summaryTable() {
    return SummaryTableProtection.protect(List.of(
        SummaryRow.proportion("reablement_after_discharge", "all", "all", 61, 203),
        SummaryRow.proportion("reablement_after_discharge", "sex", "1", 3, 20),
        SummaryRow.proportion("reablement_after_discharge", "sex", "2", 58, 183)), SmallNumberRule.hes());
  }

  /** A magnitude table written long, one CSV row per cell: label, group, total; the second cell fails. */
  private static AcroOutput costOutput() {
    AcroCellFlags.Builder flags = AcroCellFlags.forCsv(2, List.of("la_code", "age_band", "weekly_cost"));
    for (AcroCheck check : MagnitudeTableCheck.check(MagnitudeCell.of("E09000001", "65-74", 50, 45),
        MagnitudeRules.acroDefaults())) {
      flags.flag(1, "weekly_cost", check);
    }
    return AcroOutput.table("care_costs", "pivot_table", "care_costs.csv", "sdelink publish: care costs",
        flags.build(), false).withComment("costs per person and year");
  }

  private static AcroResults sample() {
    return AcroResults.of(List.of(
        summaryTable().toAcroOutput("summary", "summary.csv", "sdelink publish: summary table"), costOutput()),
        TIMESTAMP).withRiskProfile(SmallNumberRule.hes(), MagnitudeRules.acroDefaults());
  }

  /** The sample's files, as the publish stage writes them, and then the ACRO files. */
  private static Path writeSample(Path dir) throws Exception {
    Files.createDirectories(dir);
    StringWriter summary = new StringWriter();
    summaryTable().writeCsv(summary);
    Files.writeString(dir.resolve("summary.csv"), summary.toString());
    Files.writeString(dir.resolve("care_costs.csv"),
        "la_code,age_band,weekly_cost\nE08000035,65-74,850\nE09000001,65-74,\n");
    sample().writeTo(dir);
    return dir;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  @Test
  void jsonHasTheAcroResultsLayoutWithEveryFieldAcroLoadsAndTheViewerReads() throws Exception {
    JsonNode root = new ObjectMapper().readTree(sample().toJson());
    assertEquals(List.of("version", "results"), keys(root));
    assertEquals(AcroResults.ACRO_LAYOUT_VERSION, root.path("version").asText());
    assertEquals(List.of("summary", "care_costs"), keys(root.path("results")));

    JsonNode summary = root.path("results").path("summary");
    // ACRO 0.4.12 finalise_json writes exactly these keys in this order; load_records reads each of them.
    assertEquals(List.of("uid", "status", "type", "properties", "files", "outcome", "command", "summary",
        "timestamp", "comments", "exception"), keys(summary));
    assertEquals("review", summary.path("status").asText());
    assertEquals("table", summary.path("type").asText());
    assertEquals("crosstab", summary.path("properties").path("method").asText());
    assertEquals(TIMESTAMP, summary.path("timestamp").asText());
    JsonNode file = summary.path("files").get(0);
    assertEquals(List.of("name", "sdc"), keys(file));
    assertEquals("summary.csv", file.path("name").asText());
    JsonNode sdcSummary = file.path("sdc").path("summary");
    assertEquals(List.of("suppressed", "negative", "missing", "threshold", "p-ratio", "nk-rule",
        "all-values-are-same", "secondary"), keys(sdcSummary));
    assertTrue(sdcSummary.path("suppressed").asBoolean());
    assertEquals(1, sdcSummary.path("threshold").asInt());
    assertEquals(1, sdcSummary.path("secondary").asInt());
    // The suppressed numerator 3 is in body row 1 of summary.csv, CSV column 3 (numerator): ACRO column 2, because
    // ACRO columns start after the first (label) column, which is how the viewer highlights td:nth-child(c + 2).
    JsonNode threshold = file.path("sdc").path("cells").path("threshold");
    assertEquals(1, threshold.size());
    assertEquals(List.of(1, 2), List.of(threshold.get(0).get(0).asInt(), threshold.get(0).get(1).asInt()));
    assertEquals(List.of("breakdown", "group", "numerator", "denominator", "value"), keys(summary.path("outcome")));
    assertEquals("threshold; ", summary.path("outcome").path("numerator").path("1").asText());
    assertEquals("ok", summary.path("outcome").path("denominator").path("1").asText());
    assertEquals("review; threshold: 1 cells suppressed; secondary: 1 cells suppressed; ",
        summary.path("summary").asText());
    assertTrue(summary.path("comments").isArray());
    assertEquals("", summary.path("exception").asText());

    JsonNode costs = root.path("results").path("care_costs");
    assertEquals("fail", costs.path("status").asText());
    assertEquals("pivot_table", costs.path("properties").path("method").asText());
    assertEquals("threshold; p-ratio; nk-rule; ", costs.path("outcome").path("weekly_cost").path("1").asText());
    assertEquals("ok", costs.path("outcome").path("weekly_cost").path("0").asText());
    assertFalse(costs.path("files").get(0).path("sdc").path("summary").path("suppressed").asBoolean());
    assertEquals(List.of("suppressed", "negative", "missing", "threshold", "p-ratio", "nk-rule",
        "all-values-are-same"), keys(costs.path("files").get(0).path("sdc").path("summary")));
    assertEquals("costs per person and year", costs.path("comments").get(0).asText());
    assertEquals("fail; threshold: 1 cells may need suppressing; p-ratio: 1 cells may need suppressing; "
        + "nk-rule: 1 cells may need suppressing; ", costs.path("summary").asText());
  }

  @Test
  void aTableWithANegativeValueIsSummarisedAndMarkedAsAcroDoes() throws Exception {
    AcroCellFlags.Builder flags = AcroCellFlags.forCsv(2, List.of("la_code", "weekly_cost"));
    flags.flag(0, "weekly_cost", AcroCheck.NEGATIVE);
    AcroOutput output = AcroOutput.table("t", "pivot_table", "t.csv", "c", flags.build(), true);
    assertEquals("review", output.status());
    assertEquals("review; negative values found", output.summary());
    JsonNode outcome = new ObjectMapper().readTree(AcroResults.of(List.of(output), TIMESTAMP).toJson())
        .path("results").path("t").path("outcome").path("weekly_cost");
    assertEquals("negative", outcome.path("0").asText());
    assertEquals("", outcome.path("1").asText());
  }

  @Test
  void writtenFolderPassesTheStructureCheckWithRiskProfileAndChecksums(@TempDir Path dir) throws Exception {
    Path folder = writeSample(dir.resolve("acro"));
    assertEquals(List.of(), AcroResultsCheck.problems(folder));
    JsonNode config = new ObjectMapper().readTree(folder.resolve(AcroResults.CONFIG_FILE_NAME).toFile());
    assertEquals(10, config.path("safe_threshold").asInt());
    assertEquals(0.1, config.path("safe_pratio_p").asDouble());
    assertEquals(7, config.path("hes_suppress_counts_up_to").asInt());
    assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(Files.readAllBytes(folder.resolve("summary.csv")))
        .toString(), Files.readString(folder.resolve("checksums/summary.csv.txt")));
  }

  @Test
  void theStructureCheckFindsWhatAcroOrTheViewerWouldFailOn(@TempDir Path dir) throws Exception {
    Path folder = writeSample(dir.resolve("acro"));
    Path results = folder.resolve(AcroResults.FILE_NAME);
    ObjectMapper json = new ObjectMapper();
    String original = Files.readString(results);

    ObjectNode root = (ObjectNode) json.readTree(original);
    ((ObjectNode) root.path("results").path("summary")).remove("timestamp");
    Files.writeString(results, json.writeValueAsString(root));
    assertTrue(AcroResultsCheck.problems(folder).contains("results.summary.timestamp must be text"),
        AcroResultsCheck.problems(folder).toString());

    root = (ObjectNode) json.readTree(original);
    ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("results").path("summary").path("files").get(0)
        .path("sdc").path("cells").path("threshold").get(0)).set(1, json.getNodeFactory().numberNode(5));
    Files.writeString(results, json.writeValueAsString(root));
    assertTrue(AcroResultsCheck.problems(folder).stream().anyMatch(p -> p.contains("is not a cell of summary.csv")),
        AcroResultsCheck.problems(folder).toString());

    Files.writeString(results, original);
    Files.writeString(folder.resolve("summary.csv"), "changed\n", StandardCharsets.UTF_8);
    assertTrue(AcroResultsCheck.problems(folder).stream().anyMatch(p -> p.contains("does not match")),
        AcroResultsCheck.problems(folder).toString());
  }

  @Test
  void sameOutputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
    Path folder = writeSample(dir.resolve("acro"));
    assertEquals(sample().toJson(), Files.readString(folder.resolve(AcroResults.FILE_NAME)));
    assertTrue(sample().toJson().endsWith("}\n"));
    assertEquals(ImmutableList.of("summary", "care_costs"),
        sample().outputs().stream().map(AcroOutput::uid).collect(ImmutableList.toImmutableList()));
  }
}
