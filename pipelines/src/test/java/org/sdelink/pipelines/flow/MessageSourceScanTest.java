package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The static half of the global log check: a scan of every module's {@code src/main} for the places a value can reach
 * a person (a log call, a print, an exception message, a Guava precondition message) and for what they interpolate.
 * <ul>
 *   <li>sdelink logs nothing itself: no slf4j or java.util.logging logger, no {@code System.out}/{@code System.err}
 *       and no {@code printStackTrace} outside the command line's two sanctioned places;
 *   <li>no message interpolates an expression whose name says it holds input data (a raw value, a row, a cell, an
 *       NHS number, a postcode, a date of birth, a person's name) unless the site is listed below with the reason it
 *       is safe.
 * </ul>
 * It is a heuristic (names, not data flow); {@link GlobalLogLeakTest} checks what is actually printed.
 */
class MessageSourceScanTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final List<String> MODULES =
      List.of("pseudonymisation", "linkage", "policies", "metrics", "pipelines", "test-fixtures");

  private static final Pattern LOGGING = Pattern.compile(
      "LoggerFactory|java\\.util\\.logging|org\\.apache\\.logging|System\\.(out|err)|printStackTrace");
  /** Where output is allowed: the command line's own writers and its --debug stack trace. */
  private static final Map<String, String> ALLOWED_OUTPUT = Map.of(
      "SdelinkCommand.java:System.out", "main() hands System.out to picocli as the command's output writer",
      "SdelinkCommand.java:System.err", "main() hands System.err to picocli as the command's error writer",
      "SdelinkCommand.java:printStackTrace", "--debug prints the trace; GlobalLogLeakTest runs it on error paths");

  private static final Pattern SITE = Pattern.compile(
      "new\\s+\\w*(?:Exception|Error)\\s*\\(|\\b(checkArgument|checkState|checkNotNull|checkElementIndex)\\s*\\("
          + "|\\.(?:print|println|printf)\\s*\\(");
  /** Names of expressions that hold input values. */
  private static final Pattern RISKY = Pattern.compile(
      "(?i)(?:^|\\W)(raw\\w*|values?|cells?|text|line|rows?|records?|input|nhs\\w*|postcode\\w*|dob\\w*"
          + "|dateOfBirth|given\\w*|family\\w*|firstName|lastName|surname|forename)(?:$|\\W)");
  /** A count or a position of something, not its content. */
  private static final Pattern COUNT = Pattern.compile("\\.(size\\(\\)|length(\\(\\))?|line\\(\\))\\)*$");
  /** Message arguments that match {@link #RISKY} but are safe, by file and argument text, with the reason. */
  private static final Map<String, String> ALLOWED_ARGUMENTS = Map.ofEntries(
      Map.entry("Nicknames.java:line", "a line of the bundled nickname table, not of an input file"),
      Map.entry("ProtectedCountTable.java:row", "a row label of a count table (a breakdown group), not input data"),
      Map.entry("MagnitudeTableCheck.java:cell.row()", "a row label of a magnitude table, not input data"),
      Map.entry("MagnitudeTableCheck.java:cell.column()", "a column label of a magnitude table, not input data"),
      Map.entry("SummaryTableProtection.java:row.metric()", "a metric name of the summary table"),
      Map.entry("SummaryTableProtection.java:row.breakdown()", "a breakdown name of the summary table"),
      Map.entry("SummaryTableProtection.java:row.group()", "a breakdown group label of the summary table"),
      Map.entry("LinkageModel.java:step.dobCheck()", "the name of a date field in the linkage model spec"),
      Map.entry("RecordTreatment.java:POSTCODE_TO_LSOA", "the name of a code table"),
      Map.entry("ContractCsvReader.java:(raw.size() - declared)", "a count of header names"),
      Map.entry("ProgressMonitor.java:line()", "a progress line of counts, times and heap sizes it composes"),
      Map.entry("FullRun.java:line", "a stage line FullRun composes (stage name, file count, paths)"),
      Map.entry("StageProgress.java:line", "a result line a stage command composes (counts and paths)"),
      Map.entry("CodeTables.java:record.getRecordNumber()", "the line number of a lookup table row, not its content"),
      Map.entry("ReportStage.java:records", "the path of the records file, not its content"),
      Map.entry("StatisticsStage.java:records", "the path of the CLD records file, not its content"),
      Map.entry("Submissions.java:line", "the line number of a submissions-table row, not its content"),
      Map.entry("SaltFigures.java:line", "the line number of a statistics table row, not its content"),
      Map.entry("HospitalInputs.java:line", "the line number of an LSOA lookup row, not its content"),
      Map.entry("SaltFigures.java:String.join(\"\", java.util.Arrays.stream(Table.values()).map(Table::file).toList())",
          "the file names of the SALT tables sdelink writes"),
      Map.entry("CostTable.java:(line", "the position of a cost cell in costs.csv, not its content"),
      Map.entry("CouncilFaultRates.java:Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(\"\"))",
          "the names of the generator's fault kinds"),
      Map.entry("CouncilFaultRates.java:text", "a generator setting typed by the operator, not input data"));

  @Test
  void sdelinkLogsNothingItselfAndPrintsOnlyThroughTheCommandLine() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : sources()) {
      String text = withoutComments(Files.readString(file));
      Matcher m = LOGGING.matcher(text);
      while (m.find()) {
        String key = file.getFileName() + ":" + m.group().replaceAll("\\(.*", "");
        if (!ALLOWED_OUTPUT.containsKey(key)) {
          found.add(ROOT.relativize(file) + " line " + lineOf(text, m.start()) + ": " + m.group());
        }
      }
    }
    assertTrue(found.isEmpty(), "logging or printing outside the command line: " + found
        + " (sdelink writes nothing but counts and messages it composes; see the class comment)");
  }

  @Test
  void noMessageInterpolatesAnInputValue() throws IOException {
    List<String> found = new ArrayList<>();
    int sites = 0;
    for (Path file : sources()) {
      sites += scan(file.getFileName().toString(), ROOT.relativize(file).toString(), Files.readString(file), found);
    }
    assertTrue(sites > 300, "too few message sites found (" + sites + "): is the scan reading the sources?");
    assertTrue(found.isEmpty(), "messages that may quote input values: " + found);
  }

  @Test
  void theScanFindsMessagesThatQuoteValues() {
    String bad = String.join("\n",
        "class Bad {",
        "  void a(String nhsNumber) { throw new IllegalArgumentException(\"bad NHS number \" + nhsNumber); }",
        "  void b(Map<String, String> row) { checkArgument(ok, \"bad %s\", row.get(\"NHS_Number\")); }",
        "  void c(String raw) { out.println(\"read \" + raw.trim()); }",
        "  void d(String value) { checkNotNull(value, \"value\"); }  // not printed: fine",
        "  void e(List<String> values) { throw new IllegalStateException(values.size() + \" values\"); } // a count",
        "  // throw new IllegalStateException(\"in a comment \" + raw);",
        "}");
    List<String> found = new ArrayList<>();
    scan("Bad.java", "Bad.java", bad, found);
    assertEquals(List.of("Bad.java line 2: nhsNumber", "Bad.java line 3: row.get(\"\")",
        "Bad.java line 4: raw.trim()"), found);
  }

  /** Adds the risky message arguments of one source to {@code found}; returns the number of message sites. */
  private static int scan(String fileName, String where, String source, List<String> found) {
    String text = withoutComments(source);
    int sites = 0;
    Matcher m = SITE.matcher(text);
    while (m.find()) {
      sites++;
      List<String> args = arguments(text, m.end());
      String method = m.group(1);
      // The condition of checkArgument/checkState and the reference of checkNotNull are not printed.
      List<String> printed = method == null ? args : args.subList(Math.min(1, args.size()), args.size());
      for (String arg : printed) {
        for (String part : withoutStrings(arg).split("\\+")) {
          String expression = part.trim();
          if (expression.isEmpty() || COUNT.matcher(expression).find() || !RISKY.matcher(expression).find()) {
            continue;
          }
          if (!ALLOWED_ARGUMENTS.containsKey(fileName + ":" + expression)) {
            found.add(where + " line " + lineOf(text, m.start()) + ": " + expression);
          }
        }
      }
    }
    return sites;
  }

  private static List<Path> sources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 150, "too few sources found under " + ROOT + ": " + files.size());
    return files;
  }

  /** The top-level, comma-separated arguments of the call whose "(" ends at {@code start}. */
  static List<String> arguments(String text, int start) {
    List<String> args = new ArrayList<>();
    int depth = 1;
    boolean inString = false;
    boolean inChar = false;
    StringBuilder current = new StringBuilder();
    for (int i = start; i < text.length() && depth > 0; i++) {
      char c = text.charAt(i);
      if (inString || inChar) {
        current.append(c);
        if (c == '\\') {
          current.append(text.charAt(++i));
        } else if ((inString && c == '"') || (inChar && c == '\'')) {
          inString = false;
          inChar = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '\'' -> inChar = true;
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        default -> { }
      }
      if (depth == 0) {
        break;
      }
      if (c == ',' && depth == 1) {
        args.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.toString().isBlank()) {
      args.add(current.toString().trim());
    }
    return args;
  }

  private static String withoutStrings(String code) {
    return code.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(\\\\.|[^'\\\\])'", "' '");
  }

  private static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < code.length() && code.charAt(end) != c) {
          end += code.charAt(end) == '\\' ? 2 : 1;
        }
        if (c == '"' && code.startsWith("\"\"\"", i)) {
          end = code.indexOf("\"\"\"", i + 3) + 2;
        }
        out.append(code, i, Math.min(code.length(), end + 1));
        i = end;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = (end < 0 ? code.length() : end) - 1;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        String comment = code.substring(i, end + 2);
        out.append("\n".repeat((int) comment.chars().filter(ch -> ch == '\n').count()));
        i = end + 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
