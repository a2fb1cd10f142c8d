package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sdelink link --model SPEC --input FILE}: de-duplication of a small file through the command line, its
 * outputs (spine with one row per record, pairs.csv whose rows match its header), {@code evaluate --truth-column},
 * and model and column errors shown in full, naming key, level and line, never a value.
 */
class GenericLinkCommandTest {
  @TempDir Path root;

  private static final String MODEL = """
      name: small-dedupe
      link_type: dedupe_only
      id_column: unique_id
      fields:
        - name: first_name
        - name: surname
        - name: dob
          type: date
        - name: email
        - {name: email_user, column: email, transform: email_user}
      comparisons:
        - name: first_name
          levels:
            - {type: missing, field: first_name}
            - {type: exact, field: first_name, tf_adjust: true}
            - {type: levenshtein, field: first_name, distance: 2}
            - {type: else}
        - name: surname
          levels:
            - {type: missing, field: surname}
            - {type: exact, field: surname, tf_adjust: true}
            - {type: damerau_levenshtein, field: surname, distance: 1}
            - {type: else}
        - name: dob
          levels:
            - {type: missing, field: dob}
            - {type: dob_exact, date: dob}
            - {type: date_difference, date: dob, tolerance: 1, unit: month}
            - {type: else}
        - name: email
          levels:
            - {type: missing, field: email}
            - {type: exact, field: email_user, tf_adjust: true}
            - {type: else}
      blocking:
        - {name: dob_year, fields: [dob_year]}
        - {name: surname, fields: [surname]}
      estimation:
        u_sample_pairs: 5000
        deterministic_rules:
          - {name: email, fields: [email]}
        deterministic_recall: 0.6
        min_deterministic_links: 1
      thresholds: {match_weight: 0}
      """;

  /** 12 people, 1 to 3 records each, with typos; two share a surname. */
  private static String input() {
    StringBuilder csv = new StringBuilder("unique_id,first_name,surname,dob,email,cluster\n");
    String[][] people = {
      {"ann", "smith", "1970-01-01", "ann.smith"}, {"bob", "jones", "1971-02-02", "bobj"},
      {"cat", "brown", "1972-03-03", "catb"}, {"dan", "white", "1973-04-04", "dwhite"},
      {"eve", "black", "1974-05-05", "eveb"}, {"fay", "green", "1975-06-06", "fayg"},
      {"gus", "smith", "1976-07-07", "gus.s"}, {"hal", "young", "1977-08-08", "haly"},
      {"ivy", "king", "1978-09-09", "ivyk"}, {"jon", "wood", "1979-10-10", "jonw"},
      {"kay", "hill", "1980-11-11", "kayh"}, {"lee", "moore", "1981-12-12", "leem"},
    };
    int id = 0;
    for (int p = 0; p < people.length; p++) {
      String[] person = people[p];
      int copies = 1 + p % 3;
      for (int c = 0; c < copies; c++) {
        String first = c == 1 ? person[0] + "x" : person[0];
        String surname = c == 2 ? person[1].substring(1, 2) + person[1].charAt(0) + person[1].substring(2)
            : person[1];
        String dob = c == 2 ? person[2].substring(0, 8) + "2" + person[2].substring(9) : person[2];
        if (c == 1 && p % 2 == 0) {
          dob = "-0050-01-0"; // unreadable: read as missing, counted
        }
        csv.append(id++).append(',').append(first).append(',').append(surname).append(',').append(dob).append(',')
            .append(person[3]).append("@example.org,").append(p).append('\n');
      }
    }
    return csv.toString();
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void deduplicatesAFileAndEvaluatesItAgainstItsTruthColumn() throws Exception {
    Path model = Files.writeString(root.resolve("model.yaml"), MODEL);
    Path input = Files.writeString(root.resolve("people.csv"), input());
    Path output = root.resolve("out");
    Result linked = run("link", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString());
    assertEquals(0, linked.code(), linked.err());
    assertTrue(linked.err().contains("date field 'dob'"), "unreadable dates are reported: " + linked.err());
    assertFalse(linked.err().contains("-0050"), "no value is quoted");

    List<String> spine = Files.readAllLines(output.resolve("spine.csv"));
    assertEquals("source,record_id,person_id,match_rule,match_weight", spine.get(0));
    long records = input().lines().count() - 1;
    assertEquals(records, spine.size() - 1, "one spine row per record");
    Map<String, String> personById = new HashMap<>();
    for (String line : spine.subList(1, spine.size())) {
      String[] cells = line.split(",", -1);
      assertEquals("people", cells[0], "the source is named after the file");
      personById.put(cells[1], cells[2]);
    }
    Set<String> persons = new HashSet<>(personById.values());
    assertTrue(persons.size() < records, "some records were joined");

    List<String> pairs = Files.readAllLines(output.resolve("pairs.csv"));
    String[] header = pairs.get(0).split(",");
    assertEquals(List.of("source_l", "record_id_l", "source_r", "record_id_r", "match_weight", "match_probability",
        "status", "match_rule"), List.of(header).subList(0, 8));
    assertTrue(pairs.size() > 1);
    for (String line : pairs.subList(1, pairs.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(header.length, cells.length, "every row matches the header");
      assertEquals(personById.get(cells[1]), personById.get(cells[3]), "an accepted pair is one person");
      assertEquals("accepted", cells[6]);
    }
    String report = Files.readString(output.resolve("link-report.json"));
    assertTrue(report.contains("\"unreadable_dates_read_as_missing\" : {\n        \"dob\" : 4"), report);

    Result evaluated = run("evaluate", "--spine", output.resolve("spine.csv").toString(), "--truth",
        input.toString(), "--truth-column", "cluster", "--truth-id-column", "unique_id");
    assertEquals(0, evaluated.code(), evaluated.err());
    assertTrue(evaluated.out().contains("record pairs"), evaluated.out());
    assertFalse(evaluated.out().contains("n/a"), evaluated.out());
  }

  @Test
  void evaluatePrintsNotApplicableWithoutPairs() throws Exception {
    Path spine = Files.writeString(root.resolve("spine.csv"),
        "source,record_id,person_id,match_rule,match_weight\nx,1,P1,unlinked,\nx,2,P2,unlinked,\n");
    Path truth = Files.writeString(root.resolve("truth.csv"), "record_id,cluster\n1,a\n2,b\n");
    Result evaluated = run("evaluate", "--spine", spine.toString(), "--truth", truth.toString(), "--truth-column",
        "cluster");
    assertEquals(0, evaluated.code(), evaluated.err());
    assertTrue(evaluated.out().contains("n/a"), evaluated.out());
    assertFalse(evaluated.out().contains("1.0000"), "no precision of 1 on zero pairs: " + evaluated.out());
    assertTrue(evaluated.out().contains("no predicted and no true pairs"), evaluated.out());
  }

  @Test
  void aSpecErrorIsShownWithKeyLevelAndLine() throws Exception {
    Path model = Files.writeString(root.resolve("bad.yaml"),
        MODEL.replace("{type: exact, field: email_user, tf_adjust: true}",
            "{type: jaro_winkler, field: email_user, threshold: 0.9, tf_adjust: true}"));
    Path input = Files.writeString(root.resolve("people.csv"), input());
    Result result = run("link", "--model", model.toString(), "--input", input.toString(), "--output",
        root.resolve("out").toString());
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains("comparison 'email' level"), result.err());
    assertTrue(result.err().contains("tf_adjust"), result.err());
    assertTrue(result.err().contains("comparisons[3].levels[1], line 33"), result.err());
    assertFalse(result.err().contains("no details are shown"), result.err());
  }

  @Test
  void aMissingColumnIsNamedWithItsFieldAndModelLine() throws Exception {
    Path model = Files.writeString(root.resolve("model.yaml"), MODEL);
    Path input = Files.writeString(root.resolve("people.csv"), input().replace(",email,", ",mail,"));
    Result result = run("link", "--model", model.toString(), "--input", input.toString(), "--output",
        root.resolve("out").toString());
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains("people.csv (source 'people') has no column 'email', which field 'email'"
        + " reads (model line 9)"), result.err());
    assertFalse(result.err().contains("ann"), "no value is quoted");
  }

  @Test
  void theTopLevelHelpEndsEveryCommandSummaryWithASentence() {
    Result help = run("--help");
    assertEquals(0, help.code());
    String commands = help.out().substring(help.out().indexOf("Commands:"));
    StringBuilder summary = new StringBuilder();
    for (String line : commands.lines().skip(1).toList()) {
      if (line.startsWith("  ") && !line.startsWith("    ") && summary.length() > 0) {
        assertTrue(summary.toString().trim().endsWith("."), "cut mid-sentence: " + summary);
        summary.setLength(0);
      }
      summary.append(line.trim().replaceFirst("^[a-z]+ +", "")).append(' ');
    }
    assertTrue(summary.toString().trim().endsWith("."), "cut mid-sentence: " + summary);
  }
}
