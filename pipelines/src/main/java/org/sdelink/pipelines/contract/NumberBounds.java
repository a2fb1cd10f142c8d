package org.sdelink.pipelines.contract;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The catalogue of the contracts' numeric columns and the values each may take (docs/data-contracts.md). A value
 * outside its bounds is a data error, not a measure: {@code Unit_Cost=1e309} once reached the release as a cost of
 * about 10^310 and bypassed the dominance rule. Bounds are generous ceilings, not typical values:
 *
 * <ul>
 *   <li>{@code Unit_Cost}: 0 to 1,000,000 (pounds per unit; the dearest care packages are a few thousand a week);
 *   <li>{@code Planned_Units_Per_Week}: 0 to 1,000 (hours, visits or meals; 168 hours of two-to-one care is 336);
 *   <li>{@code Total_Hrs_Caring_Per_Week}: 0 to 168 (the hours in a week);
 *   <li>{@code No_of_adults_being_cared_for}: a whole number, 0 to 20;
 *   <li>{@code EPIORDER}: a whole number, 1 to 87, or 98 (not applicable) or 99 (not known) (HES TOS);
 *   <li>{@code STARTAGE}: a whole number, 0 to 120, or 7001 to 7007 (ages under one year) (HES TOS).
 * </ul>
 */
public final class NumberBounds {
  /** One allowed interval, both ends included. */
  record Interval(BigDecimal min, BigDecimal max) {
    Interval {
      checkArgument(min.compareTo(max) <= 0, "min above max");
    }

    static Interval of(long min, long max) {
      return new Interval(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    boolean contains(BigDecimal value) {
      return min.compareTo(value) <= 0 && value.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
      return min.equals(max) ? min.toPlainString() : min.toPlainString() + " to " + max.toPlainString();
    }
  }

  /** The values one column may take: a union of intervals, whole numbers only when {@code wholeNumbers}. */
  public record Bound(String column, ImmutableList<Interval> intervals, boolean wholeNumbers) {
    /** Whether {@code value} (a finite number) is allowed. */
    public boolean allows(BigDecimal value) {
      if (wholeNumbers && value.stripTrailingZeros().scale() > 0) {
        return false;
      }
      return intervals.stream().anyMatch(i -> i.contains(value));
    }

    /** The bounds as a person reads them, e.g. {@code 1 to 87, 98 or 99 (whole numbers)}; never a value. */
    public String describe() {
      String ranges = intervals.stream().map(Interval::toString).collect(Collectors.joining(", "));
      int lastComma = ranges.lastIndexOf(", ");
      if (lastComma >= 0) {
        ranges = ranges.substring(0, lastComma) + " or " + ranges.substring(lastComma + 2);
      }
      return ranges + (wholeNumbers ? " (whole numbers)" : "");
    }
  }

  private static final ImmutableMap<InputSource, ImmutableList<Bound>> BOUNDS = ImmutableMap.of(
      InputSource.CLD, ImmutableList.of(
          new Bound("Unit_Cost", ImmutableList.of(Interval.of(0, 1_000_000)), false),
          new Bound("Planned_Units_Per_Week", ImmutableList.of(Interval.of(0, 1_000)), false),
          new Bound("Total_Hrs_Caring_Per_Week", ImmutableList.of(Interval.of(0, 168)), false),
          new Bound("No_of_adults_being_cared_for", ImmutableList.of(Interval.of(0, 20)), true)),
      InputSource.APC, ImmutableList.of(
          new Bound("EPIORDER", ImmutableList.of(Interval.of(1, 87), Interval.of(98, 99)), true),
          new Bound("STARTAGE", ImmutableList.of(Interval.of(0, 120), Interval.of(7001, 7007)), true)));

  private NumberBounds() {}

  /** The numeric columns of {@code source}'s contract and their bounds, in contract order. */
  public static ImmutableList<Bound> of(InputSource source) {
    return BOUNDS.get(source);
  }
}
