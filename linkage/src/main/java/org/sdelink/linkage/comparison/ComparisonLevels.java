package org.sdelink.linkage.comparison;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.sdelink.linkage.model.DateFields;
import org.sdelink.linkage.model.DateUnit;
import org.sdelink.linkage.model.LevelSpec;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

/**
 * Compiles {@link LevelSpec}s into {@link ComparisonLevel}s. Every rule here treats a missing value as agreeing
 * with nothing: only the {@code missing} level is true of missing values.
 */
public final class ComparisonLevels {
  private ComparisonLevels() {}

  /** The compiled form of {@code level}, reading fields of {@code model}'s record layout. */
  public static ComparisonLevel compile(LevelSpec level, LinkageModel model) {
    checkNotNull(level, "level");
    RecordLayout layout = model.layout();
    int[] fields = indices(layout, level.fields());
    return switch (level.type()) {
      case MISSING -> new Missing(fields);
      case EXACT -> new AllEqual(fields);
      case PHONETIC -> new AnyEqual(fields);
      case TOKEN_OVERLAP -> new TokenOverlap(fields[0]);
      case BLOOM_DICE -> new BloomDice(fields[0], level.threshold());
      case BIGRAM_DICE -> new BigramDice(fields[0], level.threshold());
      case JARO_WINKLER -> new JaroWinkler(fields[0], level.threshold());
      case DOB_EXACT -> new AllEqual(new int[] {layout.indexOf(model.date(level.date()).full())});
      case DOB_SWAPPED -> swapped(layout, model.date(level.date()));
      case DOB_TWO_OF_THREE -> twoOfThree(layout, model.date(level.date()));
      case LEVENSHTEIN -> new EditDistanceWithin(fields[0], level.distance(), false);
      case DAMERAU_LEVENSHTEIN -> new EditDistanceWithin(fields[0], level.distance(), true);
      case DATE_DIFFERENCE -> dateDifference(layout, model.date(level.date()), level);
      case YEAR_WITHIN -> new YearWithin(fields[0], level.tolerance() == null ? 1 : level.tolerance());
      case ELSE -> new Else();
    };
  }

  /** The date check of the cascade and the {@code dob_*} levels: exact, or day/month swapped, or two of three. */
  public static ComparisonLevel partialDateAgreement(LinkageModel model, String date) {
    DateFields parts = model.date(date);
    RecordLayout layout = model.layout();
    ComparisonLevel exact = new AllEqual(new int[] {layout.indexOf(parts.full())});
    ComparisonLevel swapped = swapped(layout, parts);
    ComparisonLevel twoOfThree = twoOfThree(layout, parts);
    return (a, b) -> exact.matches(a, b) || swapped.matches(a, b) || twoOfThree.matches(a, b);
  }

  private static ComparisonLevel swapped(RecordLayout layout, DateFields parts) {
    return new Swapped(layout.indexOf(parts.full()), layout.indexOf(parts.swapped()));
  }

  private static ComparisonLevel twoOfThree(RecordLayout layout, DateFields parts) {
    return new TwoOfThree(
        layout.indexOf(parts.year()), layout.indexOf(parts.month()), layout.indexOf(parts.day()));
  }

  private static ComparisonLevel dateDifference(RecordLayout layout, DateFields parts, LevelSpec level) {
    DateUnit unit = level.unit() == null ? DateUnit.DAY : level.unit();
    return new DateDifference(
        layout.indexOf(parts.year()),
        layout.indexOf(parts.month()),
        layout.indexOf(parts.day()),
        level.tolerance() * unit.days());
  }

  static int[] indices(RecordLayout layout, List<String> fields) {
    return fields.stream().mapToInt(layout::indexOf).toArray();
  }

  static boolean equalPresent(LinkRecord a, LinkRecord b, int field) {
    return a.sameValue(b, field);
  }

  /** Every field is missing on at least one side. */
  private record Missing(int[] fields) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      for (int field : fields) {
        if (a.has(field) && b.has(field)) {
          return false;
        }
      }
      return true;
    }
  }

  private record AllEqual(int[] fields) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      for (int field : fields) {
        if (!equalPresent(a, b, field)) {
          return false;
        }
      }
      return true;
    }
  }

  private record AnyEqual(int[] fields) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      for (int field : fields) {
        if (equalPresent(a, b, field)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The two values, lists of tokens separated by spaces, '|' or ';', share a token. */
  private record TokenOverlap(int field) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      return a.sharesToken(b, field);
    }
  }

  private record BloomDice(int field, double threshold) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      return a.bloomDice(b, field) >= threshold;
    }
  }

  private record BigramDice(int field, double threshold) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      return valueA != null && valueB != null && StringSimilarity.bigramDice(valueA, valueB) >= threshold;
    }

    @Override
    public String similarityKey() {
      return "bigram_dice:" + field;
    }

    @Override
    public double similarity(LinkRecord a, LinkRecord b) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      return valueA == null || valueB == null ? -1 : StringSimilarity.bigramDice(valueA, valueB);
    }
  }

  private record JaroWinkler(int field, double threshold) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      return valueA != null && valueB != null && StringSimilarity.jaroWinkler(valueA, valueB) >= threshold;
    }

    @Override
    public String similarityKey() {
      return "jaro_winkler:" + field;
    }

    @Override
    public double similarity(LinkRecord a, LinkRecord b, double floor) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      if (valueA == null || valueB == null) {
        return -1;
      }
      double bound = StringSimilarity.jaroUpperBound(valueA, valueB);
      if (bound < floor && bound < 0.7) {
        return bound; // Jaro-Winkler is Jaro below 0.7, and Jaro is at most the bound: every level fails
      }
      return StringSimilarity.jaroWinkler(valueA, valueB);
    }

    @Override
    public double similarity(LinkRecord a, LinkRecord b) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      return valueA == null || valueB == null ? -1 : StringSimilarity.jaroWinkler(valueA, valueB);
    }
  }

  /** One side's full date equals the other's day/month-swapped date. */
  private record Swapped(int full, int swapped) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      return a.sameValue(full, b, swapped) || b.sameValue(full, a, swapped);
    }
  }

  private record TwoOfThree(int year, int month, int day) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      int agreeing = 0;
      if (equalPresent(a, b, year)) {
        agreeing++;
      }
      if (equalPresent(a, b, month)) {
        agreeing++;
      }
      if (agreeing == 0) {
        return false;
      }
      return agreeing == 2 || equalPresent(a, b, day);
    }
  }

  /**
   * Levenshtein (or, with {@code transpositions}, Damerau-Levenshtein) distance at most {@code distance}, by Apache
   * Commons Text's bounded implementations (which stop once the distance exceeds the bound).
   */
  private record EditDistanceWithin(int field, int distance, boolean transpositions) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      String valueA = a.value(field);
      String valueB = b.value(field);
      if (valueA == null || valueB == null) {
        return false;
      }
      if (Math.abs(valueA.length() - valueB.length()) > distance
          || StringSimilarity.characterDifference(valueA, valueB) > distance) {
        return false;
      }
      int found = transpositions
          ? new DamerauLevenshteinDistance(distance).apply(valueA, valueB)
          : new LevenshteinDistance(distance).apply(valueA, valueB);
      return found >= 0 && found <= distance;
    }
  }

  /**
   * Two dates whose year, month and day are clear whole numbers (plaintext dates; tokens agree with nothing) lie at
   * most {@code maxDays} apart.
   */
  private record DateDifference(int year, int month, int day, double maxDays) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      long dayA = epochDay(a);
      long dayB = epochDay(b);
      return dayA != Long.MIN_VALUE && dayB != Long.MIN_VALUE && Math.abs(dayA - dayB) <= maxDays;
    }

    private long epochDay(LinkRecord record) {
      long y = record.number(year);
      long m = record.number(month);
      long d = record.number(day);
      if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
        return Long.MIN_VALUE;
      }
      return DateDifference.daysFromCivil(y, m, d);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(long y, long m, long d) {
      y -= m <= 2 ? 1 : 0;
      long era = Math.floorDiv(y, 400);
      long yoe = y - era * 400;
      long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
      long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      return era * 146097 + doe - 719468;
    }
  }

  /** Two clear whole numbers differ by at most {@code tolerance}; text that is not a number agrees with nothing. */
  private record YearWithin(int field, int tolerance) implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      long yearA = a.number(field);
      long yearB = b.number(field);
      return yearA >= 0 && yearB >= 0 && Math.abs(yearA - yearB) <= tolerance;
    }
  }

  private record Else() implements ComparisonLevel {
    @Override
    public boolean matches(LinkRecord a, LinkRecord b) {
      return true;
    }
  }
}
