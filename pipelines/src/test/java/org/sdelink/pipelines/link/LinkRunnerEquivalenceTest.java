package org.sdelink.pipelines.link;

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
import org.sdelink.pipelines.run.StageOptions;

/** The link stage (both phases, with estimation) gives byte-identical outputs on the DirectRunner and Flink. */
class LinkRunnerEquivalenceTest {
  @TempDir Path root;

  @Test
  void directRunnerAndFlinkGiveByteIdenticalLinkOutputs() throws Exception {
    LinkFixture fixture = LinkFixture.pseudonymised(root, 400, 7_713_032L);
    Path direct = LinkStage.of(fixture.cld(), fixture.apc())
        .run(StageOptions.fromArgs(List.of()), root.resolve("direct"));
    Path flink = LinkStage.of(fixture.cld(), fixture.apc())
        .run(StageOptions.fromArgs(List.of("--runner=FlinkRunner")), root.resolve("flink"));
    Map<String, String> hashes = hashes(direct);
    assertTrue(hashes.keySet().containsAll(List.of(LinkStage.SPINE, LinkStage.PAIRS, LinkStage.PARAMETERS,
        LinkStage.REPORT, LinkStage.HTML_REPORT)), "outputs: " + hashes.keySet());
    assertEquals(hashes, hashes(flink));
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(StageDirectory.SUCCESS)) {
          out.put(file.getFileName().toString(), StageDirectory.sha256(file));
        }
      }
    }
    return out;
  }
}
