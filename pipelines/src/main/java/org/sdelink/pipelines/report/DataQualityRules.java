package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sdelink.metrics.costs.PlannedWeeklyCost;
import org.sdelink.metrics.records.RecordDates;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;

/**
 * Whether a data-quality field applies to a record, is filled and is valid. Code validity comes from the operator's
 * code lists ({@link CodeLists}); a coded field without a list (or every coded field, when no lists were given) is
 * not checked, and {@link #checksValidity} says so, so that a page never shows an unchecked field as valid.
 */
public final class DataQualityRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A field's outcome on one record it applies to. */
  public record Outcome(boolean filled, boolean valid) {}

  private final CodeLists codes;

  private DataQualityRules(CodeLists codes) {
    this.codes = codes;
  }

  /** Rules checking codes against {@code codes} ({@link CodeLists#none()} checks none). */
  public static DataQualityRules with(CodeLists codes) {
    return new DataQualityRules(checkNotNull(codes, "codes"));
  }

  /** Whether the validity of {@code field} is checked: always, except coded fields without a code list. */
  public boolean checksValidity(DataQualityField field) {
    return field.check() != DataQualityField.Check.CODE || codes.checks(InputSource.CLD, field.field());
  }

  /** Whether any coded field is checked, i.e. code lists were given. */
  public boolean checksAnyCode() {
    return !codes.checkedColumns(InputSource.CLD).isEmpty();
  }

  /** The field's outcome on a record (column name to value), or empty when the field does not apply to it. */
  public Optional<Outcome> assess(DataQualityField field, Map<String, String> row) {
    checkNotNull(field, "field");
    checkNotNull(row, "row");
    if (!applies(field.scope(), row)) {
      return Optional.empty();
    }
    String value = value(row, field.column());
    boolean filled = switch (field.check()) {
      case NHS_NUMBER, DATE_OF_BIRTH -> !value.isEmpty() && !value.equals("MISSING");
      default -> !value.isEmpty();
    };
    boolean valid = filled && checksValidity(field) && switch (field.check()) {
      case PRESENT -> true;
      case NHS_NUMBER, DATE_OF_BIRTH -> value.equals("VALID");
      case DATE -> RecordDates.tryParse(value).isPresent();
      case NUMBER -> isNonNegativeNumber(value);
      case CODE -> codes.permits(InputSource.CLD, field.field(), value);
    };
    return Optional.of(new Outcome(filled, valid));
  }

  private static boolean applies(DataQualityField.Scope scope, Map<String, String> row) {
    String eventType = value(row, "Event_Type").toLowerCase(Locale.ROOT);
    boolean ended = !value(row, "Event_End_Date").isEmpty();
    return switch (scope) {
      case ALL -> true;
      case SERVICE_USERS -> !isCarer(value(row, "Client_Type"));
      case ENDED_EVENTS -> ended;
      case REQUESTS -> eventType.equals("request");
      case ASSESSMENTS -> eventType.equals("assessment");
      case SERVICES -> eventType.equals("service");
      case PER_UNIT_SERVICES -> eventType.equals("service") && isPerUnit(value(row, "Cost_Frequency_Unit_Type"));
      case REVIEWS -> eventType.equals("review");
      case ENDED_REVIEWS -> eventType.equals("review") && ended;
    };
  }

  /** Client_Type of a carer in either release: Carer, Carer known by association, Unpaid carer, ... */
  static boolean isCarer(String clientType) {
    String type = clientType.toLowerCase(Locale.ROOT);
    return type.startsWith("carer") || type.startsWith("unpaid carer");
  }

  /**
   * A price the metrics' cost rule multiplies by the planned units a week (hourly, per session, daily): asked of that
   * rule itself, so the list lives in one place. Such a price has a weekly cost with units and none without.
   */
  static boolean isPerUnit(String frequency) {
    return PlannedWeeklyCost.of("1", frequency, "1").isPresent() && PlannedWeeklyCost.of("1", frequency, "").isEmpty();
  }

  private static boolean isNonNegativeNumber(String text) {
    try {
      return new BigDecimal(text).signum() >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String value(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value.trim();
  }
}
