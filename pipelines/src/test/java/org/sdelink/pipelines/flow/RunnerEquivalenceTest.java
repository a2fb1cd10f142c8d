package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.io.StageDirectory;

/**
 * Every stage on the DirectRunner, on embedded Flink and on local Spark, with several bucket, part and parallelism
 * settings: all outputs byte-identical to one DirectRunner run (computed once for the class), the statistics stage
 * included with its hospital inputs ({@code waiting_times.csv}, {@code ascof_2d_by_linkage.csv}, ASCOF 2D in
 * {@code ascof.csv}).
 * (The {@code _SUCCESS} markers name their own folders, so they are compared by their output hashes only.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerEquivalenceTest {
  private Path root;
  private FlowFixture fixture;
  private Path policy;
  private Map<String, String> directHashes;

  @BeforeAll
  void runOnceOnTheDirectRunner(@TempDir Path dir) throws Exception {
    root = dir;
    fixture = FlowFixture.generate(root, 150, 5501);
    policy = ReleasePropertiesTest.approvedPolicyIn(root, "EQUIVALENCE-1");
    directHashes = hashes(runAndPublish(root.resolve("direct"), List.of()));
    assertTrue(directHashes.size() >= 20 && directHashes.containsKey("release/persons.parquet"),
        "expected every stage's outputs, got " + directHashes.keySet());
    // The statistics stage with hospital data: waiting times and ASCOF 2D on both linkages, with rows to compare.
    Path statistics = root.resolve("direct").resolve("statistics");
    for (String file : List.of("statistics/waiting_times.csv", "statistics/ascof_2d_by_linkage.csv",
        "statistics/ascof.csv")) {
      assertTrue(directHashes.containsKey(file), "expected " + file);
    }
    List<String> byLinkage = Files.readAllLines(statistics.resolve("ascof_2d_by_linkage.csv"));
    assertTrue(byLinkage.stream().anyMatch(l -> l.startsWith("spine,2D_part2,ENGLAND,") && !l.endsWith(",0,0,"))
        && byLinkage.stream().anyMatch(l -> l.startsWith("nhs_number,2D_part2,ENGLAND,")),
        "expected 2D rows on both linkages, got " + byLinkage);
    assertTrue(Files.readAllLines(statistics.resolve("ascof.csv")).stream().anyMatch(l -> l.startsWith("2D_part1,")),
        "ascof.csv holds the spine's 2D rows");
    assertTrue(Files.readAllLines(statistics.resolve("waiting_times.csv")).size() > 1, "expected waits");
  }

  @Test
  void flinkAndDirectRunnerGiveByteIdenticalOutputsAndRerunsOnEachToo() throws Exception {
    Path again = runAndPublish(root.resolve("direct-again"), List.of("--buckets=7"));
    Path flink = runAndPublish(root.resolve("flink"), List.of("--runner=FlinkRunner", "--parallelism=2"));
    Path flinkAgain = runAndPublish(root.resolve("flink-again"), List.of("--runner=FlinkRunner",
        "--parallelism=1", "--buckets=5"));

    assertEquals(directHashes, hashes(flink), "Flink outputs differ from the DirectRunner's");
    assertEquals(directHashes, hashes(again), "a rerun with other bucket counts differs");
    assertEquals(directHashes, hashes(flinkAgain), "a second Flink run with other settings differs");
  }

  @Test
  void sparkGivesTheDirectRunnersBytes() throws Exception {
    // The default master (local[processors]) and the default buckets, then three threads with other settings.
    Path spark = runAndPublish(root.resolve("spark"), List.of("--runner=SparkRunner"));
    Path sparkAgain = runAndPublish(root.resolve("spark-again"), List.of("--runner=SparkRunner",
        "--sparkMaster=local[3]", "--buckets=5"));

    assertEquals(directHashes, hashes(spark), "Spark outputs differ from the DirectRunner's");
    assertEquals(directHashes, hashes(sparkAgain), "a second Spark run with other settings differs");
  }

  private Path runAndPublish(Path out, List<String> args) throws Exception {
    fixture.runStages(out, args);
    org.sdelink.pipelines.publish.PublishStage.of("EQUIVALENCE-1", policy, out.resolve("metrics"), fixture.key,
        org.sdelink.pipelines.publish.TestApprovals.sde(policy))
        .run(org.sdelink.pipelines.run.StageOptions.fromArgs(args), out.resolve("release"));
    return out;
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
