package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A property over generated releases (a seeded loop over many small random releases, each attacked by brute force;
 * no property-testing library needed): a reader holding the release's record rows (with their breakdown values,
 * some withheld as {@code *}, with or without the 0/1 count columns) and the published table tries every assignment
 * of what the release does not show; whenever that pins a suppressed cell to fewer values than the suppression band,
 * {@link TablesBesideRecords} has stopped the release. And every release it lets through has no suppressed cell
 * beside the rows. The counters show the attack is real even without the count columns and with every breakdown
 * value withheld, which is why the rule is about the release's make-up.
 */
class TablesBesideRecordsPropertyTest {
  private static final String METRIC = "m";
  private static final List<String> AGES = List.of("a1", "a2", "a3");
  private static final List<String> SEXES = List.of("s1", "s2");

  /** One true row: its groups, whether it is in the metric's population (den) and counted (num <= den). */
  record Row(String age, String sex, int num, int den) {}

  /** What the release shows of the rows. */
  record Release(List<Row> rows, boolean[] ageWithheld, boolean[] sexWithheld, int leftOut, boolean flags,
      boolean recordsReleased, SmallNumberRule rule) {}

  @Test
  void noReleaseItLetsThroughLetsAReaderRebuildASuppressedCell() {
    Random random = new Random(20261206L);
    int pinned = 0;
    int pinnedWithoutFlags = 0;
    int pinnedAllWithheld = 0;
    int accepted = 0;
    for (int round = 0; round < 1500; round++) {
      Release release = generate(random);
      ProtectedSummaryTable table = SummaryTableProtection.protect(table(release.rows()), release.rule());
      Optional<String> problem = TablesBesideRecords.problem(table, "summary.csv",
          release.recordsReleased() ? List.of("discharges.csv") : List.of());
      boolean suppressed = table.count(CellStatus.PRIMARY) + table.count(CellStatus.SECONDARY) > 0;
      if (problem.isEmpty()) {
        accepted++;
        assertFalse(release.recordsReleased() && suppressed, "round " + round + ": a suppressed table beside rows");
      }
      if (!release.recordsReleased()) {
        continue;
      }
      Map<List<String>, long[]> possible = bruteForce(release, table);
      if (possible == null) {
        continue;
      }
      for (Map.Entry<List<String>, long[]> cell : possible.entrySet()) {
        long[] range = cell.getValue();
        assertTrue(range[0] <= range[1], "round " + round + ": the true table is not among the possibilities");
        if (range[1] - range[0] + 1 < Math.max(2, release.rule().suppressUpTo())) {
          assertTrue(problem.isPresent(), "round " + round + ": cell " + cell.getKey() + " can be rebuilt from the "
              + "rows but the release was let through: " + release);
          pinned++;
          pinnedWithoutFlags += release.flags() ? 0 : 1;
          pinnedAllWithheld += allTrue(release.ageWithheld()) && allTrue(release.sexWithheld()) ? 1 : 0;
        }
      }
    }
    assertTrue(accepted > 100, "accepted " + accepted);
    assertTrue(pinned > 100, "pinned " + pinned);
    assertTrue(pinnedWithoutFlags > 10, "pinned without the 0/1 columns " + pinnedWithoutFlags);
    assertTrue(pinnedAllWithheld > 5, "pinned with every breakdown value withheld " + pinnedAllWithheld);
  }

  @Test
  void theIssuesReleaseStopsAndTheMessageNamesNoCount() {
    // care_home_after_discharge by age band: 65-74 has 4 (suppressed), the discharge rows are in the release.
    List<SummaryRow> rows = List.of(
        SummaryRow.proportion("care_home_after_discharge", "all", "all", 39, 170),
        SummaryRow.proportion("care_home_after_discharge", "age_band", "65-74", 4, 40),
        SummaryRow.proportion("care_home_after_discharge", "age_band", "75-84", 15, 60),
        SummaryRow.proportion("care_home_after_discharge", "age_band", "85+", 20, 70));
    ProtectedSummaryTable table = SummaryTableProtection.protect(rows, SmallNumberRule.hes());
    String problem = TablesBesideRecords.problem(table, "summary.csv", List.of("discharges.csv")).orElseThrow();
    assertTrue(problem.contains("care_home_after_discharge by age_band") && problem.contains("discharges.csv"),
        problem);
    assertFalse(problem.contains("65-74") || problem.matches(".*\\b(4|15|20|39)\\b.*"), problem);
    assertEquals(Optional.empty(), TablesBesideRecords.problem(table, "summary.csv", List.of()));
    ProtectedSummaryTable large = SummaryTableProtection.protect(List.of(
        SummaryRow.proportion("m", "all", "all", 40, 100), SummaryRow.proportion("m", "sex", "1", 20, 50),
        SummaryRow.proportion("m", "sex", "2", 20, 50)), SmallNumberRule.hes());
    assertEquals(Optional.empty(), TablesBesideRecords.problem(large, "summary.csv", List.of("discharges.csv")));
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }

  private static Release generate(Random random) {
    int n = 3 + random.nextInt(7);
    List<Row> rows = new ArrayList<>();
    boolean[] ageWithheld = new boolean[n];
    boolean[] sexWithheld = new boolean[n];
    boolean withholdAll = random.nextInt(4) == 0;
    for (int i = 0; i < n; i++) {
      int den = random.nextInt(5) > 0 ? 1 : 0;
      int num = den == 1 && random.nextBoolean() ? 1 : 0;
      rows.add(new Row(AGES.get(random.nextInt(AGES.size())), SEXES.get(random.nextInt(SEXES.size())), num, den));
      ageWithheld[i] = withholdAll || random.nextInt(4) == 0;
      sexWithheld[i] = withholdAll || random.nextInt(4) == 0;
    }
    int leftOut = random.nextInt(3);
    SmallNumberRule rule = new SmallNumberRule(1 + random.nextInt(3), 1 + random.nextInt(3));
    return new Release(rows, ageWithheld, sexWithheld, leftOut, random.nextBoolean(), random.nextInt(4) > 0, rule);
  }

  /** The table the metrics stage would write from every true row: all, by age, by sex (groups that occur). */
  private static List<SummaryRow> table(List<Row> all) {
    List<SummaryRow> rows = new ArrayList<>();
    rows.add(SummaryRow.proportion(METRIC, SummaryRow.ALL, SummaryRow.ALL, sum(all, null, null, true),
        sum(all, null, null, false)));
    for (String age : AGES) {
      if (all.stream().anyMatch(r -> r.age().equals(age))) {
        rows.add(SummaryRow.proportion(METRIC, "age", age, sum(all, age, null, true), sum(all, age, null, false)));
      }
    }
    for (String sex : SEXES) {
      if (all.stream().anyMatch(r -> r.sex().equals(sex))) {
        rows.add(SummaryRow.proportion(METRIC, "sex", sex, sum(all, null, sex, true), sum(all, null, sex, false)));
      }
    }
    return rows;
  }

  private static long sum(List<Row> rows, String age, String sex, boolean numerator) {
    return rows.stream().filter(r -> (age == null || r.age().equals(age)) && (sex == null || r.sex().equals(sex)))
        .mapToLong(r -> numerator ? r.num() : r.den()).sum();
  }

  /**
   * The reader: the last {@code leftOut} true rows are not in the release (the reader knows only how many); of the
   * others it sees each row's population membership (den), its count column (num) only when the flags are released,
   * and its age and sex unless withheld. Every assignment of the rest that agrees with every published cell; for each
   * suppressed cell, the smallest and largest count among them; null when there are too many to try (skipped).
   */
  private static Map<List<String>, long[]> bruteForce(Release release, ProtectedSummaryTable table) {
    List<PublishedSummaryRow> cells = table.rows();
    List<String> tableAges = groups(cells, "age");
    List<String> tableSexes = groups(cells, "sex");
    int released = release.rows().size() - release.leftOut();
    List<List<Row>> choices = new ArrayList<>();
    for (int i = 0; i < release.rows().size(); i++) {
      Row row = release.rows().get(i);
      List<Row> options = new ArrayList<>();
      if (i >= released) {
        options.add(new Row("", "", 0, 0));
        for (String age : tableAges) {
          for (String sex : tableSexes) {
            options.add(new Row(age, sex, 0, 1));
            options.add(new Row(age, sex, 1, 1));
          }
        }
      } else if (row.den() == 1) {
        for (String age : release.ageWithheld()[i] ? tableAges : List.of(row.age())) {
          for (String sex : release.sexWithheld()[i] ? tableSexes : List.of(row.sex())) {
            for (int num : release.flags() ? List.of(row.num()) : List.of(0, 1)) {
              options.add(new Row(age, sex, num, 1));
            }
          }
        }
      } else {
        continue;
      }
      choices.add(options);
    }
    long assignments = 1;
    for (List<Row> options : choices) {
      assignments *= options.size();
      if (assignments > 50_000) {
        return null;
      }
    }
    Map<List<String>, long[]> possible = new LinkedHashMap<>();
    for (PublishedSummaryRow c : cells) {
      if (c.numeratorStatus().isUnknown()) {
        possible.put(List.of(c.breakdown(), c.group(), "numerator"), new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      }
      if (c.denominatorStatus().isUnknown()) {
        possible.put(List.of(c.breakdown(), c.group(), "denominator"), new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      }
    }
    enumerate(choices, 0, new ArrayList<>(), cells, release.rule(), possible);
    return possible;
  }

  private static List<String> groups(List<PublishedSummaryRow> cells, String breakdown) {
    return cells.stream().filter(c -> c.breakdown().equals(breakdown)).map(PublishedSummaryRow::group).toList();
  }

  private static void enumerate(List<List<Row>> choices, int next, List<Row> chosen,
      List<PublishedSummaryRow> cells, SmallNumberRule rule, Map<List<String>, long[]> possible) {
    if (next == choices.size()) {
      Map<List<String>, Long> counts = new HashMap<>();
      for (PublishedSummaryRow c : cells) {
        String age = c.breakdown().equals("age") ? c.group() : null;
        String sex = c.breakdown().equals("sex") ? c.group() : null;
        long num = sum(chosen, age, sex, true);
        long den = sum(chosen, age, sex, false);
        if (!agrees(c.numerator(), c.numeratorStatus(), num, rule)
            || !agrees(c.denominator(), c.denominatorStatus(), den, rule)) {
          return;
        }
        counts.put(List.of(c.breakdown(), c.group(), "numerator"), num);
        counts.put(List.of(c.breakdown(), c.group(), "denominator"), den);
      }
      possible.forEach((key, range) -> {
        long v = counts.get(key);
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
      });
      return;
    }
    for (Row option : choices.get(next)) {
      chosen.add(option);
      enumerate(choices, next + 1, chosen, cells, rule, possible);
      chosen.remove(chosen.size() - 1);
    }
  }

  /** Whether a count agrees with a published cell: 0 is 0, else above the limit and rounding to it; * hides any. */
  private static boolean agrees(String shown, CellStatus status, long count, SmallNumberRule rule) {
    if (status != CellStatus.PUBLISHED) {
      return true;
    }
    long p = Long.parseLong(shown);
    return p == 0 ? count == 0 : count > rule.suppressUpTo() && rule.round(count) == p;
  }
}
