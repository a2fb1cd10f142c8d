package org.sdelink.linkage.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

/** Levenshtein, Damerau-Levenshtein, date difference and e-mail user levels, and the similarity cache. */
class EditAndDateLevelsTest {
  private static final LinkageModel MODEL = TestModels.fromYaml("""
      name: levels
      link_type: dedupe_only
      fields:
        - name: name
        - name: dob
          type: date
        - name: email
        - {name: email_user, column: email, transform: email_user}
      comparisons:
        - name: name
          levels:
            - {type: missing, field: name}
            - {type: exact, field: name}
            - {type: levenshtein, field: name, distance: 1}
            - {type: damerau_levenshtein, field: name, distance: 1}
            - {type: levenshtein, field: name, distance: 2}
            - {type: else}
        - name: dob
          levels:
            - {type: missing, field: dob}
            - {type: dob_exact, date: dob}
            - {type: date_difference, date: dob, tolerance: 10, unit: day}
            - {type: date_difference, date: dob, tolerance: 1, unit: month}
            - {type: date_difference, date: dob, tolerance: 1, unit: year}
            - {type: else}
        - name: email
          levels:
            - {type: missing, field: email}
            - {type: exact, field: email}
            - {type: exact, field: email_user, tf_adjust: true}
            - {type: jaro_winkler, field: email_user, threshold: 0.95}
            - {type: jaro_winkler, field: email_user, threshold: 0.8}
            - {type: else}
      blocking:
        - {name: name, fields: [name]}
      """);

  private static final PairComparator COMPARATOR = PairComparator.create(MODEL);

  private static LinkRecord record(String id, String name, String dob, String email) {
    Map<String, String> row = new HashMap<>();
    row.put("record_id", id);
    row.put("name", name);
    row.put("dob", dob);
    row.put("email", email);
    return MODEL.record("input", row);
  }

  private static int level(int comparison, LinkRecord a, LinkRecord b) {
    int forward = COMPARATOR.level(comparison, a, b);
    assertEquals(forward, COMPARATOR.level(comparison, b, a), "levels are symmetric");
    return forward;
  }

  @Test
  void editDistances() {
    LinkRecord martha = record("1", "martha", "", "");
    assertEquals(1, level(0, martha, record("2", "martha", "", "")));
    assertEquals(2, level(0, martha, record("3", "marta", "", "")), "one deletion");
    assertEquals(3, level(0, martha, record("4", "marhta", "", "")), "one transposition: Damerau 1, Levenshtein 2");
    assertEquals(4, level(0, martha, record("5", "marxhz", "", "")), "two substitutions");
    assertEquals(5, level(0, martha, record("6", "jones", "", "")));
    assertEquals(0, level(0, martha, record("7", "", "", "")), "missing");
  }

  @Test
  void dateDifferences() {
    LinkRecord a = record("1", "", "1971-06-24", "");
    assertEquals(1, level(1, a, record("2", "", "19710624", "")), "both formats read alike");
    assertEquals(2, level(1, a, record("3", "", "1971-07-03", "")), "9 days");
    assertEquals(3, level(1, a, record("4", "", "1971-07-20", "")), "26 days: within a month");
    assertEquals(4, level(1, a, record("5", "", "1970-08-01", "")), "within a year");
    assertEquals(5, level(1, a, record("6", "", "1969-06-24", "")), "two years");
    assertEquals(4, level(1, record("7", "", "2000-12-31", ""), record("8", "", "2001-01-31", "")),
        "31 days, across a year end: more than a month (30.4375 days), within a year");
    assertEquals(0, level(1, a, record("9", "", "-0050-01-0", "")), "an unreadable date is missing");
  }

  @Test
  void unreadableDatesAreCounted() {
    Map<String, String> row = new HashMap<>(Map.of("record_id", "1", "name", "x", "dob", "-0050-01-0", "email", ""));
    assertEquals(java.util.List.of("dob"), MODEL.reader().unreadableDates("input", row));
    row.put("dob", "1971-06-24");
    assertEquals(java.util.List.of(), MODEL.reader().unreadableDates("input", row));
  }

  @Test
  void emailUserPartAndCachedJaroWinklerLevels() {
    LinkRecord a = record("1", "", "", "robert255@smith.net");
    assertEquals(1, level(2, a, record("2", "", "", "robert255@smith.net")));
    assertEquals(2, level(2, a, record("3", "", "", "robert255@jones.com")), "same user part");
    assertEquals(3, level(2, a, record("4", "", "", "robert256@jones.com")), "user Jaro-Winkler >= 0.95");
    assertEquals(4, level(2, a, record("5", "", "", "robbie25@jones.com")), "user Jaro-Winkler in [0.8, 0.95)");
    assertEquals(5, level(2, a, record("6", "", "", "zzz@jones.com")));
    assertEquals(0, level(2, a, record("7", "", "", "")));
    assertEquals(3, level(2, a, record("8", "", "", "roberta25@x")),
        "the cached similarity gives what each level alone gives");
  }

  @Test
  void shortcutsNeverChangeALevel() {
    java.util.Random random = new java.util.Random(7);
    String letters = "aabcdeilmnorst";
    for (int i = 0; i < 20_000; i++) {
      String x = randomWord(random, letters);
      String y = random.nextInt(3) == 0 ? mutate(random, x, letters) : randomWord(random, letters);
      LinkRecord a = record("a", x, "", x + "@example.org");
      LinkRecord b = record("b", y, "", y + "@example.org");
      for (int comparison : new int[] {0, 2}) {
        int expected = 0;
        var levels = MODEL.comparisons().get(comparison).levels();
        while (expected < levels.size() - 1
            && !ComparisonLevels.compile(levels.get(expected), MODEL).matches(a, b)) {
          expected++;
        }
        assertEquals(expected, COMPARATOR.level(comparison, a, b), x + " / " + y);
      }
      int bound = StringSimilarity.characterDifference(x, y);
      int distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(x, y);
      assertEquals(true, bound <= distance, "the bound is a lower bound: " + x + " / " + y);
      assertEquals(true, StringSimilarity.jaro(x, y) <= StringSimilarity.jaroUpperBound(x, y) + 1e-12);
    }
  }

  private static String randomWord(java.util.Random random, String letters) {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }

  private static String mutate(java.util.Random random, String word, String letters) {
    StringBuilder mutated = new StringBuilder(word);
    int position = random.nextInt(word.length());
    switch (random.nextInt(3)) {
      case 0 -> mutated.setCharAt(position, letters.charAt(random.nextInt(letters.length())));
      case 1 -> mutated.insert(position, letters.charAt(random.nextInt(letters.length())));
      default -> {
        if (word.length() > 1) {
          mutated.deleteCharAt(position);
        }
      }
    }
    return mutated.toString();
  }
}
