package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import java.math.RoundingMode;

/**
 * The HES small-number rule for count tables: counts from 1 to {@code suppressUpTo} are suppressed (shown
 * {@code *}), zero is shown as 0, and every other count is rounded to the nearest {@code roundTo}.
 */
public record SmallNumberRule(int suppressUpTo, int roundTo) {
  /** The symbol a suppressed cell is shown as. */
  public static final String SUPPRESSED = "*";

  public SmallNumberRule {
    checkArgument(suppressUpTo >= 0, "suppressUpTo must be >= 0");
    checkArgument(roundTo >= 1, "roundTo must be >= 1");
  }

  /** The HES Analysis Guide rule: suppress 1 to 7, round the rest to the nearest 5. */
  public static SmallNumberRule hes() {
    return new SmallNumberRule(7, 5);
  }

  /** Whether {@code count} is a small number that must be suppressed by itself (primary suppression). */
  public boolean isSmall(long count) {
    checkArgument(count >= 0, "counts cannot be negative");
    return count >= 1 && count <= suppressUpTo;
  }

  /** {@code count} rounded to the nearest multiple of {@link #roundTo}, halves upward. */
  public long round(long count) {
    checkArgument(count >= 0, "counts cannot be negative");
    long lower = LongMath.divide(count, roundTo, RoundingMode.FLOOR) * roundTo;
    return 2 * (count - lower) >= roundTo ? lower + roundTo : lower;
  }
}
