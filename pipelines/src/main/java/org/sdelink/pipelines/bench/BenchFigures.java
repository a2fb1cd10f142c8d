package org.sdelink.pipelines.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.progress.StageMeasurement;

/**
 * The figures of one {@code sdelink bench} run: each stage's wall time, rows read, rows per second, time per input row
 * and peak heap, and the pseudonymise stage against the plain single-threaded loop. Prints them as a table and appends
 * them to a CSV file, so that runs at other sizes or on other runners can be compared.
 */
public final class BenchFigures {
  public static final ImmutableList<String> CSV_COLUMNS = ImmutableList.of(
      "run_at", "machine", "runner", "people", "input_rows", "stage", "wall_s", "rows_read", "rows_per_s",
      "us_per_input_row", "peak_heap_mb");
  /** The pseudonymise stages, whose combined rate is compared with the plain loop. */
  public static final ImmutableList<String> PSEUDONYMISE_STAGES =
      ImmutableList.of("pseudonymise cld", "pseudonymise apc");

  private final String runAt;
  private final String machine;
  private final String runner;
  private final long people;
  private final long inputRows;
  private final ImmutableList<StageMeasurement> stages;
  private final PlainPseudonymiseLoop.Result loop;

  private BenchFigures(String runAt, String machine, String runner, long people, long inputRows,
      List<StageMeasurement> stages, PlainPseudonymiseLoop.Result loop) {
    this.runAt = runAt;
    this.machine = machine;
    this.runner = runner;
    this.people = people;
    this.inputRows = inputRows;
    this.stages = ImmutableList.copyOf(stages);
    this.loop = loop;
  }

  /**
   * @param inputRows CLD plus APC rows read by the pseudonymise stages: the denominator of time per input row
   * @param loop the plain loop over the same inputs, or null when it was not run
   */
  public static BenchFigures of(String runAt, String machine, String runner, long people, long inputRows,
      List<StageMeasurement> stages, PlainPseudonymiseLoop.Result loop) {
    checkArgument(inputRows > 0, "no input rows");
    checkArgument(!stages.isEmpty(), "no stage measured");
    return new BenchFigures(checkNotNull(runAt), checkNotNull(machine), checkNotNull(runner), people, inputRows,
        stages, loop);
  }

  /** Rows per second of the two pseudonymise stages together: their rows read over their summed wall time. */
  public double pseudonymiseRowsPerSecond() {
    long rows = 0;
    double seconds = 0;
    for (StageMeasurement stage : stages) {
      if (PSEUDONYMISE_STAGES.contains(stage.stage())) {
        rows += stage.rowsRead();
        seconds += stage.seconds();
      }
    }
    return seconds == 0 ? 0 : rows / seconds;
  }

  /** The pipeline's pseudonymise rate as a share of the plain loop's (0.5 = half as fast); NaN without a loop. */
  public double ratioToPlainLoop() {
    return loop == null || loop.rowsPerSecond() == 0 ? Double.NaN : pseudonymiseRowsPerSecond() / loop.rowsPerSecond();
  }

  public double totalSeconds() {
    return stages.stream().mapToDouble(StageMeasurement::seconds).sum();
  }

  /** The table printed at the end of {@code sdelink bench}. */
  public List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "sdelink bench: %s people, %,d input rows, runner %s, %s",
        people < 0 ? "?" : String.format(Locale.ROOT, "%,d", people), inputRows, runner, machine));
    lines.add(String.format(Locale.ROOT, "%-18s %10s %12s %12s %12s %14s", "stage", "wall s", "rows read",
        "rows/s", "us/input row", "peak heap MB"));
    for (StageMeasurement stage : stages) {
      lines.add(String.format(Locale.ROOT, "%-18s %10.1f %,12d %,12.0f %12.1f %,14d", stage.stage(), stage.seconds(),
          stage.rowsRead(), stage.rate(stage.rowsRead()), microsPerInputRow(stage), megabytes(stage.peakHeapBytes())));
    }
    lines.add(String.format(Locale.ROOT, "%-18s %10.1f %12s %12s %12.1f", "all stages", totalSeconds(), "", "",
        totalSeconds() * 1e6 / inputRows));
    if (loop != null) {
      lines.add(String.format(Locale.ROOT,
          "plain single-threaded loop (parse, normalise, tokenise, write): %,d rows in %.1f s = %,.0f rows/s",
          loop.rowsIn(), loop.wall().toNanos() / 1e9, loop.rowsPerSecond()));
      lines.add(String.format(Locale.ROOT,
          "pseudonymise pipeline: %,.0f rows/s = %.2f x the plain loop (target >= 0.50)",
          pseudonymiseRowsPerSecond(), ratioToPlainLoop()));
    }
    return lines;
  }

  /** One CSV line per stage, plus one for the plain loop when it ran. */
  public List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    for (StageMeasurement stage : stages) {
      rows.add(List.of(runAt, machine, runner, Long.toString(people), Long.toString(inputRows), stage.stage(),
          decimal(stage.seconds(), 3), Long.toString(stage.rowsRead()), decimal(stage.rate(stage.rowsRead()), 0),
          decimal(microsPerInputRow(stage), 2), Long.toString(megabytes(stage.peakHeapBytes()))));
    }
    if (loop != null) {
      rows.add(List.of(runAt, machine, "plain-java-loop", Long.toString(people), Long.toString(inputRows),
          "pseudonymise (plain loop)", decimal(loop.wall().toNanos() / 1e9, 3), Long.toString(loop.rowsIn()),
          decimal(loop.rowsPerSecond(), 0), decimal(loop.wall().toNanos() / 1e3 / inputRows, 2), ""));
    }
    return rows;
  }

  /** Appends {@link #csvRows()} to {@code file}, writing the header first when the file is new. */
  public void appendCsv(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    if (!Files.exists(file) || Files.size(file) == 0) {
      text.append(CsvLines.format(CSV_COLUMNS)).append('\n');
    }
    for (List<String> row : csvRows()) {
      text.append(CsvLines.format(row)).append('\n');
    }
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private double microsPerInputRow(StageMeasurement stage) {
    return stage.wall().toNanos() / 1e3 / inputRows;
  }

  private static long megabytes(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0));
  }

  private static String decimal(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  /** The figures as one JSON-ready map (the CSV columns per stage, plus the comparison with the plain loop). */
  public java.util.Map<String, Object> asMap() {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("run_at", runAt);
    map.put("machine", machine);
    map.put("runner", runner);
    map.put("people", people);
    map.put("input_rows", inputRows);
    List<java.util.Map<String, Object>> rows = new ArrayList<>();
    for (List<String> row : csvRows()) {
      java.util.Map<String, Object> stage = new java.util.LinkedHashMap<>();
      for (int i = 5; i < CSV_COLUMNS.size(); i++) {
        stage.put(CSV_COLUMNS.get(i), row.get(i));
      }
      rows.add(stage);
    }
    map.put("stages", rows);
    map.put("pseudonymise_rows_per_s", Math.round(pseudonymiseRowsPerSecond()));
    if (loop != null) {
      map.put("plain_loop_rows_per_s", Math.round(loop.rowsPerSecond()));
      map.put("ratio_to_plain_loop", Math.round(ratioToPlainLoop() * 1000) / 1000.0);
    }
    return map;
  }
}
