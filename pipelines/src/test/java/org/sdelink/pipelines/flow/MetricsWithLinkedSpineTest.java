package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;

/**
 * Linkage error, measured where it matters: on 100,000 generated people, every {@code all} figure computed with the
 * spine of the project's own link stage is within 1 % of the same figure computed with the truth spine. Runs on
 * embedded Flink (the DirectRunner is too slow at this size); prints every deviation. The largest test of the suite
 * (about 100-150 s on 2 cores).
 */
class MetricsWithLinkedSpineTest {
  static final int PEOPLE = 100_000;
  @TempDir Path root;

  @Test
  void everyAllFigureIsWithinOnePercentOfTheTruthSpineFigure() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, PEOPLE, 314_159);
    SdelinkPipelineOptions options =
        StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--parallelism=2", "--buckets=128"));
    Path cld = root.resolve("cld");
    Path apc = root.resolve("apc");
    Stages.pseudonymise(InputSource.CLD, List.of(fixture.input("cld_events.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, cld);
    Stages.pseudonymise(InputSource.APC, List.of(fixture.input("apc_episodes.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(options, apc);
    Path linked = LinkStage.of(cld, apc).run(options, root.resolve("linked"));
    Path withLinks = MetricsStage.of(cld, apc, linked.resolve(LinkStage.SPINE), FlowFixture.PERIOD)
        .run(options, root.resolve("metrics-linked"));
    Path withTruth = MetricsStage.of(cld, apc, fixture.input("truth-spine.csv"), FlowFixture.PERIOD)
        .run(options, root.resolve("metrics-truth"));

    Map<String, Double> truth = allValues(withTruth.resolve(MetricsStage.SUMMARY));
    Map<String, Double> linkedValues = allValues(withLinks.resolve(MetricsStage.SUMMARY));
    List<String> outside = new ArrayList<>();
    StringBuilder report = new StringBuilder("metric: truth-spine value, linked-spine value, relative deviation\n");
    truth.forEach((metric, expected) -> {
      double actual = linkedValues.getOrDefault(metric, Double.NaN);
      double deviation = Math.abs(actual - expected) / Math.abs(expected);
      report.append(String.format("  %-45s %12.6f %12.6f %8.4f%%%n", metric, expected, actual, deviation * 100));
      if (!(deviation <= tolerance(metric))) {
        outside.add(metric);
      }
    });
    System.out.println(report);
    assertTrue(truth.size() == 7, "expected the 7 metrics, got " + truth.keySet());
    assertTrue(outside.isEmpty(), "figures further from the truth-spine figure than allowed: " + outside + "\n"
        + report);
  }

  /**
   * 1 %, issue 18's target, for every figure. With the GP practice comparison of the CLD-APC model the spine's
   * care_home_after_discharge, the furthest figure, came within 1 % of its truth-spine value (0.67 % and 0.80 % on
   * 20,000 people of seeds 11 and 12; docs/linkage.md).
   */
  private static double tolerance(String metric) {
    return 0.01;
  }

  private static Map<String, Double> allValues(Path summary) throws Exception {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(summary)) {
      if (row.get("breakdown").equals("all") && !row.get("value").isEmpty()) {
        values.put(row.get("metric"), Double.parseDouble(row.get("value")));
      }
    }
    return values;
  }
}
