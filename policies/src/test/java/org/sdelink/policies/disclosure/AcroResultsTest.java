package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcroResultsTest {

  private static AcroResults sample() {
    ProtectedSummaryTable summary = SummaryTableProtection.protect(List.of(
        SummaryRow.proportion("reablement_after_discharge", "all", "all", 61, 203),
        SummaryRow.proportion("reablement_after_discharge", "sex", "1", 3, 20),
        SummaryRow.proportion("reablement_after_discharge", "sex", "2", 58, 183)), SmallNumberRule.hes());
    AcroCellFlags costs = MagnitudeTableCheck.checkTable(List.of(
        MagnitudeCell.of("65-74", "E08000035", 120, 95, 90, 80, 75, 60, 55, 50, 40, 35, 30, 20),
        MagnitudeCell.of("65-74", "E09000001", 50, 45)), MagnitudeRules.acroDefaults());
    return AcroResults.of(List.of(
        summary.toAcroOutput("summary", "summary.csv", "sdelink publish: summary table"),
        AcroOutput.table("care_costs", "pivot_table", "care_costs.csv", "sdelink publish: care costs", costs, false)
            .withComment("costs per person and year")));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  @Test
  void jsonHasAcroResultsLayout() throws Exception {
    JsonNode root = new ObjectMapper().readTree(sample().toJson());
    assertEquals(List.of("version", "results"), keys(root));
    assertEquals(AcroResults.ACRO_LAYOUT_VERSION, root.path("version").asText());
    assertEquals(List.of("summary", "care_costs"), keys(root.path("results")));

    JsonNode summary = root.path("results").path("summary");
    assertEquals(List.of("uid", "status", "type", "properties", "files", "outcome", "command", "summary",
        "comments", "exception"), keys(summary));
    assertEquals("review", summary.path("status").asText());
    assertEquals("table", summary.path("type").asText());
    assertEquals("crosstab", summary.path("properties").path("method").asText());
    JsonNode file = summary.path("files").get(0);
    assertEquals("summary.csv", file.path("name").asText());
    JsonNode sdcSummary = file.path("sdc").path("summary");
    assertEquals(List.of("suppressed", "negative", "missing", "threshold", "p-ratio", "nk-rule",
        "all-values-are-same", "secondary"), keys(sdcSummary));
    assertTrue(sdcSummary.path("suppressed").asBoolean());
    assertEquals(1, sdcSummary.path("threshold").asInt());
    assertEquals(1, sdcSummary.path("secondary").asInt());
    JsonNode threshold = file.path("sdc").path("cells").path("threshold");
    assertEquals(1, threshold.size());
    assertEquals(List.of(1, 0), List.of(threshold.get(0).get(0).asInt(), threshold.get(0).get(1).asInt()));
    assertEquals("threshold; ", summary.path("outcome").path("numerator")
        .path("reablement_after_discharge / sex / 1").asText());
    assertEquals("ok", summary.path("outcome").path("denominator")
        .path("reablement_after_discharge / sex / 1").asText());
    assertEquals("review; threshold: 1 cells suppressed; secondary: 1 cells suppressed; ",
        summary.path("summary").asText());
    assertTrue(summary.path("comments").isArray());
    assertEquals("", summary.path("exception").asText());

    JsonNode costs = root.path("results").path("care_costs");
    assertEquals("fail", costs.path("status").asText());
    assertEquals("pivot_table", costs.path("properties").path("method").asText());
    assertEquals("threshold; p-ratio; nk-rule; ", costs.path("outcome").path("E09000001").path("65-74").asText());
    assertEquals("ok", costs.path("outcome").path("E08000035").path("65-74").asText());
    assertEquals(List.of("suppressed", "negative", "missing", "threshold", "p-ratio", "nk-rule",
        "all-values-are-same"), keys(costs.path("files").get(0).path("sdc").path("summary")));
    assertEquals("costs per person and year", costs.path("comments").get(0).asText());
    assertEquals("fail; threshold: 1 cells may need suppressing; p-ratio: 1 cells may need suppressing; "
        + "nk-rule: 1 cells may need suppressing; ", costs.path("summary").asText());
  }

  @Test
  void sameOutputsGiveTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = sample().writeTo(dir.resolve("acro"));
    assertEquals(AcroResults.FILE_NAME, file.getFileName().toString());
    assertEquals(sample().toJson(), Files.readString(file));
    assertTrue(Files.readString(file).endsWith("}\n"));
    assertEquals(ImmutableList.of("summary", "care_costs"),
        sample().outputs().stream().map(AcroOutput::uid).collect(ImmutableList.toImmutableList()));
  }
}
