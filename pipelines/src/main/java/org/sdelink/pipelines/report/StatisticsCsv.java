package org.sdelink.pipelines.report;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.policies.spreadsheet.SpreadsheetSafeCells;

/**
 * Reading one CSV of the statistics stage's output for the dashboard: the columns it needs by name (others are
 * ignored), text cells with the spreadsheet-safe prefix removed, whole numbers and decimals checked. A bad file stops
 * the report naming the file, line and column, never a value.
 */
final class StatisticsCsv {
  /** One data row: its line and its cells by column name. */
  record Row(long line, Map<String, String> cells) {
    String get(String column) {
      return cells.get(column);
    }
  }

  private final String name;

  private StatisticsCsv(String name) {
    this.name = name;
  }

  /** The rows of {@code file} (shown in messages as {@code name}), which must have every column of {@code needed}. */
  static List<Row> read(Path file, String name, List<String> needed) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      List<String> header = parser.getHeaderNames();
      for (String column : needed) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException("statistics file " + name + " has no column '" + column
              + "': the header must have " + String.join(",", needed) + "; give the output of sdelink statistics");
        }
      }
      for (CSVRecord record : parser) {
        long lineNumber = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          throw new IllegalArgumentException("statistics file " + name + " line " + lineNumber + ": "
              + record.size() + " fields where " + header.size() + " are expected");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), SpreadsheetSafeCells.restore(record.get(i)).trim());
        }
        rows.add(new Row(lineNumber, cells));
      }
    }
    return rows;
  }

  static StatisticsCsv named(String name) {
    return new StatisticsCsv(name);
  }

  /** A required text cell. */
  String text(Row row, String column) {
    String value = row.get(column);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("statistics file " + name + " line " + row.line() + ", column " + column
          + " is empty");
    }
    return value;
  }

  /** A whole number of zero or more, or null when the cell is blank and {@code optional}. */
  Long count(Row row, String column, boolean optional) {
    String value = row.get(column);
    if (value.isEmpty() && optional) {
      return null;
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 0) {
      throw new IllegalArgumentException("statistics file " + name + " line " + row.line() + ", column " + column
          + ": not a whole number of zero or more");
    }
    return n;
  }

  /** A decimal of zero or more, or null when the cell is blank. */
  BigDecimal decimal(Row row, String column) {
    String value = row.get(column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(value);
      if (d.signum() >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("statistics file " + name + " line " + row.line() + ", column " + column
        + ": not a number of zero or more");
  }
}
