package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdelink.linkage.evaluation.PairwiseCounts;
import org.sdelink.pipelines.cli.SdelinkCommand;

/**
 * The example models {@code examples/models/splink-*.yaml} on Splink's public benchmark files, run through the
 * command line as docs/linkage.md documents, at the tool's default threshold: pairwise F1 (all within-cluster
 * pairs) must reach the targets (fake_1000 0.86, historical_50k 0.62; Splink reaches 0.805 and 0.600).
 * Skipped when the shared data directory ({@code ../../shared}, or {@code -Dsdelink.shared.dir}) is absent.
 */
class SplinkDatasetsTest {
  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({
    "splink-fake-1000.yaml, fake_1000.csv, 0.86",
    "splink-historical-50k.yaml, historical_figures_with_errors_50k.csv, 0.62",
  })
  void theExampleModelReachesItsTarget(String modelFile, String dataFile, double targetF1) throws Exception {
    Path data = Path.of(System.getProperty("sdelink.shared.dir", "../../shared")).resolve("data/splink")
        .resolve(dataFile);
    assumeTrue(Files.isRegularFile(data), "Splink dataset not found at " + data + " (sdelink.shared.dir); skipping");
    Path model = Path.of("../examples/models").resolve(modelFile);
    assertTrue(Files.isRegularFile(model), "example model missing: " + model);
    Path output = root.resolve("out");
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(new String[] {"link", "--model", model.toString(), "--input", data.toString(),
        "--output", output.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    ClusterTruthEvaluation evaluation =
        ClusterTruthEvaluation.evaluate(output.resolve(LinkStage.SPINE), List.of(data), "cluster", null);
    PairwiseCounts counts = evaluation.report().overall();
    System.out.println(modelFile + ": " + counts);
    assertTrue(counts.f1() >= targetF1, modelFile + ": " + counts);
  }
}
