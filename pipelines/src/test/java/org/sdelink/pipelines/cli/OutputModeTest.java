package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --quiet and --json, as scripts use them, and the bench command's figures. */
class OutputModeTest {
  @TempDir Path root;

  @Test
  void jsonPrintsOneDocumentWithTheCountsAndEachStagesCostAndQuietPrintsNothing() throws Exception {
    CommandLineTest.Result json = CommandLineTest.run("demo", "--people", "120", "--seed", "4242", "--output",
        root.resolve("json").toString(), "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertTrue(doc.path("cld").path("rows_in").asLong() > 0, json.out());
    assertEquals(doc.path("cld").path("rows_in").asLong(),
        doc.path("cld").path("accepted").asLong() + doc.path("cld").path("rejected").asLong());
    List<String> stages = List.of("pseudonymise cld", "pseudonymise apc", "link", "metrics", "statistics",
        "report", "publish");
    assertEquals(stages.size(), doc.path("stages").size(), json.out());
    for (int i = 0; i < stages.size(); i++) {
      assertEquals(stages.get(i), doc.path("stages").get(i).path("stage").asText());
    }
    assertTrue(doc.path("stages").get(0).path("rows_read").asLong() >= doc.path("cld").path("rows_in").asLong());

    CommandLineTest.Result quiet = CommandLineTest.run("demo", "--people", "120", "--seed", "4242", "--output",
        root.resolve("quiet").toString(), "--quiet");
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.out());
    assertTrue(Files.isRegularFile(root.resolve("quiet/run-report.html")));

    CommandLineTest.Result both = CommandLineTest.run("demo", "--quiet", "--json");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("--quiet and --json cannot be used together"), both.err());
  }

  @Test
  void benchPrintsATableWithTheRatioAndAppendsItsFiguresToACsv() throws Exception {
    Path csv = root.resolve("figures.csv");
    CommandLineTest.Result bench = CommandLineTest.run("bench", "--people", "120", "--seed", "99", "--output",
        root.resolve("bench").toString(), "--csv", csv.toString());
    assertEquals(0, bench.code(), bench.err());
    assertTrue(bench.out().contains("x the plain loop (target >= 0.50)"), bench.out());
    assertTrue(bench.out().contains("peak heap MB"), bench.out());
    List<String> lines = Files.readAllLines(csv);
    // header, generate, six stages, the plain loop
    assertEquals(9, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(8).contains("plain-java-loop"), lines.get(8));
  }
}
