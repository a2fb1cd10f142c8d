package org.sdelink.pipelines.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The value rules a row must meet beyond its dates being readable: a real date not before 1900 (HES's 1800-01-01 and
 * 1801-01-01 "no date" sentinels are allowed in APC), an end not before its start, and numbers (costs, units, hours,
 * ages) that are finite numbers within the bounds of {@link NumberBounds}. Each failure names the column and a reason
 * code, never the value.
 */
public final class RowRules {
  /** One failed rule. */
  public record Failure(String column, String reason, String message) {}

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final Map<InputSource, String[][]> END_AFTER_START = Map.of(
      InputSource.CLD, new String[][] {{"Event_Start_Date", "Event_End_Date"},
          {"Reporting_Period_Start_Date", "Reporting_Period_End_Date"}},
      InputSource.APC, new String[][] {{"EPISTART", "EPIEND"}, {"ADMIDATE", "DISDATE"}});

  private RowRules() {}

  /** The first rule {@code values} break, if any. Date columns are already known to be readable or blank. */
  public static Optional<Failure> check(InputSource source, Map<String, String> values) {
    for (String column : source.dateColumns()) {
      if (source.identifierColumns().contains(column)) {
        continue;
      }
      Optional<LocalDate> date = ContractDates.parse(values.getOrDefault(column, ""));
      if (date.isPresent() && date.get().isBefore(EARLIEST)
          && !(source == InputSource.APC && ContractDates.isHesNullSentinel(date.get()))) {
        return Optional.of(new Failure(column, "IMPLAUSIBLE_DATE", "date before 1900 (and not a HES no-date"
            + " sentinel in APC)"));
      }
    }
    for (String[] pair : END_AFTER_START.get(source)) {
      Optional<LocalDate> start = realDate(values.get(pair[0]));
      Optional<LocalDate> end = realDate(values.get(pair[1]));
      if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
        return Optional.of(new Failure(pair[1], "END_BEFORE_START", pair[1] + " is before " + pair[0]));
      }
    }
    for (NumberBounds.Bound bound : NumberBounds.of(source)) {
      String column = bound.column();
      String value = values.getOrDefault(column, "").trim();
      if (value.isEmpty()) {
        continue;
      }
      BigDecimal number;
      try {
        number = new BigDecimal(value);
      } catch (NumberFormatException e) {
        return Optional.of(new Failure(column, "INVALID_NUMBER", "not a number"));
      }
      if (number.signum() < 0) {
        return Optional.of(new Failure(column, column.equals("Unit_Cost") ? "NEGATIVE_COST" : "NEGATIVE_NUMBER",
            "negative value"));
      }
      if (!bound.allows(number)) {
        return Optional.of(new Failure(column, "NUMBER_OUT_OF_RANGE", column + " must be " + bound.describe()
            + " (docs/data-contracts.md)"));
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> realDate(String value) {
    return ContractDates.parse(value == null ? "" : value).filter(d -> !ContractDates.isHesNullSentinel(d));
  }
}
