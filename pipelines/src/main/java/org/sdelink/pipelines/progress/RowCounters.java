package org.sdelink.pipelines.progress;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of rows processed so far, per name ("rows read"), shared by the DoFns and the progress monitor of one JVM.
 * They serve progress lines only, never results: on a remote cluster the workers count in their own JVMs and the
 * driver sees elapsed time and heap alone.
 */
public final class RowCounters {
  public static final String ROWS_READ = "rows read";

  private static final ConcurrentMap<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

  private RowCounters() {}

  /** The counter of {@code name}, for a DoFn to keep and add to per row. */
  public static LongAdder counter(String name) {
    return COUNTERS.computeIfAbsent(name, n -> new LongAdder());
  }

  public static long get(String name) {
    LongAdder counter = COUNTERS.get(name);
    return counter == null ? 0 : counter.sum();
  }
}
