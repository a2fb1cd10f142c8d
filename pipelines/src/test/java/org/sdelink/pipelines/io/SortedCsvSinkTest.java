package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.testing.TestPipelineExtension;

@ExtendWith(TestPipelineExtension.class)
class SortedCsvSinkTest {
  @TempDir Path dir;

  private static List<KV<String, String>> lines() {
    List<KV<String, String>> lines = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      String key = "r" + random.nextInt(2000);
      lines.add(KV.of(key, key + ",value-" + i));
    }
    Collections.shuffle(lines, random);
    return lines;
  }

  private Path write(TestPipeline p, String name, SortedCsvSink sink) throws Exception {
    p.apply(name, Create.of(lines()).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("Write" + name, sink);
    return dir.resolve(name);
  }

  @Test
  void smallRunsMergeToTheSameFileAsOneRunPerPart(TestPipeline p) throws Exception {
    Path whole = write(p, "whole", SortedCsvSink.to(dir.resolve("whole").toString()));
    Path cut = write(p, "cut", SortedCsvSink.to(dir.resolve("cut").toString()).withMaxRunChars(500));
    Path distinct = write(p, "distinct",
        SortedCsvSink.to(dir.resolve("distinct").toString()).withDistinctKeys().withMaxRunChars(500));
    p.run().waitUntilFinish();

    try (var runs = Files.list(cut)) {
      assertTrue(runs.count() > 20, "expected many small runs");
    }
    long lines = SortedCsvSink.merge(whole, "key,value", dir.resolve("whole.csv"));
    assertEquals(3000, lines);
    assertEquals(3000, SortedCsvSink.merge(cut, "key,value", dir.resolve("cut.csv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("whole.csv")), Files.readAllBytes(dir.resolve("cut.csv")));

    long keys = lines().stream().map(KV::getKey).distinct().count();
    assertEquals(keys, SortedCsvSink.merge(distinct, "key,value", dir.resolve("distinct.csv"), true),
        "one line per key across runs");
    List<String> merged = Files.readAllLines(dir.resolve("whole.csv"));
    List<String> sorted = new ArrayList<>(merged.subList(1, merged.size()));
    Collections.sort(sorted);
    assertEquals(sorted, merged.subList(1, merged.size()), "merged lines are in key order");
  }

  @Test
  void moreRunsThanCanBeOpenAtOnceMergeInRoundsToTheSameFile(TestPipeline p) throws Exception {
    Path whole = write(p, "whole", SortedCsvSink.to(dir.resolve("whole").toString()));
    Path tiny = write(p, "tiny", SortedCsvSink.to(dir.resolve("tiny").toString()).withMaxRunChars(40));
    p.run().waitUntilFinish();

    List<String> listed = Files.readAllLines(tiny.resolve(SortedCsvSink.RUN_LIST));
    assertTrue(listed.size() > SortedCsvSink.MAX_OPEN_RUNS * 2, "expected rounds of merging, got " + listed.size());
    assertEquals(3000, SortedCsvSink.merge(whole, "key,value", dir.resolve("whole.csv")));
    assertEquals(3000, SortedCsvSink.merge(tiny, "key,value", dir.resolve("tiny.csv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("whole.csv")), Files.readAllBytes(dir.resolve("tiny.csv")));
    try (var left = Files.list(tiny)) {
      assertEquals(listed.size() + 1, left.count(), "the rounds' temporary runs are removed");
    }
  }

  @Test
  void aRunThatIsNotListedIsNotMerged(TestPipeline p) throws Exception {
    Path out = write(p, "out", SortedCsvSink.to(dir.resolve("out").toString()));
    p.run().waitUntilFinish();
    assertEquals(3000, SortedCsvSink.merge(out, "key,value", dir.resolve("before.csv")));
    // A run left behind by a failed attempt (written, never listed) must not add its lines.
    Files.copy(out.resolve(Files.readAllLines(out.resolve(SortedCsvSink.RUN_LIST)).get(0)),
        out.resolve("run-left-behind-00000.run"));
    assertEquals(3000, SortedCsvSink.merge(out, "key,value", dir.resolve("after.csv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("before.csv")), Files.readAllBytes(dir.resolve("after.csv")));
  }

  @Test
  void anOutputWithoutItsRunListIsRefused() throws Exception {
    Path parts = Files.createDirectories(dir.resolve("unfinished"));
    Files.writeString(parts.resolve("run-x-00000.run"), "");
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> SortedCsvSink.merge(parts, "key,value", dir.resolve("x.csv")));
    assertTrue(e.getMessage().contains("runs.list"), e.getMessage());
  }
}
