package org.sdelink.metrics.spells;

import com.google.common.base.CharMatcher;
import com.google.common.base.Strings;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.RecordDates;

/**
 * The age-at-discharge rule: whole years from the date of birth to DISDATE, where the date of birth is DOB, else the
 * first day of the MYDOB month. Unknown when DISDATE is missing or a HES sentinel, when neither birth field is usable,
 * or when birth would fall after discharge. The pseudonymise stage calls it per APC episode to fill {@code
 * age_at_disdate}, so that the date of birth itself never reaches the metrics.
 */
public final class AgeAtDischarge {
  private AgeAtDischarge() {}

  /** Age in whole years at {@code dischargeDate}; arguments may be {@code null} (missing). */
  public static OptionalInt years(
      @Nullable LocalDate dateOfBirth, @Nullable YearMonth monthOfBirth, @Nullable LocalDate dischargeDate) {
    if (dischargeDate == null || RecordDates.isHesSentinel(dischargeDate)) {
      return OptionalInt.empty();
    }
    LocalDate birth = dateOfBirth != null && !RecordDates.isHesSentinel(dateOfBirth)
        ? dateOfBirth
        : monthOfBirth == null ? null : monthOfBirth.atDay(1);
    if (birth == null || birth.isAfter(dischargeDate)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Period.between(birth, dischargeDate).getYears());
  }

  /**
   * Age from raw HES fields: DOB and DISDATE as {@code yyyy-MM-dd} or {@code dd/MM/yyyy} (the input contract's
   * formats), MYDOB as {@code MMYYYY} (or {@code MYYYY}). Blank, sentinel or unreadable values count as missing; no
   * value is ever echoed in an exception.
   */
  public static OptionalInt fromRawFields(
      @Nullable String dateOfBirth, @Nullable String monthOfBirth, @Nullable String dischargeDate) {
    return years(
        RecordDates.tryParseInput(dateOfBirth).orElse(null),
        parseMonthOfBirth(monthOfBirth).orElse(null),
        RecordDates.tryParseInput(dischargeDate).orElse(null));
  }

  /** The {@code age_at_disdate} column value for raw HES fields: the age as digits, or blank when unknown. */
  public static String column(
      @Nullable String dateOfBirth, @Nullable String monthOfBirth, @Nullable String dischargeDate) {
    OptionalInt age = fromRawFields(dateOfBirth, monthOfBirth, dischargeDate);
    return age.isPresent() ? Integer.toString(age.getAsInt()) : "";
  }

  /** Reads HES MYDOB ({@code MMYYYY}, or {@code MYYYY} with the leading zero dropped); empty when unusable. */
  public static Optional<YearMonth> parseMonthOfBirth(@Nullable String value) {
    String text = Strings.nullToEmpty(value).trim();
    if (text.length() == 5) {
      text = "0" + text;
    }
    if (text.length() != 6 || !CharMatcher.inRange('0', '9').matchesAllOf(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.of(Integer.parseInt(text.substring(2)), Integer.parseInt(text.substring(0, 2))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
