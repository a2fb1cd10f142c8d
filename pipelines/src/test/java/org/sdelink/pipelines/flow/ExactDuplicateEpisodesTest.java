package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;

/**
 * APC episodes delivered twice with the same content (a second extract repeating some episodes) are kept, counted as
 * repeated, and count once downstream: the spine has one row per EPIKEY, and the metrics are those of the extract
 * without the repeats.
 */
class ExactDuplicateEpisodesTest {
  @TempDir Path root;

  @Test
  void repeatedEpisodesAreKeptAndCountOnce() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 150, 2_024);
    Path apc = fixture.input("apc_episodes.csv");
    List<String> lines = Files.readAllLines(apc);
    Path repeats = root.resolve("apc_repeats.csv");
    Files.write(repeats, lines.subList(0, Math.min(lines.size(), 41)));
    long repeated = Math.min(lines.size(), 41) - 1;
    SdelinkPipelineOptions options = StageOptions.fromArgs(List.of());

    Stages.pseudonymise(InputSource.CLD, List.of(fixture.input("cld_events.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, root.resolve("cld"));
    StageReport once = Stages.pseudonymise(InputSource.APC, List.of(apc), fixture.key, FlowFixture.REFERENCE_DATE)
        .run(options, root.resolve("apc-once"));
    StageReport twice = Stages.pseudonymise(InputSource.APC, List.of(apc, repeats), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, root.resolve("apc-twice"));

    assertEquals(once.accepted() + repeated, twice.accepted(), "identical copies are kept");
    assertEquals(0, twice.rejected(), "identical copies are not rejected");
    assertEquals(repeated, twice.fileCounts("apc_repeats.csv").get("repeated_record_id"));
    assertEquals(repeated, twice.fileCounts("apc_episodes.csv").get("repeated_record_id"));

    LinkStage.of(root.resolve("cld"), root.resolve("apc-twice")).run(options, root.resolve("linked"));
    Path spine = root.resolve("linked").resolve(LinkStage.SPINE);
    List<Map<String, String>> spineRows = FlowFixture.readCsv(spine);
    Set<String> ids = new HashSet<>();
    for (Map<String, String> row : spineRows) {
      assertTrue(ids.add(row.get("source") + ":" + row.get("record_id")), "a record id twice in the spine");
    }
    long apcIds = FlowFixture.readCsv(root.resolve("apc-once").resolve(PseudonymiseStage.RECORDS)).stream()
        .map(r -> r.get("record_id")).distinct().count();
    assertEquals(apcIds, spineRows.stream().filter(r -> r.get("source").equals("apc")).count());

    MetricsStage.of(root.resolve("cld"), root.resolve("apc-once"), spine, FlowFixture.PERIOD)
        .run(options, root.resolve("metrics-once"));
    MetricsStage.of(root.resolve("cld"), root.resolve("apc-twice"), spine, FlowFixture.PERIOD)
        .run(options, root.resolve("metrics-twice"));
    for (String file : List.of("summary.csv", "discharges.csv", "journeys.csv")) {
      assertEquals(StageDirectory.sha256(root.resolve("metrics-once").resolve(file)),
          StageDirectory.sha256(root.resolve("metrics-twice").resolve(file)), file + " counts a repeat twice");
    }
  }
}
