package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.metrics.reference.ReferenceMetrics;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;

/**
 * With the truth spine, the metrics stage (Beam, on pseudonymised data) reproduces every row of the summary computed
 * by the independent reference implementation (plain loops over the raw generator files), for a seed no other test
 * uses.
 */
class MetricsAgainstReferenceTest {
  @TempDir Path root;

  @Test
  void everySummaryRowEqualsTheReferenceImplementation() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 3000, 777_001);
    SdelinkPipelineOptions options = StageOptions.fromArgs(List.of());
    Path cld = root.resolve("cld");
    Path apc = root.resolve("apc");
    Stages.pseudonymise(InputSource.CLD, List.of(fixture.input("cld_events.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, cld);
    Stages.pseudonymise(InputSource.APC, List.of(fixture.input("apc_episodes.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, apc);
    Path truthSpine = fixture.input("truth-spine.csv");
    Path metrics = MetricsStage.of(cld, apc, truthSpine, FlowFixture.PERIOD).run(options, root.resolve("metrics"));

    List<List<String>> expected = ReferenceMetrics.compute(fixture.input("cld_events.csv"),
        fixture.input("apc_episodes.csv"), truthSpine, FlowFixture.PERIOD.start(), FlowFixture.PERIOD.end());
    List<List<String>> actual = ReferenceMetrics.readSummaryCsv(metrics.resolve(MetricsStage.SUMMARY));
    assertTrue(expected.size() > 50, "the reference produced only " + expected.size() + " rows");
    assertEquals(expected.size(), actual.size(), "number of summary rows");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "summary row " + (i + 1));
    }
  }
}
