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
    check(p, "few", 8, 1000, GroupIntoBuckets.MAX_BATCHED_BYTES);
    p.run().waitUntilFinish();
  }

  @Test
  void batchesPerBucketAreSentOnWhenABundleHoldsTooManyBytesAndNothingIsLost(TestPipeline p) {
    check(p, "batched", 8, 20_000, 1_000);
    p.run().waitUntilFinish();
  }

  @Test
  void manyBucketsGroupWithoutBatchesAndGiveTheSameBuckets(TestPipeline p) {
    check(p, "many", GroupIntoBuckets.BATCH_UP_TO_BUCKETS + 1, 1000, GroupIntoBuckets.MAX_BATCHED_BYTES);
    p.run().waitUntilFinish();
  }

  private static void check(TestPipeline p, String name, int buckets, int elements, long batchBytes) {
    List<KV<String, Integer>> input = new ArrayList<>();
    for (int i = 0; i < elements; i++) {
      input.add(KV.of("person-" + (i % 300), i));
    }
    PCollection<KV<Integer, Iterable<KV<String, Integer>>>> grouped = p
        .apply(name, Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply("Group " + name, GroupIntoBuckets.<Integer>of(buckets).withMaxBatchedBytes(batchBytes));
    PAssert.that(grouped).satisfies(groups -> {
      Map<Integer, Integer> seen = new HashMap<>();
      java.util.Set<Integer> bucketsSeen = new java.util.HashSet<>();
      int count = 0;
      for (KV<Integer, Iterable<KV<String, Integer>>> bucket : groups) {
        assertTrue(bucket.getKey() >= 0 && bucket.getKey() < buckets, "bucket out of range");
        assertTrue(bucketsSeen.add(bucket.getKey()), "bucket " + bucket.getKey() + " given twice");
        for (KV<String, Integer> kv : bucket.getValue()) {
          assertEquals(Buckets.of(kv.getKey(), buckets), bucket.getKey(), "element in the wrong bucket");
          assertEquals(null, seen.put(kv.getValue(), bucket.getKey()), "element seen twice");
          count++;
        }
      }
      assertEquals(elements, count);
      return null;
    });
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
