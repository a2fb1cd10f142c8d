package org.sdelink.pipelines.flow;

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
import org.sdelink.pipelines.io.StageDirectory;

/**
 * Every stage on embedded Flink and on the DirectRunner, twice on each (the second time with other bucket, part and
 * parallelism settings): all outputs byte-identical.
 * (The {@code _SUCCESS} markers name their own folders, so they are compared by their output hashes only.)
 */
class RunnerEquivalenceTest {
  @TempDir Path root;

  @Test
  void flinkAndDirectRunnerGiveByteIdenticalOutputsAndRerunsOnEachToo() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 150, 5501);
    Path policy = ReleasePropertiesTest.approvedPolicyIn(root, "EQUIVALENCE-1");
    Path direct = runAndPublish(fixture, policy, root.resolve("direct"), List.of());
    Path again = runAndPublish(fixture, policy, root.resolve("direct-again"), List.of("--buckets=7"));
    Path flink = runAndPublish(fixture, policy, root.resolve("flink"), List.of("--runner=FlinkRunner",
        "--parallelism=2"));
    Path flinkAgain = runAndPublish(fixture, policy, root.resolve("flink-again"), List.of("--runner=FlinkRunner",
        "--parallelism=1", "--buckets=5"));

    Map<String, String> directHashes = hashes(direct);
    assertTrue(directHashes.size() >= 20 && directHashes.containsKey("release/persons.parquet"),
        "expected every stage's outputs, got " + directHashes.keySet());
    assertEquals(directHashes, hashes(flink), "Flink outputs differ from the DirectRunner's");
    assertEquals(directHashes, hashes(again), "a rerun with other bucket counts differs");
    assertEquals(directHashes, hashes(flinkAgain), "a second Flink run with other settings differs");
  }

  private static Path runAndPublish(FlowFixture fixture, Path policy, Path out, List<String> args) throws Exception {
    fixture.runStages(out, args);
    org.sdelink.pipelines.publish.PublishStage.of("EQUIVALENCE-1", policy, out.resolve("metrics"), fixture.key)
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
