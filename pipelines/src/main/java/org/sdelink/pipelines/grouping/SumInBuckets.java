package org.sdelink.pipelines.grouping;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Sums counts per key over a bounded number of buckets: the counting sdelink uses instead of {@code Sum.longsPerKey}
 * when keys are many (quasi-identifier classes, councils x measures), since the DirectRunner's cost grows with the
 * number of distinct keys.
 */
public final class SumInBuckets extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, Long>>> {
  private final int buckets;

  private SumInBuckets(int buckets) {
    this.buckets = buckets;
  }

  public static SumInBuckets of(int buckets) {
    return new SumInBuckets(buckets);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<KV<String, Long>> counts) {
    return counts
        .apply("GroupCounts", GroupIntoBuckets.<Long>of(buckets))
        .apply("SumWithinBucket", ParDo.of(new DoFn<KV<Integer, Iterable<KV<String, Long>>>, KV<String, Long>>() {
          @ProcessElement
          public void process(@Element KV<Integer, Iterable<KV<String, Long>>> bucket,
              OutputReceiver<KV<String, Long>> out) {
            Map<String, Long> sums = new TreeMap<>();
            for (KV<String, Long> kv : bucket.getValue()) {
              sums.merge(kv.getKey(), kv.getValue(), Long::sum);
            }
            sums.forEach((k, v) -> out.output(KV.of(k, v)));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
