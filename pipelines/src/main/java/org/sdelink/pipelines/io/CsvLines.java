package org.sdelink.pipelines.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 formatting of one CSV line (without its line break), as every sdelink output file is written. */
public final class CsvLines {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

  private CsvLines() {}

  public static String format(List<String> values) {
    StringBuilder out = new StringBuilder(values.size() * 16);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static String format(String... values) {
    return format(List.of(values));
  }
}
