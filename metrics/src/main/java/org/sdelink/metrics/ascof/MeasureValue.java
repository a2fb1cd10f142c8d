package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The value of one cell of {@code ascof.csv}: numerator, denominator (absent when it is not known, e.g. no population
 * given for 2B/2C) and the value rounded to one decimal, or no value and the reason why. Never a made-up number: a
 * zero or missing denominator leaves the value blank with its reason (the DHSC code writes 0 there). Rounding is half
 * away from zero on the exact ratio (the code's {@code ROUND(..., 1)} on a float).
 */
public record MeasureValue(long numerator, @Nullable Long denominator, @Nullable BigDecimal value, String blankReason) {
  public static final String NO_POPULATION = "no population denominator given (--population)";
  public static final String ZERO_DENOMINATOR = "denominator is zero";

  public MeasureValue {
    checkArgument(numerator >= 0, "numerator must not be negative");
    checkArgument(denominator == null || denominator >= 0, "denominator must not be negative");
    checkNotNull(blankReason, "blankReason");
    checkArgument((value == null) != blankReason.isEmpty(), "a value has no blank reason and a blank has one");
  }

  /** A percentage {@code 100 * numerator / denominator} (2A, 2D, 2E, 3D). */
  public static MeasureValue percentage(long numerator, long denominator) {
    return ratio(numerator, denominator, 100);
  }

  /** A rate per 100,000 of the population (2B, 2C); blank with the reason when the population is not given. */
  public static MeasureValue perHundredThousand(long numerator, Optional<Long> population) {
    checkNotNull(population, "population");
    if (population.isEmpty()) {
      return new MeasureValue(numerator, null, null, NO_POPULATION);
    }
    return ratio(numerator, population.get(), 100_000);
  }

  private static MeasureValue ratio(long numerator, long denominator, long scale) {
    checkArgument(numerator >= 0 && denominator >= 0, "counts must not be negative");
    if (denominator == 0) {
      return new MeasureValue(numerator, denominator, null, ZERO_DENOMINATOR);
    }
    BigDecimal value = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(scale))
        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    return new MeasureValue(numerator, denominator, value, "");
  }

  /** The value as written in the CSV: one decimal, or blank. */
  public String valueText() {
    return value == null ? "" : value.toPlainString();
  }

  /** The denominator as written in the CSV, or blank. */
  public String denominatorText() {
    return denominator == null ? "" : Long.toString(denominator);
  }
}
