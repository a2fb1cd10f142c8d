package org.sdelink.pipelines.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.ascof.AscofCatalogue;
import org.sdelink.metrics.ascof.AscofTally;
import org.sdelink.metrics.ascof.MeasureValue;
import org.sdelink.metrics.ascof.Population;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.salt.SaltTable;
import org.sdelink.metrics.salt.SaltTables;
import org.sdelink.metrics.submissions.DerivedReportingPeriod;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.Submission;
import org.sdelink.metrics.submissions.SubmissionCatalogue;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.DriverWork;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.UserError;

/**
 * The statistics stage: the pseudonymised CLD records in; the SALT tables ({@code salt/<table>.csv}, per council and
 * for {@code ENGLAND}) and {@code report.json} out. Two passes: a small one summarises the submissions (council,
 * file, received date, stated reporting period, rows), from which the driver chooses each council's submission for
 * the year ({@link SubmissionCatalogue}); then {@link CldStatistics} groups the CLD rows by person once and evaluates
 * every person once for every family: {@link SaltStatistics} sums the cells, {@link AscofStatistics} every person's
 * ASCOF contributions, which the driver writes as {@code ascof.csv}
 * ({@link AscofTally}: every council, {@code ENGLAND}, every group; 2B/2C over the {@code --population} estimates),
 * and {@link WaitingTimesStatistics} the waiting times.
 * docs/statistics.md describes every table, its source and its deviations.
 */
public final class StatisticsStage {
  public static final String SALT = "salt";
  public static final String REPORT = "report.json";
  public static final String ASCOF = "ascof.csv";
  private static final List<String> SUBMISSION_COLUMNS = List.of("LA_Code", "source_file", "received_date",
      "Reporting_Period_Start_Date", "Reporting_Period_End_Date");

  private final Path records;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final @Nullable Path population;
  /** ASCOF 2D's hospital inputs (issue 17; {@link HospitalInputs}), or null: 2D is then not computed. */
  private final HospitalInputs hospital;

  private StatisticsStage(Path records, FinancialYear year, SubmissionWindow window, @Nullable Path population,
      HospitalInputs hospital) {
    this.records = records;
    this.year = year;
    this.window = window;
    this.population = population;
    this.hospital = hospital;
  }

  /** The stage over the pseudonymise output folder {@code cldDir}. */
  public static StatisticsStage of(Path cldDir, FinancialYear year, SubmissionWindow window) {
    return new StatisticsStage(cldDir.resolve(PseudonymiseStage.RECORDS), year, window, null, null);
  }

  /**
   * The same stage with the population estimates of ASCOF 2B/2C ({@link PopulationFile}); without them those values
   * are blank with their reason.
   */
  public StatisticsStage withPopulation(@Nullable Path populationCsv) {
    return new StatisticsStage(records, year, window, populationCsv, hospital);
  }

  /** The same stage also computing ASCOF 2D from {@code hospital} (APC records, spine, LSOA lookup). */
  public StatisticsStage withHospital(HospitalInputs hospital) {
    return new StatisticsStage(records, year, window, population, hospital);
  }

  private String settings() {
    return "year=" + year + ";submitted_by=" + (window.submittedBy() == null ? "all" : window.submittedBy())
        + ";population=" + (population == null ? "none" : "given")
        + (hospital == null ? "" : ";" + hospital.settings());
  }

  private List<Path> inputs() {
    List<Path> inputs = new ArrayList<>(List.of(records));
    if (population != null) {
      inputs.add(population);
    }
    if (hospital != null) {
      inputs.addAll(hospital.inputs());
    }
    return inputs;
  }

  /** Whether {@code output} already holds this stage's output for the same input bytes and settings. */
  public boolean isUpToDate(Path output) {
    return StageDirectory.isUpToDate(output, "statistics", inputs(), settings());
  }

  /**
   * The summable ASCOF contributions ({@link AscofStatistics#cells}) of every measure: those of the catalogue from
   * CLD. The hook for measures computed on other inputs (ASCOF 2D on the linked hospital data): add their cells here
   * and their measures to the list {@link #writeAscof} tallies.
   */
  static List<PCollection<KV<String, Long>>> ascofContributions(PCollectionTuple statistics) {
    return List.of(statistics.get(AscofStatistics.CONTRIBUTIONS));
  }

  public Path run(SdelinkPipelineOptions options, Path output) throws IOException {
    List<Path> reads = new ArrayList<>(List.of(records.getParent()));
    if (hospital != null) {
      reads.addAll(hospital.reads());
    }
    StageDirectory.checkOutput(output, reads);
    UpstreamFolder.verify(records.getParent(), "pseudonymise", PseudonymiseStage.RECORDS)
        .requireSetting("source", "cld", "the folder written by sdelink pseudonymise --source cld");
    List<String> header = header();
    List<String> columns = SaltEvent.presentColumns(header);
    Population estimates = population == null ? Population.none() : PopulationFile.read(population);
    Ascof2DStatistics ascof2d = hospital == null ? null : hospital.verify(records, header, year, window,
        options.getBuckets());
    StageDirectory stage = StageDirectory.begin(output, reads);
    try {
      SubmissionSummary submissions = summariseSubmissions(options, stage, header);
      SubmissionCatalogue catalogue = submissions.catalogue();
      Map<String, String> chosen = catalogue.chosenFiles(year, window);
      Path countParts = stage.scratch("counts");
      Path ascofParts = stage.scratch("ascof");
      Map<String, Path> tableParts = new TreeMap<>();
      for (SaltTable table : SaltTables.ALL) {
        tableParts.put(table.name(), stage.scratch("table-" + table.name()));
      }

      Pipeline pipeline = Pipeline.create(options);
      // One read of the CLD records for every statistic: with ASCOF 2D the columns it needs too (record_id first),
      // which the person evaluations ignore.
      List<String> read = ascof2d == null ? columns : ascof2d.cldColumns();
      PCollection<List<String>> cldRows = pipeline.apply("ReadCld", ReadCsvColumns.of(records, read));
      PCollectionTuple statistics = cldRows.apply("CldStatistics",
          CldStatistics.of(StatisticsSettings.of(read, year, window, chosen, options.getBuckets())
              .withJoined(submissions.joined())));
      PCollectionList.of(ascofContributions(statistics))
          .apply("AllAscofContributions", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .apply("AscofSums", CountsSink.to(ascofParts, options.getBuckets()));
      // Issue 17: waiting times, and ASCOF 2D when hospital inputs are given (WaitingTimesStatistics,
      // Ascof2DStatistics; written beside the SALT tables).
      Path waitingParts = stage.scratch("waiting-times");
      statistics.get(CldStatistics.WAITING_LINES)
          .apply("WriteWaitingTimes", SortedCsvSink.to(waitingParts.toString()));
      Path ascof2dParts = stage.scratch("ascof-2d");
      if (ascof2d != null) {
        hospital.read(pipeline, cldRows, ascof2d)
            .apply("Ascof2D", ascof2d.withJoined(submissions.joined()))
            .apply("WriteAscof2D", CountsSink.to(ascof2dParts, options.getBuckets()));
      }
      PCollectionList<KV<String, Long>> byTable = statistics.get(SaltStatistics.CELLS)
          .apply("SplitByTable", Partition.of(SaltTables.ALL.size(), (KV<String, Long> cell, int n) ->
              tableIndex(cell.getKey())));
      for (int i = 0; i < SaltTables.ALL.size(); i++) {
        String name = SaltTables.ALL.get(i).name();
        byTable.get(i)
            .apply("Format" + name, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                    TypeDescriptors.strings()))
                .via((KV<String, Long> cell) -> KV.of(cell.getKey(), line(cell))))
            .apply("Write" + name, SortedCsvSink.to(tableParts.get(name).toString()));
      }
      statistics.get(EvaluatePersons.COUNTS)
          .apply("Counts", CountsSink.to(countParts, options.getBuckets()));
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the statistics pipeline ended in state " + state);
      }
      Path salt = Files.createDirectories(stage.work().resolve(SALT));
      List<DriverWork.FileTask> merges = new ArrayList<>();
      for (SaltTable table : SaltTables.ALL) {
        merges.add(() -> SortedCsvSink.merge(tableParts.get(table.name()), CsvLines.format(table.header()),
            salt.resolve(table.name() + ".csv")));
      }
      merges.add(() -> SortedCsvSink.merge(waitingParts, CsvLines.format(WaitingTimesStatistics.HEADER),
          stage.work().resolve(WaitingTimesStatistics.FILE)));
      DriverWork.inParallel(merges);
      Map<String, Long> ascof2dCells = ascof2d == null ? Map.of() : CountsSink.read(ascof2dParts);
      ObjectNode ascof2dReport = HospitalInputs.writeAscof2D(hospital, ascof2d, ascof2dCells, catalogue.councils(),
          stage.work());
      List<AscofTally.Row> ascofRows = AscofTally.rows(AscofCatalogue.MEASURES, catalogue.councils(),
          AscofStatistics.contributions(CountsSink.read(ascofParts)), estimates);
      writeAscof(ascofRows, HospitalInputs.ascofLines(ascof2d, ascof2dCells, catalogue.councils()),
          stage.work().resolve(ASCOF));
      writeReport(submissions, chosen, CountsSink.read(countParts), ascofRows, stage.work().resolve(REPORT),
          ascof2dReport);
      stage.commit("statistics", inputs(), settings());
      return stage.target();
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  private List<String> header() throws IOException {
    List<String> header = ReadCsvColumns.header(records);
    for (String column : SaltEvent.REQUIRED_COLUMNS) {
      if (!header.contains(column)) {
        throw new UserError("file " + records + " has no " + column + " column: give the folder written by"
            + " sdelink pseudonymise --source cld");
      }
    }
    return header;
  }

  static int tableIndex(String cellKey) {
    String table = cellKey.substring(0, cellKey.indexOf(SaltStatistics.SEP));
    for (int i = 0; i < SaltTables.ALL.size(); i++) {
      if (SaltTables.ALL.get(i).name().equals(table)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no SALT table " + table);
  }

  /** The CSV line of a summed cell: the key's council and values, then the count. */
  static String line(KV<String, Long> cell) {
    List<String> parts = new ArrayList<>(Arrays.asList(cell.getKey().split(SaltStatistics.SEP, -1)));
    parts.remove(0);
    parts.add(Long.toString(cell.getValue()));
    // The SALT tables are read by people in spreadsheets: a council code or label that starts like a formula is
    // neutralised (SpreadsheetSafeCells, issue 15); the dashboard's reader restores the true value.
    return CsvLines.formatForPeople(parts);
  }

  /** The submissions summary of pass 1: the catalogue (SALT's choices) and DHSC's joined-submissions selection. */
  record SubmissionSummary(SubmissionCatalogue catalogue, JoinedSubmissions joined) {}

  /** Count keys of pass 1 that count events by end month for DHSC's derived reporting periods start so. */
  private static final String END_MONTH = "end-month";

  /**
   * Pass 1: rows per (council, file, received date, stated period), and events per (council, file, end month, event
   * type) for DHSC's derived reporting periods; then the catalogue of submissions and the joined selection.
   */
  private SubmissionSummary summariseSubmissions(SdelinkPipelineOptions options, StageDirectory stage,
      List<String> header) throws IOException {
    List<String> present = new ArrayList<>(SUBMISSION_COLUMNS.stream().filter(header::contains).toList());
    present.addAll(List.of("Event_Type", "Event_End_Date").stream().filter(header::contains).toList());
    Path parts = stage.scratch("submissions");
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("ReadSubmissionColumns", ReadCsvColumns.of(records, present))
        .apply("KeyBySubmissionAndEndMonth", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.longs()))
            .via((List<String> row) -> summaryKeys(present, row)))
        .apply("CountRows", CountsSink.to(parts, options.getBuckets()));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the submissions pass ended in state " + state);
    }
    Map<List<String>, Submission> merged = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    Map<List<String>, Map<YearMonth, Map<String, Long>>> endMonths = new TreeMap<>(
        java.util.Comparator.comparing(Object::toString));
    for (Map.Entry<String, Long> entry : CountsSink.read(parts).entrySet()) {
      String[] p = entry.getKey().split(SaltStatistics.SEP, -1);
      if (p[0].equals(END_MONTH)) {
        endMonths.computeIfAbsent(List.of(p[1], p[2]), k -> new TreeMap<>())
            .computeIfAbsent(YearMonth.parse(p[3]), k -> new TreeMap<>()).merge(p[4], entry.getValue(), Long::sum);
        continue;
      }
      List<String> id = List.of(p[0], p[1]);
      Submission part = new Submission(p[0], p[1], date(p[2], "received_date"),
          date(p[3], "Reporting_Period_Start_Date"), date(p[4], "Reporting_Period_End_Date"), entry.getValue());
      Submission before = merged.get(id);
      if (before != null && !java.util.Objects.equals(before.received(), part.received())) {
        throw new UserError("council " + p[0] + " file " + p[1] + " has rows with different received dates in "
            + records + "; pseudonymise again with one received date per file in the submissions table");
      }
      merged.put(id, before == null ? part : new Submission(p[0], p[1], part.received(),
          earliest(before.periodStart(), part.periodStart()), latest(before.periodEnd(), part.periodEnd()),
          before.rows() + part.rows()));
    }
    List<JoinedSubmissions.Candidate> candidates = new ArrayList<>();
    for (Submission submission : merged.values()) {
      candidates.add(new JoinedSubmissions.Candidate(submission, DerivedReportingPeriod.of(
          endMonths.getOrDefault(List.of(submission.laCode(), submission.file()), Map.of()))));
    }
    try {
      return new SubmissionSummary(SubmissionCatalogue.of(new ArrayList<>(merged.values())),
          JoinedSubmissions.of(candidates, window));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** The count keys of one row in pass 1: its submission, and its end month when DHSC counts it. */
  private static List<KV<String, Long>> summaryKeys(List<String> present, List<String> row) {
    List<KV<String, Long>> keys = new ArrayList<>(2);
    keys.add(KV.of(submissionKey(present, row), 1L));
    int type = present.indexOf("Event_Type");
    int end = present.indexOf("Event_End_Date");
    int la = present.indexOf("LA_Code");
    int file = present.indexOf("source_file");
    int received = present.indexOf("received_date");
    if (type < 0 || end < 0 || la < 0) {
      return keys;
    }
    try {
      String endText = row.get(end).trim();
      if (endText.isEmpty()) {
        return keys;
      }
      LocalDate endDate = LocalDate.parse(endText);
      String receivedText = received < 0 ? "" : row.get(received).trim();
      LocalDate receivedDate = receivedText.isEmpty() ? null : LocalDate.parse(receivedText);
      if (DerivedReportingPeriod.counts(endDate, receivedDate)) {
        keys.add(KV.of(String.join(SaltStatistics.SEP, END_MONTH, row.get(la).trim(),
            file < 0 ? "" : row.get(file).trim(), YearMonth.from(endDate).toString(),
            row.get(type).trim().toLowerCase(java.util.Locale.ROOT)), 1L));
      }
    } catch (java.time.format.DateTimeParseException e) {
      // a bad date is reported by the evaluation pass, naming its column; here it simply does not count
    }
    return keys;
  }

  private static String submissionKey(List<String> present, List<String> row) {
    List<String> key = new ArrayList<>();
    for (String column : SUBMISSION_COLUMNS) {
      int i = present.indexOf(column);
      key.add(i < 0 ? "" : row.get(i).trim());
    }
    return String.join(SaltStatistics.SEP, key);
  }

  private LocalDate date(String value, String column) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("column " + column + " of " + records + " holds a value that is not a yyyy-MM-dd date;"
          + " pseudonymise the council's files again");
    }
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  /**
   * {@code ascof.csv}: the tallied rows, header {@link AscofTally#HEADER}, in the measure order: the rows of
   * {@code twoD} (ASCOF 2D on sdelink's persons, {@link HospitalInputs#ascofLines}, when the hospital data and the
   * spine are given) go after 2C, before 2E.
   */
  static void writeAscof(List<AscofTally.Row> rows, List<String> twoD, Path target) throws IOException {
    boolean twoDWritten = false;
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      writer.write(CsvLines.format(AscofTally.HEADER));
      writer.write("\n");
      for (AscofTally.Row row : rows) {
        if (!twoDWritten && row.measure().startsWith("2E")) {
          for (String line : twoD) {
            writer.write(line);
            writer.write("\n");
          }
          twoDWritten = true;
        }
        writer.write(CsvLines.formatForPeople(row.fields()));
        writer.write("\n");
      }
      if (!twoDWritten) {
        for (String line : twoD) {
          writer.write(line);
          writer.write("\n");
        }
      }
    }
  }

  private void writeReport(SubmissionSummary submissions, Map<String, String> chosen, Map<String, Long> counts,
      List<AscofTally.Row> ascofRows, Path target, ObjectNode ascof2d) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("stage", "statistics");
    root.put("year", year.toString());
    root.put("submitted_by", window.submittedBy() == null ? "all" : window.submittedBy().toString());
    root.put("persons", counts.getOrDefault("persons", 0L));
    SubmissionCatalogue catalogue = submissions.catalogue();
    ObjectNode councils = root.putObject("councils");
    for (String council : catalogue.councils()) {
      ObjectNode node = councils.putObject(council);
      List<Submission> files = catalogue.of(council);
      node.put("submissions_received", files.size());
      node.put("submissions_in_window", files.stream().filter(s -> window.admits(s.received())).count());
      if (chosen.containsKey(council)) {
        node.put("submission_chosen", chosen.get(council));
      } else {
        node.putNull("submission_chosen");
        node.put("reason", "no submission inside the window covers " + year + " (LTS tables are empty)");
      }
      // DHSC's joined-submissions selection (ASCOF, 2D, waiting times): each chosen file and its reference period.
      ObjectNode joined = node.putObject("joined_submissions");
      submissions.joined().chosen().getOrDefault(council, com.google.common.collect.ImmutableSortedMap.of())
          .forEach((file, period) -> joined.put(file, period.start() + "/" + period.end()));
      String prefix = "council" + SaltStatistics.SEP + council + SaltStatistics.SEP;
      node.put("rows_read", counts.getOrDefault(prefix + "rows_read", 0L));
      node.put("events_deduplicated", counts.getOrDefault(prefix + "rows_older_versions", 0L));
      node.put("rows_after_submission_window", counts.getOrDefault(prefix + "rows_after_submission_window", 0L));
      node.put("rows_of_chosen_submission", counts.getOrDefault(prefix + "rows_of_chosen_submission", 0L));
      node.put("rows_without_person_id", counts.getOrDefault(prefix + "rows_without_person_id", 0L));
    }
    ObjectNode ascof = root.putObject("ascof");
    ascof.put("population", population == null ? "not given: 2B and 2C values are blank ("
        + MeasureValue.NO_POPULATION + ")" : "given (operator's estimates)");
    ObjectNode blanks = ascof.putObject("blank_values");
    Map<String, Map<String, Long>> byMeasure = new TreeMap<>();
    for (AscofTally.Row row : ascofRows) {
      if (!row.value().blankReason().isEmpty()) {
        byMeasure.computeIfAbsent(row.measure(), k -> new TreeMap<>())
            .merge(row.value().blankReason(), 1L, Long::sum);
      }
    }
    byMeasure.forEach((measure, reasons) -> {
      ObjectNode node = blanks.putObject(measure);
      reasons.forEach(node::put);
    });
    ObjectNode steps = ascof.putObject("2A_episodes_by_sequel_step");
    counts.forEach((k, v) -> {
      if (k.startsWith("ascof_2A_episodes_sequel_step_")) {
        steps.put(k.substring("ascof_2A_episodes_sequel_step_".length()), v);
      }
    });
    ObjectNode deviations = root.putObject("deviations");
    counts.forEach((k, v) -> {
      if (k.startsWith("deviation_")) {
        deviations.put(k.substring("deviation_".length()), v);
      }
    });
    root.set("ascof_2d", ascof2d);
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      mapper.writeValue(writer, root);
    }
  }
}
