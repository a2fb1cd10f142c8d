package org.sdelink.pipelines.progress;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * What one stage cost: wall time, the rows it read from files, and the peak heap sampled while it ran (every 100 ms,
 * so a peak shorter than that can be missed).
 */
public record StageMeasurement(String stage, Duration wall, long rowsRead, long peakHeapBytes) {
  public StageMeasurement {
    checkNotNull(stage, "stage");
    checkNotNull(wall, "wall");
    checkArgument(rowsRead >= 0 && peakHeapBytes >= 0, "counts are never negative");
  }

  public double seconds() {
    return wall.toNanos() / 1e9;
  }

  /** {@code rows} per second of wall time; 0 for an instant stage. */
  public double rate(long rows) {
    return wall.isZero() ? 0 : rows / seconds();
  }
}
