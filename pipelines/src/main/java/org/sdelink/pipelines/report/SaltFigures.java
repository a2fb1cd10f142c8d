package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.policies.spreadsheet.SpreadsheetSafeCells;

/**
 * The SALT tables the {@code statistics} stage wrote ({@code salt/<TABLE>.csv}, one row per non-empty cell, per
 * council and for {@code ENGLAND}), summed over every breakdown but one for the dashboard's SALT page: each table by
 * its main breakdown (the sequel, the support setting, the review reason or outcome, the carers' support), council
 * beside England. Headers must be exactly the statistics contract's (docs/statistics.md); anything else stops the
 * report naming the file and column.
 */
final class SaltFigures {
  /** The {@code la_code} of the England rows. */
  static final String ENGLAND = "ENGLAND";

  /** One SALT table: its file, header, the column it is shown by, and its title and meaning on the page. */
  enum Table {
    STS001("STS001", List.of("la_code", "age_band", "route_of_access", "sequel", "count"), "sequel",
        "STS001: requests for support from new clients, by what followed",
        "Requests for support from people not receiving long-term support when the request started, clustered"
            + " (requests within 4 days of each other count once), by the sequel NHS England's method finds in the"
            + " following 28 days, or the request's outcome."),
    STS002A("STS002a", List.of("la_code", "age_band", "sequel", "count"), "sequel",
        "STS002a: new clients' reablement (ST-Max), by what followed",
        "Episodes of short-term support to maximise independence that followed a new client's request, by what"
            + " followed them within 3 days."),
    STS002B("STS002b", List.of("la_code", "age_band", "count"), "age_band",
        "STS002b: existing clients' reablement (ST-Max), by age band",
        "Episodes of reablement for people already receiving long-term support (high-level numbers, as NHS"
            + " England's code gives them)."),
    LTS001A("LTS001a", List.of("la_code", "age_band", "support_setting", "primary_support_reason", "count"),
        "support_setting", "LTS001a: people receiving long-term support during the year, by support setting",
        "Distinct people with long-term support open on some day of the year, each once, in the setting highest in"
            + " the method's order."),
    LTS001B("LTS001b", List.of("la_code", "age_band", "support_setting", "primary_support_reason", "count"),
        "support_setting", "LTS001b: people receiving long-term support at the year end, by support setting",
        "Distinct people with long-term support open on the last day of the year."),
    LTS001C("LTS001c", List.of("la_code", "age_band", "count"), "age_band",
        "LTS001c: people receiving long-term support for more than 12 months at the year end",
        "Of the people in LTS001b, those whose long-term support had lasted more than 12 months at the year end."),
    LTS002A("LTS002a", List.of("la_code", "age_band", "review_reason", "count"), "review_reason",
        "LTS002a: unplanned reviews of long-term support, by reason",
        "People receiving long-term support whose support was reviewed without being planned, by the reason."),
    LTS002B("LTS002b", List.of("la_code", "age_band", "outcome", "count"), "outcome",
        "LTS002b: planned reviews of long-term support, by outcome",
        "People receiving long-term support for more than 12 months who had a planned review, by its outcome."),
    LTS003("LTS003", List.of("la_code", "carer_age_band", "support_provided", "count"), "support_provided",
        "LTS003: carers supported during the year, by support provided",
        "Distinct carers with support, an assessment, a review or information and advice in the year, each once"
            + " under the highest support in the method's order.");

    final String id;
    final ImmutableList<String> header;
    final String shownBy;
    final String title;
    final String explanation;

    Table(String id, List<String> header, String shownBy, String title, String explanation) {
      this.id = id;
      this.header = ImmutableList.copyOf(header);
      this.shownBy = shownBy;
      this.title = title;
      this.explanation = explanation;
    }

    String file() {
      return id + ".csv";
    }

    /** The dashboard CSV's stem: {@code salt-sts001}. */
    String csvName() {
      return "salt-" + id.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Per table (only those present): per {@code la_code}, per label of the shown breakdown, the summed count. */
  private final Map<Table, Map<String, Map<String, Long>>> counts;
  private final String source;

  private SaltFigures(Map<Table, Map<String, Map<String, Long>>> counts, String source) {
    this.counts = counts;
    this.source = source;
  }

  /**
   * Reads {@code dir/salt/*.csv} (the statistics output folder). At least one table must be there; a table that is
   * missing is shown as not computed.
   */
  static SaltFigures read(Path dir) throws IOException {
    checkNotNull(dir, "dir");
    Path salt = dir.resolve("salt");
    if (!Files.isDirectory(salt)) {
      throw new IllegalArgumentException("--statistics " + dir + " has no salt/ folder: give the folder written by"
          + " sdelink statistics");
    }
    Map<Table, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      Path file = salt.resolve(table.file());
      if (Files.isRegularFile(file)) {
        counts.put(table, readTable(table, file));
      }
    }
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("--statistics " + dir + ": salt/ holds none of the SALT tables ("
          + String.join(", ", java.util.Arrays.stream(Table.values()).map(Table::file).toList()) + ")");
    }
    return new SaltFigures(counts, dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
  }

  private static Map<String, Map<String, Long>> readTable(Table table, Path file) throws IOException {
    String name = "salt/" + table.file();
    Map<String, Map<String, Long>> byCouncil = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      if (!parser.getHeaderNames().equals(table.header)) {
        throw new IllegalArgumentException("statistics file " + name + ": the header must be "
            + String.join(",", table.header) + "; give the output of sdelink statistics");
      }
      int shown = table.header.indexOf(table.shownBy);
      int count = table.header.indexOf("count");
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (record.size() != table.header.size()) {
          throw new IllegalArgumentException("statistics file " + name + " line " + line + ": " + record.size()
              + " fields where " + table.header.size() + " are expected");
        }
        long value;
        try {
          value = Long.parseLong(record.get(count));
        } catch (NumberFormatException e) {
          value = -1;
        }
        if (value < 0) {
          throw new IllegalArgumentException("statistics file " + name + " line " + line
              + ", column count: not a whole number of zero or more");
        }
        String la = SpreadsheetSafeCells.restore(record.get(0));
        if (la.isEmpty()) {
          throw new IllegalArgumentException("statistics file " + name + " line " + line
              + ", column la_code is empty");
        }
        String label = record.get(shown).isEmpty() ? EventLabels.NOT_RECORDED
            : SpreadsheetSafeCells.restore(record.get(shown));
        byCouncil.computeIfAbsent(la, k -> new TreeMap<>()).merge(label, value, Long::sum);
      }
    }
    return byCouncil;
  }

  /** The tables read, in the method's order. */
  List<Table> tables() {
    return List.copyOf(counts.keySet());
  }

  /** The tables the statistics folder lacks. */
  List<Table> missing() {
    List<Table> missing = new ArrayList<>();
    for (Table table : Table.values()) {
      if (!counts.containsKey(table)) {
        missing.add(table);
      }
    }
    return missing;
  }

  /** Every label of a table's shown breakdown, in England or any council, sorted. */
  List<String> labels(Table table) {
    java.util.TreeSet<String> labels = new java.util.TreeSet<>();
    counts.get(table).values().forEach(m -> labels.addAll(m.keySet()));
    return List.copyOf(labels);
  }

  /** A council's (or {@link #ENGLAND}'s) summed count under {@code label}; 0 when absent. */
  long value(Table table, String laCode, String label) {
    return counts.get(table).getOrDefault(laCode, Map.of()).getOrDefault(label, 0L);
  }

  /** The folder the tables were read from (its name only), for the methodology page. */
  String source() {
    return source;
  }
}
