package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.cli.SdelinkCommand;

/**
 * Runs the whole demo through the command line, then scans every file it wrote (outside its own synthetic input) and
 * everything it printed for every raw NHS number, name, postcode and date of birth of the input: none may appear.
 */
class IdentifierLeakTest {
  @TempDir Path root;

  @Test
  void noRawIdentifierReachesAnyOutputOrTheLog() throws Exception {
    Path out = root.resolve("demo");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = SdelinkCommand.execute(new String[] {"demo", "--people", "600", "--seed", "4242", "--output",
        out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
    assertEquals(0, code, "demo failed: " + stderr);

    Identifiers ids = Identifiers.from(out.resolve("input"));
    assertTrue(ids.nhsNumbers.size() > 400 && ids.names.size() > 100 && ids.postcodes.size() > 300
        && ids.datesOfBirth.size() > 400, "too few identifiers collected: " + ids.counts());

    List<String> hits = new ArrayList<>();
    hits.addAll(ids.find("log", stdout + "\n" + stderr));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = out.relativize(file);
        if (relative.startsWith("input") || relative.toString().startsWith("demo-keystore")) {
          continue;
        }
        // Binary files (Parquet copies of released CSVs) are scanned as ISO-8859-1, where every byte is a character,
        // so identifiers stored as plain strings inside them are still found.
        String text = relative.toString().endsWith(".parquet")
            ? Files.readString(file, StandardCharsets.ISO_8859_1)
            : Files.readString(file, StandardCharsets.UTF_8);
        hits.addAll(ids.find(relative.toString(), text));
      }
    }
    assertTrue(hits.isEmpty(), "raw identifiers found: " + hits.subList(0, Math.min(10, hits.size())));
  }

  /** What separates cells in the scanned texts: CSV, JSON and Markdown punctuation. */
  private static final String CELL_SEPARATORS = "[,\"\\n\\r|\\t{}\\[\\]]+";

  /** The raw identifiers of the generator's input files, in every form a leak could take. */
  private static final class Identifiers {
    final Set<String> nhsNumbers = new HashSet<>();
    final Set<String> names = new HashSet<>();
    final Set<String> postcodes = new HashSet<>();
    final Set<String> datesOfBirth = new HashSet<>();

    static Identifiers from(Path input) throws Exception {
      Identifiers ids = new Identifiers();
      Set<String> categoryWords = new HashSet<>();
      for (Map<String, String> row : FlowFixture.readCsv(input.resolve("cld_events.csv"))) {
        ids.addNhs(row.get("NHS_Number"));
        ids.addName(row.get("First_Name"));
        ids.addName(row.get("Last_Name"));
        ids.addPostcode(row.get("Postcode"));
        ids.addDate(row.get("Date_of_Birth"));
        for (String cell : row.get("Ethnicity").split(CELL_SEPARATORS + "|:| - ")) {
          categoryWords.add(cell.trim().toUpperCase(Locale.ROOT));
        }
      }
      // The linkage report states ethnic groups ("White", "Black, Black British, ..."): a surname that is also a
      // word of an ethnic category is not evidence of a leak.
      ids.names.removeAll(categoryWords);
      for (Map<String, String> row : FlowFixture.readCsv(input.resolve("apc_episodes.csv"))) {
        ids.addNhs(row.get("NEWNHSNO"));
        ids.addPostcode(row.get("HOMEADD"));
        ids.addDate(row.get("DOB"));
      }
      return ids;
    }

    String counts() {
      return nhsNumbers.size() + " NHS numbers, " + names.size() + " names, " + postcodes.size() + " postcodes, "
          + datesOfBirth.size() + " dates of birth";
    }

    private void addNhs(String raw) {
      String digits = raw == null ? "" : raw.replaceAll("[^0-9]", "");
      if (digits.length() == 10) {
        nhsNumbers.add(digits);
      }
    }

    private void addName(String raw) {
      if (raw != null && raw.trim().length() >= 3) {
        names.add(raw.trim().toUpperCase(Locale.ROOT));
      }
    }

    private void addPostcode(String raw) {
      if (raw != null && !raw.isBlank()) {
        String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() >= 5) {
          postcodes.add(compact);
        }
      }
    }

    private void addDate(String raw) {
      if (raw == null || raw.isBlank()) {
        return;
      }
      String value = raw.trim();
      if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
        datesOfBirth.add(value);
        value = value.substring(6) + "-" + value.substring(3, 5) + "-" + value.substring(0, 2);
      }
      datesOfBirth.add(value);
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        datesOfBirth.add(value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4));
      }
    }

    /** Hits in one text: cells (split on CSV, JSON and Markdown punctuation) equal to an identifier. */
    List<String> find(String where, String text) {
      List<String> hits = new ArrayList<>();
      for (String cell : text.split(CELL_SEPARATORS)) {
        String value = cell.trim();
        String upper = value.toUpperCase(Locale.ROOT);
        String compact = upper.replaceAll("\\s+", "");
        if (names.contains(upper)) {
          hits.add(where + ": a name");
        }
        if (datesOfBirth.contains(value)) {
          hits.add(where + ": a date of birth");
        }
        if (compact.length() >= 5 && postcodes.contains(compact)) {
          hits.add(where + ": a postcode");
        }
        for (String digits : upper.split("[^0-9]+")) {
          if (digits.length() == 10 && nhsNumbers.contains(digits)) {
            hits.add(where + ": an NHS number");
          }
        }
      }
      return hits;
    }
  }
}
