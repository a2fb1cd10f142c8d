package org.sdelink.pipelines.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.pipelines.testing.TestPipelineExtension;

@ExtendWith(TestPipelineExtension.class)
class GroupIntoBucketsTest {
  @Test
  void everyElementLandsOnceInTheBucketOfItsKeyAndBucketsAreBounded(TestPipeline p) {
    List<KV<String, Integer>> input = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      input.add(KV.of("person-" + (i % 300), i));
    }
    PCollection<KV<Integer, Iterable<KV<String, Integer>>>> grouped = p
        .apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(GroupIntoBuckets.of(8));
    PAssert.that(grouped).satisfies(buckets -> {
      Map<Integer, Integer> seen = new HashMap<>();
      int count = 0;
      for (KV<Integer, Iterable<KV<String, Integer>>> bucket : buckets) {
        assertTrue(bucket.getKey() >= 0 && bucket.getKey() < 8, "bucket out of range");
        for (KV<String, Integer> kv : bucket.getValue()) {
          assertEquals(Buckets.of(kv.getKey(), 8), bucket.getKey(), "element in the wrong bucket");
          assertEquals(null, seen.put(kv.getValue(), bucket.getKey()), "element seen twice");
          count++;
        }
      }
      assertEquals(1000, count);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void keysSpreadOverAllBuckets() {
    int[] counts = new int[8];
    for (int i = 0; i < 8000; i++) {
      counts[Buckets.of("k" + i, 8)]++;
    }
    for (int c : counts) {
      assertTrue(c > 800 && c < 1200, "uneven buckets: " + java.util.Arrays.toString(counts));
    }
  }
}
