package org.sdelink.pipelines.grouping;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Iterables;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Groups keyed elements into a bounded number of buckets by a stable hash of the key: the grouping sdelink uses
 * instead of a GroupByKey over millions of distinct keys. A consumer sees one bucket at a time (a fraction
 * 1/buckets of the data) and finishes the grouping by the real key in memory. With up to {@link #BATCH_UP_TO_BUCKETS}
 * buckets (the default on every runner) a worker first appends its elements to one encoded batch per bucket (at most
 * about 32 MB held), so the grouping moves and sorts a few byte arrays instead of every element: the DirectRunner
 * copies a key's whole state on every bundle and Flink sorts every element, both per element. A consumer sees the same
 * elements either way.
 */
public final class GroupIntoBuckets<V>
    extends PTransform<PCollection<KV<String, V>>, PCollection<KV<Integer, Iterable<KV<String, V>>>>> {
  /** Bucket counts up to this batch elements before grouping; more buckets would leave one element per batch. */
  public static final int BATCH_UP_TO_BUCKETS = 4096;
  /** Elements a bundle holds in its batches before it sends them all on. */
  static final int MAX_BATCHED = 1_000_000;
  /** Encoded bytes a bundle holds in its batches before it sends them all on (about 32 MB). */
  static final long MAX_BATCHED_BYTES = 32L << 20;

  private final int buckets;
  private final long maxBatchedBytes;

  private GroupIntoBuckets(int buckets, long maxBatchedBytes) {
    this.buckets = buckets;
    this.maxBatchedBytes = maxBatchedBytes;
  }

  public static <V> GroupIntoBuckets<V> of(int buckets) {
    checkArgument(buckets > 0, "buckets must be positive");
    return new GroupIntoBuckets<>(buckets, MAX_BATCHED_BYTES);
  }

  /** The same grouping sending batches on after {@code bytes} encoded bytes (tests use small budgets). */
  GroupIntoBuckets<V> withMaxBatchedBytes(long bytes) {
    checkArgument(bytes > 0, "the batch budget must be positive");
    return new GroupIntoBuckets<>(buckets, bytes);
  }

  @Override
  public PCollection<KV<Integer, Iterable<KV<String, V>>>> expand(PCollection<KV<String, V>> input) {
    @SuppressWarnings("unchecked")
    Coder<V> valueCoder = ((KvCoder<String, V>) input.getCoder()).getValueCoder();
    KvCoder<String, V> elementCoder = KvCoder.of(StringUtf8Coder.of(), valueCoder);
    int n = buckets;
    if (buckets > BATCH_UP_TO_BUCKETS) {
      return input
          .apply("AssignBucket", MapElements
              .into(new TypeDescriptor<KV<Integer, KV<String, V>>>() {})
              .via((KV<String, V> kv) -> KV.of(Buckets.of(kv.getKey(), n), kv)))
          .setCoder(KvCoder.of(VarIntCoder.of(), elementCoder))
          .apply("GroupByBucket", GroupByKey.create());
    }
    return input
        .apply("BatchPerBucket", ParDo.of(new BatchFn<V>(n, elementCoder, maxBatchedBytes)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of()))
        .apply("GroupBatchesByBucket", GroupByKey.create())
        .apply("Unbatch", MapElements
            .into(new TypeDescriptor<KV<Integer, Iterable<KV<String, V>>>>() {})
            .via((KV<Integer, Iterable<byte[]>> bucket) ->
                KV.of(bucket.getKey(), Iterables.concat(Iterables.transform(bucket.getValue(),
                    batch -> EncodedBatch.decode(batch, elementCoder))))))
        .setCoder(KvCoder.of(VarIntCoder.of(), IterableCoder.of(elementCoder)));
  }

  /**
   * Collects a bundle's elements into one batch per bucket, each held encoded (a byte array is a fraction of the
   * memory of the objects it encodes, and the DirectRunner holds every batch until the grouping ends); batches are
   * sent on when the bundle ends or holds too many bytes or elements.
   */
  private static final class BatchFn<V> extends DoFn<KV<String, V>, KV<Integer, byte[]>> {
    private final int buckets;
    private final Coder<KV<String, V>> elementCoder;
    private final long maxBytes;
    private transient Map<Integer, EncodedBatch<KV<String, V>>> batches;
    private transient int held;
    private transient long heldBytes;

    BatchFn(int buckets, Coder<KV<String, V>> elementCoder, long maxBytes) {
      this.buckets = buckets;
      this.elementCoder = elementCoder;
      this.maxBytes = maxBytes;
    }

    @StartBundle
    public void startBundle() {
      batches = new HashMap<>();
      held = 0;
      heldBytes = 0;
    }

    @ProcessElement
    public void process(@Element KV<String, V> element, OutputReceiver<KV<Integer, byte[]>> out) {
      heldBytes += batches.computeIfAbsent(Buckets.of(element.getKey(), buckets),
          b -> new EncodedBatch<>(elementCoder)).add(element);
      if (++held >= MAX_BATCHED || heldBytes >= maxBytes) {
        batches.forEach((bucket, batch) -> out.output(KV.of(bucket, batch.bytes())));
        batches = new HashMap<>();
        held = 0;
        heldBytes = 0;
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      batches.forEach((bucket, batch) -> context.output(KV.of(bucket, batch.bytes()),
          GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      batches = null;
    }
  }
}
