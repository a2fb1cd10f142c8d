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
    Path whole = write(p, "whole", SortedCsvSink.to(dir.resolve("whole").toString(), 3));
    Path cut = write(p, "cut", SortedCsvSink.to(dir.resolve("cut").toString(), 3).withMaxRunChars(500));
    Path distinct = write(p, "distinct",
        SortedCsvSink.to(dir.resolve("distinct").toString(), 3).withDistinctKeys().withMaxRunChars(500));
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
}
