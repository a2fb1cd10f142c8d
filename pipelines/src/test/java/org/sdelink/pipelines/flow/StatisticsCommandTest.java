package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.metrics.salt.SaltTable;
import org.sdelink.metrics.salt.SaltTables;
import org.sdelink.pipelines.cli.SdelinkCommand;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;

/** {@code sdelink statistics} on generated data, through the command line: structural facts of its outputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsCommandTest {
  private Path out;
  private int exitCode;
  private String err;

  @BeforeAll
  void generatePseudonymiseAndRun(@TempDir Path root) throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 400, 7);
    Stages.pseudonymise(InputSource.CLD, List.of(fixture.input("cld_events.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(StageOptions.fromArgs(List.of()), root.resolve("cld"));
    out = root.resolve("statistics");
    StringWriter errors = new StringWriter();
    exitCode = SdelinkCommand.execute(new String[] {"statistics", "--cld", root.resolve("cld").toString(),
        "--year", "2024-25", "--output", out.toString(), "--quiet"}, new PrintWriter(new StringWriter()),
        new PrintWriter(errors));
    err = errors.toString();
  }

  @Test
  void everyTableIsWrittenWithItsHeader() throws Exception {
    assertEquals(0, exitCode, err);
    for (SaltTable table : SaltTables.ALL) {
      Path file = out.resolve("salt").resolve(table.name() + ".csv");
      assertTrue(Files.exists(file), file.toString());
      assertEquals(String.join(",", table.header()), Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
    }
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void englandIsTheSumOfTheCouncilsInEveryCell() throws Exception {
    for (SaltTable table : SaltTables.ALL) {
      Map<List<String>, Long> councils = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
      Map<List<String>, Long> england = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
      for (Map<String, String> row : FlowFixture.readCsv(out.resolve("salt").resolve(table.name() + ".csv"))) {
        List<String> cell = new ArrayList<>();
        for (String column : table.header().subList(1, table.header().size() - 1)) {
          cell.add(row.get(column));
        }
        long count = Long.parseLong(row.get("count"));
        assertTrue(count > 0, "a written cell is never empty");
        (row.get("la_code").equals("ENGLAND") ? england : councils).merge(cell, count, Long::sum);
      }
      assertEquals(councils, england, table.name());
    }
  }

  @Test
  void theMainTablesAreNotEmpty() throws Exception {
    for (String name : List.of("STS001", "LTS001a", "LTS001b")) {
      assertFalse(FlowFixture.readCsv(out.resolve("salt").resolve(name + ".csv")).isEmpty(), name);
    }
  }

  @Test
  void theReportNamesTheChosenSubmissionOfEveryCouncil() throws Exception {
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals("2024-25", report.path("year").asText());
    assertTrue(report.path("councils").size() > 1);
    report.path("councils").forEach(c -> {
      assertTrue(c.path("submissions_received").asInt() >= 1);
      assertFalse(c.path("submission_chosen").isNull());
    });
  }
}
