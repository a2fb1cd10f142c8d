package org.sdelink.pipelines.grouping;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * A DoFn that counts things about its elements and emits the counts once per bundle, as (key, count) pairs, instead
 * of one (key, 1) pair per thing counted: a stage that counts seven things per row would otherwise shuffle seven
 * elements per row. Subclasses call {@link #count} from {@code @ProcessElement}. Downstream sums (e.g.
 * {@link SumInBuckets}) add the bundles' counts up, so the totals do not depend on how the runner cuts bundles.
 */
public abstract class CountingFn<T> extends DoFn<T, KV<String, Long>> {
  private transient Map<String, Long> counts;

  @StartBundle
  public void startBundle() {
    counts = new HashMap<>();
  }

  /** Adds one to {@code key}'s count. */
  protected final void count(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      context.output(KV.of(count.getKey(), count.getValue()), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE);
    }
    counts = null;
  }
}
