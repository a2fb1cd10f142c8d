package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.metrics.MetricsStage;

/** The stages end to end on the DirectRunner, over generated data the other tests never use (seed 9017). */
class FlowTest {
  @TempDir static Path root;
  static FlowFixture fixture;
  static Path out;

  @BeforeAll
  static void runAllStages() throws Exception {
    fixture = FlowFixture.generate(root, 400, 9017);
    out = fixture.runStages(root.resolve("out"), List.of());
  }

  @Test
  void pseudonymiseReconcilesAndWritesEveryRowOnce() throws Exception {
    for (String source : List.of("cld", "apc")) {
      Path dir = out.resolve(source);
      assertTrue(Files.exists(dir.resolve(StageDirectory.SUCCESS)), "no _SUCCESS marker for " + source);
      List<Map<String, String>> records = FlowFixture.readCsv(dir.resolve("records.csv"));
      List<Map<String, String>> rejects = FlowFixture.readCsv(dir.resolve("rejects.csv"));
      long inputRows = FlowFixture.readCsv(fixture.input(source.equals("cld") ? "cld_events.csv" : "apc_episodes.csv"))
          .size();
      assertEquals(inputRows, records.size() + rejects.size(), "rows in = accepted + rejected for " + source);
      assertFalse(records.get(0).containsKey("NHS_Number"));
      assertFalse(records.get(0).containsKey("NEWNHSNO"));
      assertFalse(records.get(0).containsKey("Event_Description"));
    }
  }

  @Test
  void spineHasExactlyOneRowPerDistinctRecordOfTheTruth() throws Exception {
    List<Map<String, String>> spine = FlowFixture.readCsv(out.resolve("linked").resolve(LinkStage.SPINE));
    Set<String> spineKeys = new HashSet<>();
    for (Map<String, String> row : spine) {
      assertTrue(spineKeys.add(row.get("source") + ":" + row.get("record_id")), "duplicate spine row");
      assertFalse(row.get("person_id").isEmpty());
      assertFalse(row.get("match_rule").isEmpty());
    }
    Set<String> truthKeys = new HashSet<>();
    for (Map<String, String> row : FlowFixture.readCsv(fixture.input("truth.csv"))) {
      // The truth also names rows without an Event_Reference by their line in the councils' quarterly files
      // (cld/...); this flow reads the one combined file, cld_events.csv.
      String[] id = row.get("record_id").split(":");
      if (id.length == 3 && !id[1].equals("cld_events.csv")) {
        continue;
      }
      truthKeys.add(row.get("source") + ":" + row.get("record_id"));
    }
    assertEquals(truthKeys, spineKeys);
  }

  @Test
  void deterministicLinksArePreciseAgainstTheTruth() throws Exception {
    Map<String, String> truePerson = new HashMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(fixture.input("truth.csv"))) {
      truePerson.put(row.get("source") + ":" + row.get("record_id"), row.get("person_id"));
    }
    Map<String, Set<String>> truthByPredicted = new HashMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(out.resolve("linked").resolve(LinkStage.SPINE))) {
      truthByPredicted.computeIfAbsent(row.get("person_id"), k -> new HashSet<>())
          .add(truePerson.get(row.get("source") + ":" + row.get("record_id")));
    }
    long impure = truthByPredicted.values().stream().filter(s -> s.size() > 1).count();
    assertTrue(impure * 100 <= truthByPredicted.size(),
        "more than 1% of linked persons mix true people: " + impure + " of " + truthByPredicted.size());
  }

  @Test
  void metricsWriteTheSummaryWithRequestAfterDischarge() throws Exception {
    List<Map<String, String>> summary = FlowFixture.readCsv(out.resolve("metrics").resolve(MetricsStage.SUMMARY));
    Map<String, String> all = summary.stream()
        .filter(r -> r.get("metric").equals("request_after_discharge") && r.get("breakdown").equals("all"))
        .findFirst().orElseThrow();
    long denominator = Long.parseLong(all.get("denominator"));
    long numerator = Long.parseLong(all.get("numerator"));
    assertTrue(denominator > 0, "no discharges of people 65+ in the period");
    assertTrue(numerator > 0 && numerator <= denominator);
    List<Map<String, String>> discharges =
        FlowFixture.readCsv(out.resolve("metrics").resolve(MetricsStage.DISCHARGES));
    long flagged = discharges.stream().filter(r -> r.get("request_after_discharge_num").equals("1")).count();
    assertEquals(numerator, flagged, "the summary numerator traces to the discharge rows");
  }
}
