package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.StageOptions;

/** The dashboard on embedded Flink, and on the DirectRunner with other bucket counts: byte-identical files. */
class ReportRunnersTest {
  @TempDir Path root;

  @Test
  void flinkAndTheDirectRunnerWriteTheSameDashboard() throws Exception {
    ReportFixture fixture = ReportFixture.create(root, 300, 77, CouncilFaultRates.none());
    ReportStage stage = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD);
    Path direct = stage.run(StageOptions.fromArgs(List.of()), root.resolve("direct"));
    Path again = stage.run(StageOptions.fromArgs(List.of("--buckets=3")), root.resolve("again"));
    Path flink = stage.run(StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--parallelism=2")),
        root.resolve("flink"));
    Map<String, String> hashes = hashes(direct);
    assertTrue(hashes.size() > 100 && hashes.containsKey("all/data-quality.html"), hashes.keySet().toString());
    assertEquals(hashes, hashes(again), "other bucket count");
    assertEquals(hashes, hashes(flink), "Flink");
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(StageDirectory.SUCCESS)) {
          out.put(dir.relativize(file).toString(), StageDirectory.sha256(file));
        }
      }
    }
    return out;
  }
}
