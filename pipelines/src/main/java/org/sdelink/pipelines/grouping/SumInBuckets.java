package org.sdelink.pipelines.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Sums counts per key over a bounded number of buckets: the counting sdelink uses instead of {@code Sum.longsPerKey}
 * when keys are many (quasi-identifier classes, councils x measures), since the DirectRunner's cost grows with the
 * number of distinct keys. It is a combine, so engines that lift combiners (Flink, Spark) add up partial sums before
 * the shuffle and send one small map per bucket and worker instead of every count.
 */
public final class SumInBuckets extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, Long>>> {
  private final int buckets;

  private SumInBuckets(int buckets) {
    this.buckets = buckets;
  }

  public static SumInBuckets of(int buckets) {
    checkArgument(buckets > 0, "buckets must be positive");
    return new SumInBuckets(buckets);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<KV<String, Long>> counts) {
    int n = buckets;
    return counts
        .apply("SumPerBundle", ParDo.of(new SumPerBundleFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("AssignBucket", MapElements
            .into(new TypeDescriptor<KV<Integer, KV<String, Long>>>() {})
            .via((KV<String, Long> kv) -> KV.of(Buckets.of(kv.getKey(), n), kv)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("SumPerBucket", Combine.perKey(new SumByKeyFn()))
        .apply("EmitSums", ParDo.of(new DoFn<KV<Integer, Map<String, Long>>, KV<String, Long>>() {
          @ProcessElement
          public void process(@Element KV<Integer, Map<String, Long>> bucket, OutputReceiver<KV<String, Long>> out) {
            new TreeMap<>(bucket.getValue()).forEach((k, v) -> out.output(KV.of(k, v)));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /**
   * Adds up a bundle's counts by key before anything is shuffled or sorted: most counts are of few keys (rows per
   * rule, persons per council), so a bundle sends a few sums on instead of one element per thing counted. The map is
   * bounded: past {@link #MAX_KEYS} keys the sums so far are sent on and it starts again.
   */
  static final class SumPerBundleFn extends DoFn<KV<String, Long>, KV<String, Long>> {
    static final int MAX_KEYS = 20_000;
    private transient Map<String, Long> sums;

    @StartBundle
    public void startBundle() {
      sums = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<String, Long> count, OutputReceiver<KV<String, Long>> out) {
      sums.merge(count.getKey(), count.getValue(), Long::sum);
      if (sums.size() >= MAX_KEYS) {
        sums.forEach((k, v) -> out.output(KV.of(k, v)));
        sums.clear();
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      sums.forEach((k, v) -> context.output(KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      sums = null;
    }
  }

  /** Adds counts into a map by key. */
  static final class SumByKeyFn extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> sums, KV<String, Long> count) {
      sums.merge(count.getKey(), count.getValue(), Long::sum);
      return sums;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> partials) {
      Map<String, Long> merged = new TreeMap<>();
      for (Map<String, Long> partial : partials) {
        partial.forEach((k, v) -> merged.merge(k, v, Long::sum));
      }
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> sums) {
      return sums;
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, Long>> input) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }

    @Override
    public Coder<Map<String, Long>> getDefaultOutputCoder(CoderRegistry registry, Coder<KV<String, Long>> input) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }
}
