package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;

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

  static BigDecimal of(long... waits) {
    return of(Arrays.stream(waits).boxed().toList());
  }
}
