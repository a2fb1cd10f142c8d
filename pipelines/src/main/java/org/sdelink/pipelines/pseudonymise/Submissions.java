package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.pipelines.contract.InputContractException;

/**
 * The councils' CLD submissions: which council sent each input file and when it was received
 * ({@code file,la_code,received_date}). The received date orders a council's files, so the statistics can take the
 * latest version of an event and the latest file covering a year; the pseudonymise stage writes it on every row it
 * took from the file ({@code received_date} in {@code records.csv}).
 *
 * <p>Files are matched by file name (the {@code source_file} of {@code records.csv}). A submissions file that names a
 * file not given as input, or leaves out an input file, stops the run: a guessed date would silently change which
 * version of an event counts.
 */
public final class Submissions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The columns of a submissions file, in order. */
  public static final List<String> COLUMNS = List.of("file", "la_code", "received_date");
  /** The columns of the {@code submissions.csv} the pseudonymise stage writes. */
  public static final List<String> OUTPUT_COLUMNS = List.of("file", "la_code", "received_date", "rows");
  /** The name of the file the pseudonymise stage writes beside {@code records.csv}. */
  public static final String OUTPUT_FILE = "submissions.csv";

  /** One submitted file: its name, the council that sent it and the day it was received. */
  public record Submission(String file, String laCode, LocalDate receivedDate) implements Serializable {
    public Submission {
      checkNotNull(file, "file");
      checkNotNull(laCode, "laCode");
      checkNotNull(receivedDate, "receivedDate");
    }
  }

  private final String source;
  private final ImmutableSortedMap<String, Submission> byFile;

  private Submissions(String source, Map<String, Submission> byFile) {
    this.source = source;
    this.byFile = ImmutableSortedMap.copyOf(byFile);
  }

  /** No submissions file: rows get a blank received date. */
  public static Submissions none() {
    return new Submissions("none", Map.of());
  }

  /**
   * Reads a submissions file ({@code file,la_code,received_date}, dates {@code yyyy-MM-dd}). Stops with the file,
   * line and column of the first problem: an unknown or missing column, an empty cell, a bad date, a file named twice.
   */
  public static Submissions read(Path csv) throws IOException {
    checkNotNull(csv, "csv");
    String name = csv.getFileName().toString();
    if (!Files.isRegularFile(csv)) {
      throw new InputContractException("submissions file " + csv + " does not exist; give a CSV with the columns "
          + String.join(",", COLUMNS) + " (one row per CLD input file)");
    }
    Map<String, Submission> rows = new TreeMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", ""));
      }
      if (!header.equals(COLUMNS)) {
        throw new InputContractException("submissions file " + name + ": the header must be exactly "
            + String.join(",", COLUMNS) + " (one row per CLD input file); it has " + String.join(",", header));
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (record.size() != COLUMNS.size()) {
          throw new InputContractException("submissions file " + name + " line " + line + ": " + record.size()
              + " fields where " + COLUMNS.size() + " are expected (" + String.join(",", COLUMNS) + ")");
        }
        String file = cell(record, 0, name, line);
        String la = cell(record, 1, name, line);
        LocalDate received;
        try {
          received = LocalDate.parse(cell(record, 2, name, line));
        } catch (DateTimeParseException e) {
          throw new InputContractException("submissions file " + name + " line " + line
              + ", column received_date: not a date in the form yyyy-MM-dd");
        }
        String base = Path.of(file).getFileName().toString();
        if (rows.containsKey(base)) {
          throw new InputContractException("submissions file " + name + " line " + line + ", column file: the file "
              + base + " is named twice; give one row per input file");
        }
        rows.put(base, new Submission(base, la, received));
      }
    }
    if (rows.isEmpty()) {
      throw new InputContractException("submissions file " + name + " has no rows; give one row per CLD input file ("
          + String.join(",", COLUMNS) + ")");
    }
    return new Submissions(name, rows);
  }

  private static String cell(CSVRecord record, int index, String name, long line) {
    String value = record.get(index).strip();
    if (value.isEmpty()) {
      throw new InputContractException("submissions file " + name + " line " + line + ", column "
          + COLUMNS.get(index) + " is empty; every row needs " + String.join(", ", COLUMNS));
    }
    return value;
  }

  /** Whether a submissions file was given. */
  public boolean given() {
    return !byFile.isEmpty();
  }

  /** The submissions by file name, sorted. */
  public ImmutableSortedMap<String, Submission> byFile() {
    return byFile;
  }

  /** The submission of the input file {@code fileName}, if one was given. */
  public Optional<Submission> of(String fileName) {
    return Optional.ofNullable(byFile.get(fileName));
  }

  /** The received date ({@code yyyy-MM-dd}) of each input file, by file name; empty when none was given. */
  public ImmutableMap<String, String> receivedDates() {
    ImmutableMap.Builder<String, String> dates = ImmutableMap.builder();
    byFile.forEach((file, s) -> dates.put(file, s.receivedDate().toString()));
    return dates.buildOrThrow();
  }

  /**
   * Stops unless the submissions and the input files name the same files: every input file needs a row and every row
   * an input file. Two input files of the same name cannot be told apart and stop too.
   */
  public void checkCovers(List<Path> inputs) {
    if (!given()) {
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    for (Path input : inputs) {
      String base = input.getFileName().toString();
      if (!names.add(base)) {
        throw new InputContractException("two input files are named " + base + ": with --submissions, input files"
            + " are matched by name, so give each CLD file a distinct name");
      }
    }
    TreeSet<String> unlisted = new TreeSet<>(names);
    unlisted.removeAll(byFile.keySet());
    if (!unlisted.isEmpty()) {
      throw new InputContractException("submissions file " + source + " has no row for the input file(s) "
          + names(unlisted) + "; add a row " + String.join(",", COLUMNS)
          + " for each, or leave the file out of the inputs");
    }
    TreeSet<String> missing = new TreeSet<>(byFile.keySet());
    missing.removeAll(names);
    if (!missing.isEmpty()) {
      throw new InputContractException("submissions file " + source + " names file(s) that were not given as input: "
          + names(missing) + "; give them as input files (--input / inputs.cld) or remove their rows");
    }
  }

  /** Up to five names, then how many more. */
  private static String names(java.util.SortedSet<String> names) {
    List<String> shown = names.stream().limit(5).toList();
    return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size())
        + " more" : "");
  }

  /** A fingerprint of the submissions for the stage's up-to-date check. */
  String fingerprint() {
    StringBuilder text = new StringBuilder();
    byFile.values().forEach(s -> text.append(s.file()).append(',').append(s.laCode()).append(',')
        .append(s.receivedDate()).append('\n'));
    return given() ? com.google.common.hash.Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString()
        : "none";
  }
}
