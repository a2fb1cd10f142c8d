package org.sdelink.metrics.tables;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV dialect of every metrics output (RFC 4180, comma, quote when needed, LF line ends). */
public final class CsvTables {
  /** The output format: RFC 4180 with {@code \n} record separators. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private CsvTables() {}

  /** One CSV line (without line end) for {@code values}, e.g. for a Beam {@code TextIO} write. */
  public static String line(List<String> values) {
    checkNotNull(values, "values");
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    return text.substring(0, text.length() - 1);
  }

  /** Writes a header line and then one line per row; every row must have as many values as the header. */
  public static void write(List<String> header, Iterable<? extends List<String>> rows, Appendable out)
      throws IOException {
    checkNotNull(header, "header");
    checkNotNull(rows, "rows");
    checkNotNull(out, "out");
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(header);
    for (List<String> row : rows) {
      checkArgument(row.size() == header.size(), "a row has %s values for %s columns", row.size(), header.size());
      printer.printRecord(row);
    }
    printer.flush();
  }
}
