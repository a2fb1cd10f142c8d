package org.sdelink.metrics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial year, 1 April to 31 March, as written on the command line ({@code 2024-25}): the period of the SALT
 * tables. Its end is also the SALT snapshot date and the reference date of derived ages.
 */
public record FinancialYear(int firstYear) implements Serializable {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{2})");

  public FinancialYear {
    checkArgument(firstYear >= 2000 && firstYear < 2100, "a financial year must start between 2000 and 2099");
  }

  /** Parses {@code yyyy-yy}, e.g. {@code 2024-25}; the second part must be the year after the first. */
  public static FinancialYear parse(String text) {
    checkNotNull(text, "text");
    Matcher m = TEXT.matcher(text.trim());
    checkArgument(m.matches(), "a financial year is written yyyy-yy, e.g. 2024-25");
    int first = Integer.parseInt(m.group(1));
    checkArgument(Integer.parseInt(m.group(2)) == (first + 1) % 100,
        "a financial year is written yyyy-yy with consecutive years, e.g. 2024-25");
    return new FinancialYear(first);
  }

  /** 1 April of the first year. */
  public LocalDate start() {
    return LocalDate.of(firstYear, 4, 1);
  }

  /** 31 March of the second year: the year end and snapshot date. */
  public LocalDate end() {
    return LocalDate.of(firstYear + 1, 3, 31);
  }

  /** True when {@code day} is in [start, end]. */
  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(start()) && !day.isAfter(end());
  }

  @Override
  public String toString() {
    return String.format("%d-%02d", firstYear, (firstYear + 1) % 100);
  }
}
