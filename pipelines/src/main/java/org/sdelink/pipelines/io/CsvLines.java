package org.sdelink.pipelines.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 formatting of one CSV line (without its line break), as every sdelink output file is written: the bytes
 * of Commons CSV's {@code RFC4180} printer (minimal quoting). Lines of non-null values are formatted here directly
 * (the printer was a tenth of the time of the stages that write the most lines), with the printer's rule: a value is
 * quoted when it holds a comma, quote, CR or LF, starts with a character up to {@code #}, ends with one up to a space,
 * or is empty and first on the line; a quote inside is doubled.
 */
public final class CsvLines {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

  private CsvLines() {}

  public static String format(List<String> values) {
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
      if (needsQuotes(value, i == 0)) {
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
