package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdelink.policies.treatments.FieldTreatments;

/**
 * The generalisation levels a policy ladder may name:
 * <ul>
 *   <li>{@code age-band-Ny}: age bands of N years, top-coded at 90 (an age, or a band such as {@code 65-69} or
 *       {@code 85+}, becomes the N-year band holding it);
 *   <li>{@code year-band-Ny}: bands of N years without top code (e.g. birth years);
 *   <li>{@code month}, {@code quarter}, {@code year}: a date ({@code yyyy-MM-dd}) or month ({@code yyyy-MM}) to
 *       {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy};
 *   <li>{@code postcode-area}: a postcode district to its area, e.g. {@code LS1} to {@code LS};
 *   <li>{@code ethnic-group}: a CLD ethnicity to its group;
 *   <li>{@code lookup:NAME}: through a code table the pipeline supplies under NAME, e.g. {@code lookup:lsoa11-to-la};
 *       codes missing from the table become {@code *};
 *   <li>{@code withheld}: every value becomes {@code *}, blank included (whether a value was recorded can be as
 *       telling as the value).
 * </ul>
 */
public final class GeneralisationLevels {
  private static final Pattern AGE_BAND = Pattern.compile("age-band-(\\d{1,3})y");
  private static final Pattern YEAR_BAND = Pattern.compile("year-band-(\\d{1,3})y");
  private static final Pattern LOOKUP = Pattern.compile("lookup:([A-Za-z0-9_.-]+)");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4})|(\\+))?");

  private GeneralisationLevels() {}

  /** Whether {@code name} is spelled like a level (a {@code lookup:} table is only checked when resolved). */
  public static boolean isLevelName(String name) {
    checkNotNull(name, "name");
    return fixed(name).isPresent() || LOOKUP.matcher(name).matches() || bandWidth(AGE_BAND, name) > 0
        || bandWidth(YEAR_BAND, name) > 0;
  }

  /**
   * The level called {@code name}, with {@code lookups} holding the code tables {@code lookup:} levels name.
   *
   * @throws IllegalArgumentException when the name is not a level or names a table not supplied
   */
  public static GeneralisationLevel resolve(String name, Map<String, ? extends Map<String, String>> lookups) {
    checkNotNull(name, "name");
    checkNotNull(lookups, "lookups");
    Optional<GeneralisationLevel> fixed = fixed(name);
    if (fixed.isPresent()) {
      return fixed.get();
    }
    int ageWidth = bandWidth(AGE_BAND, name);
    if (ageWidth > 0) {
      return new Band(name, ageWidth, FieldTreatments.TOP_CODED_AGE);
    }
    int yearWidth = bandWidth(YEAR_BAND, name);
    if (yearWidth > 0) {
      return new Band(name, yearWidth, 0);
    }
    Matcher lookup = LOOKUP.matcher(name);
    if (lookup.matches()) {
      Map<String, String> table = lookups.get(lookup.group(1));
      checkArgument(table != null, "generalisation level %s needs the code table '%s': pass it to the gate",
          name, lookup.group(1));
      return new Lookup(name, ImmutableMap.copyOf(table));
    }
    throw new IllegalArgumentException("'" + name + "' is not a generalisation level: use age-band-Ny, "
        + "year-band-Ny, month, quarter, year, postcode-area, ethnic-group, lookup:TABLE or withheld");
  }

  /** What the level called {@code name} does, in plain English, without needing its code table. */
  public static String describe(String name) {
    checkNotNull(name, "name");
    Matcher lookup = LOOKUP.matcher(name);
    if (lookup.matches()) {
      return "the wider area or group from the code table " + lookup.group(1);
    }
    if (!isLevelName(name)) {
      return "'" + name + "' (not a known level)";
    }
    return resolve(name, ImmutableMap.of()).describe();
  }

  private static Optional<GeneralisationLevel> fixed(String name) {
    for (Fixed level : Fixed.values()) {
      if (level.levelName.equals(name)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  private static int bandWidth(Pattern pattern, String name) {
    Matcher m = pattern.matcher(name);
    if (!m.matches()) {
      return 0;
    }
    int width = Integer.parseInt(m.group(1));
    return width >= 1 && width <= 100 ? width : 0;
  }

  private enum Fixed implements GeneralisationLevel {
    MONTH("month", "the month (yyyy-mm) only") {
      @Override
      String coarsen(String value) {
        return parseMonth(value).map(YearMonth::toString).orElse(WITHHELD);
      }
    },
    QUARTER("quarter", "the quarter of the year (e.g. 2024-Q1) only") {
      @Override
      String coarsen(String value) {
        return parseMonth(value).map(FieldTreatments::quarter).orElse(WITHHELD);
      }
    },
    YEAR("year", "the year only") {
      @Override
      String coarsen(String value) {
        if (value.matches("\\d{4}(-Q[1-4])?")) {
          return value.substring(0, 4);
        }
        return parseMonth(value).map(m -> String.format("%04d", m.getYear())).orElse(WITHHELD);
      }
    },
    POSTCODE_AREA("postcode-area", "the postcode area (the leading letters, e.g. LS)") {
      @Override
      String coarsen(String value) {
        return FieldTreatments.postcodeArea(value).orElse(WITHHELD);
      }
    },
    ETHNIC_GROUP("ethnic-group", "the broad ethnic group") {
      @Override
      String coarsen(String value) {
        return FieldTreatments.ethnicGroup(value);
      }
    },
    WITHHELD_LEVEL("withheld", "withheld (shown as *)") {
      @Override
      String coarsen(String value) {
        return WITHHELD;
      }

      /** Blank too: whether a value was recorded can single a person out as well as the value itself. */
      @Override
      public String apply(String released) {
        checkNotNull(released, "released");
        return WITHHELD;
      }
    };

    private final String levelName;
    private final String description;

    Fixed(String levelName, String description) {
      this.levelName = levelName;
      this.description = description;
    }

    @Override
    public String levelName() {
      return levelName;
    }

    abstract String coarsen(String value);

    @Override
    public String apply(String released) {
      checkNotNull(released, "released");
      String value = released.trim();
      if (value.isEmpty()) {
        return value;
      }
      return WITHHELD.equals(value) ? WITHHELD : coarsen(value);
    }

    @Override
    public String describe() {
      return description;
    }

    private static Optional<YearMonth> parseMonth(String value) {
      try {
        return Optional.of(YearMonth.parse(value.length() >= 7 ? value.substring(0, 7) : value));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  private record Band(String levelName, int width, int openFrom) implements GeneralisationLevel {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(String released) {
      checkNotNull(released, "released");
      String value = released.trim();
      if (value.isEmpty()) {
        return value;
      }
      Matcher m = RANGE.matcher(value);
      if (!m.matches()) {
        return WITHHELD;
      }
      int low = Integer.parseInt(m.group(1));
      if (m.group(3) != null) {
        int from = openFrom > 0 ? Math.min(low, openFrom) : low;
        return (from / width) * width + "+";
      }
      int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
      if (high < low) {
        return WITHHELD;
      }
      return FieldTreatments.bandLabel(low, high, width, openFrom);
    }

    @Override
    public String describe() {
      return openFrom > 0
          ? width + "-year age bands (" + openFrom + " and over together)"
          : width + "-year bands";
    }
  }

  private record Lookup(String levelName, ImmutableMap<String, String> table) implements GeneralisationLevel {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(String released) {
      checkNotNull(released, "released");
      String value = released.trim();
      if (value.isEmpty()) {
        return value;
      }
      String mapped = table.get(value);
      return mapped == null ? WITHHELD : mapped;
    }

    @Override
    public String describe() {
      return "the wider area or group from the code table " + levelName.substring("lookup:".length());
    }

    @Override
    public String toString() {
      return "Lookup[" + levelName + ", " + table.size() + " codes]";
    }
  }
}
