package org.sdelink.pipelines.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * Groups keyed elements into a bounded number of buckets by a stable hash of the key: the grouping sdelink uses
 * instead of a GroupByKey over millions of distinct keys. A consumer sees one bucket at a time (a fraction
 * 1/buckets of the data) and finishes the grouping by the real key in memory.
 */
public final class GroupIntoBuckets<V>
    extends PTransform<PCollection<KV<String, V>>, PCollection<KV<Integer, Iterable<KV<String, V>>>>> {
  private final int buckets;

  private GroupIntoBuckets(int buckets) {
    this.buckets = buckets;
  }

  public static <V> GroupIntoBuckets<V> of(int buckets) {
    checkArgument(buckets > 0, "buckets must be positive");
    return new GroupIntoBuckets<>(buckets);
  }

  @Override
  public PCollection<KV<Integer, Iterable<KV<String, V>>>> expand(PCollection<KV<String, V>> input) {
    @SuppressWarnings("unchecked")
    Coder<V> valueCoder = ((KvCoder<String, V>) input.getCoder()).getValueCoder();
    int n = buckets;
    return input
        .apply("AssignBucket", MapElements
            .into(new TypeDescriptor<KV<Integer, KV<String, V>>>() {})
            .via((KV<String, V> kv) -> KV.of(Buckets.of(kv.getKey(), n), kv)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), valueCoder)))
        .apply("GroupByBucket", GroupByKey.create());
  }
}
