package org.sdelink.metrics.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The planned weekly cost of one CLD service, from Unit_Cost, Cost_Frequency_Unit_Type and Planned_Units_Per_Week:
 * per-unit prices (hourly, per session, daily) times the planned units a week; weekly, fortnightly, 4-weekly,
 * monthly, quarterly and annual prices brought to a week (a year = 52 weeks); no charge = 0. A one-off price has no
 * weekly cost. Unknown frequencies, unreadable or negative numbers give no cost. Rounded to pennies, HALF_EVEN.
 */
public final class PlannedWeeklyCost {
  private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);

  private PlannedWeeklyCost() {}

  public static Optional<BigDecimal> of(String unitCost, String frequency, String plannedUnitsPerWeek) {
    Optional<BigDecimal> cost = number(unitCost);
    if (cost.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal price = cost.get();
    String unit = frequency == null ? "" : frequency.trim().toLowerCase(Locale.ROOT);
    BigDecimal weekly;
    switch (unit) {
      case "hourly", "per session", "daily" -> {
        Optional<BigDecimal> units = number(plannedUnitsPerWeek);
        if (units.isEmpty()) {
          return Optional.empty();
        }
        weekly = price.multiply(units.get());
      }
      case "weekly" -> weekly = price;
      case "fortnightly" -> weekly = price.divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_EVEN);
      case "4-weekly" -> weekly = price.divide(BigDecimal.valueOf(4), 10, RoundingMode.HALF_EVEN);
      case "monthly" -> weekly = price.multiply(BigDecimal.valueOf(12)).divide(WEEKS_PER_YEAR, 10,
          RoundingMode.HALF_EVEN);
      case "quarterly" -> weekly = price.multiply(BigDecimal.valueOf(4)).divide(WEEKS_PER_YEAR, 10,
          RoundingMode.HALF_EVEN);
      case "annually" -> weekly = price.divide(WEEKS_PER_YEAR, 10, RoundingMode.HALF_EVEN);
      case "no charge to client" -> weekly = BigDecimal.ZERO;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(weekly.setScale(2, RoundingMode.HALF_EVEN));
  }

  private static Optional<BigDecimal> number(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(text.trim());
      return value.signum() < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
