package org.sdelink.pipelines.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sdelink.policies.spreadsheet.SpreadsheetSafeCells;

/**
 * RFC 4180 formatting of one CSV line (without its line break), as every sdelink output file is written: the bytes
 * of Commons CSV's {@code RFC4180} printer (minimal quoting). Lines of non-null values are formatted here directly
 * (the printer was a tenth of the time of the stages that write the most lines), with the printer's rule: a value is
 * quoted when it holds a comma, quote, CR or LF, starts with a character up to {@code #}, ends with one up to a space,
 * or is empty and first on the line; a quote inside is doubled.
 *
 * <p>Files a person may open in a spreadsheet (a release, a dashboard's downloads) are written with
 * {@link #formatForPeople}, which applies {@link SpreadsheetSafeCells} (the OWASP rule against formula cells) and
 * quotes every neutralised cell; files sdelink reads back are written with {@link #format} and keep exact values.
 */
public final class CsvLines {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

  private CsvLines() {}

  public static String format(List<String> values) {
    return format(values, false);
  }

  /**
   * One line of a human-facing CSV file: every cell a spreadsheet could run as a formula gets a leading {@code '}
   * and is quoted ({@link SpreadsheetSafeCells}); other cells are formatted as by {@link #format}.
   */
  public static String formatForPeople(List<String> values) {
    return format(values, true);
  }

  /** {@link #formatForPeople(List)} of the given values. */
  public static String formatForPeople(String... values) {
    return formatForPeople(List.of(values));
  }

  /**
   * A whole CSV text (RFC 4180, a header line first) made safe for people: every line re-formatted with
   * {@link #formatForPeople(List)}, lines ended by {@code \n}. For writers that build a small file in memory (the
   * dashboard's downloads), so they share the rule of every other human-facing file.
   */
  public static String forPeople(String csvText) {
    StringBuilder out = new StringBuilder(csvText.length() + 16);
    try (org.apache.commons.csv.CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(csvText))) {
      for (org.apache.commons.csv.CSVRecord record : parser) {
        out.append(formatForPeople(record.toList())).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String format(List<String> values, boolean forPeople) {
    if (forPeople) {
      List<String> safe = new java.util.ArrayList<>(values.size());
      for (String value : values) {
        safe.add(value == null ? "" : SpreadsheetSafeCells.neutralise(value));
      }
      values = safe;
    }
    int length = values.size();
    for (String value : values) {
      if (value == null) {
        return formatWithPrinter(values);
      }
      length += value.length();
    }
    StringBuilder out = new StringBuilder(length + 8);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = values.get(i);
      boolean neutralised = forPeople && !value.isEmpty() && value.charAt(0) == SpreadsheetSafeCells.PREFIX;
      if (neutralised || needsQuotes(value, i == 0)) {
        out.append('"');
        for (int c = 0; c < value.length(); c++) {
          char ch = value.charAt(c);
          if (ch == '"') {
            out.append('"');
          }
          out.append(ch);
        }
        out.append('"');
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  public static String format(String... values) {
    return format(List.of(values));
  }

  private static boolean needsQuotes(String value, boolean first) {
    if (value.isEmpty()) {
      return first;
    }
    if (value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Commons CSV's printer itself (null values, which it prints as empty). */
  static String formatWithPrinter(List<String> values) {
    StringBuilder out = new StringBuilder(values.size() * 16);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
