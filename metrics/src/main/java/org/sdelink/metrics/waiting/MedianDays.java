package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The median waiting time in days as DHSC computes it: {@code PERCENTILE_CONT(0.5)} (the middle value of an odd
 * count, the mean of the two middle values of an even count), written with one decimal ({@code 7.0}, {@code 7.5}).
 * Exact: waits are whole days, so the median is a whole or half day.
 */
public final class MedianDays {
  private MedianDays() {}

  /** The median of {@code waits} (whole days, not negative); at least one wait. */
  public static BigDecimal of(Collection<Long> waits) {
    checkNotNull(waits, "waits");
    checkArgument(!waits.isEmpty(), "a median needs at least one waiting time");
    long[] sorted = waits.stream().mapToLong(w -> checkNotNull(w, "wait")).sorted().toArray();
    checkArgument(sorted[0] >= 0, "a waiting time must not be negative");
    int n = sorted.length;
    long twice = n % 2 == 1 ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
    return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2)).setScale(1);
  }

  /**
   * The median of the waits counted in {@code daysToCount} (a histogram: whole days to the number of waits of that
   * length), equal to {@link #of(Collection)} over the expanded list: exact, and a cell's histogram is small (one
   * entry per distinct length), so a pipeline can group a cell's histogram instead of its waits.
   */
  public static BigDecimal ofHistogram(Map<Long, Long> daysToCount) {
    checkNotNull(daysToCount, "daysToCount");
    TreeMap<Long, Long> sorted = new TreeMap<>(daysToCount);
    long n = 0;
    for (Map.Entry<Long, Long> e : sorted.entrySet()) {
      checkArgument(e.getKey() >= 0, "a waiting time must not be negative");
      checkArgument(e.getValue() >= 0, "a count must not be negative");
      n += e.getValue();
    }
    checkArgument(n > 0, "a median needs at least one waiting time");
    long low = (n - 1) / 2;
    long high = n / 2;
    Long lowValue = null;
    Long highValue = null;
    long seen = 0;
    for (Map.Entry<Long, Long> e : sorted.entrySet()) {
      long next = seen + e.getValue();
      if (lowValue == null && low < next) {
        lowValue = e.getKey();
      }
      if (highValue == null && high < next) {
        highValue = e.getKey();
        break;
      }
      seen = next;
    }
    return BigDecimal.valueOf(lowValue + highValue).divide(BigDecimal.valueOf(2)).setScale(1);
  }

  static BigDecimal of(long... waits) {
    return of(Arrays.stream(waits).boxed().toList());
  }
}
