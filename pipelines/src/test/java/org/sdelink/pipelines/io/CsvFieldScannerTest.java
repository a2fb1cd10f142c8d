package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The field scanner against commons-csv's RFC 4180 parser, which it replaces for reading sdelink's own files. */
class CsvFieldScannerTest {
  private static final String[] PIECES = {"a", "b,c", "quote \"x\"", "line\nbreak", "", "\u00e9t\u00e9 \ud83d\ude00",
      "\"", "\r\n", "\r", " lead", "tail ", "x\"y", "2024-05-01", "E06000001"};

  private static String value(Random random) {
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  private static List<List<String>> viaCommonsCsv(String text, int[] indexes) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        List<String> row = new ArrayList<>();
        for (int i : indexes) {
          row.add(record.get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<String>> viaScanner(String text, int[] indexes) throws IOException {
    CsvFieldScanner scanner = new CsvFieldScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "test.csv", 0, indexes);
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row = scanner.next(); row != null; row = scanner.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void sameFieldsAsCommonsCsvOnRandomFilesWrittenByCsvLines() throws IOException {
    Random random = new Random(170017);
    for (int file = 0; file < 300; file++) {
      int columns = 1 + random.nextInt(8);
      String lineEnd = random.nextInt(4) == 0 ? "\r\n" : "\n";
      StringBuilder text = new StringBuilder();
      int rows = random.nextInt(40);
      for (int r = 0; r < rows; r++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          row.add(value(random));
        }
        text.append(CsvLines.format(row));
        if (r < rows - 1 || random.nextBoolean()) {
          text.append(lineEnd);
        }
      }
      int[] indexes = random.ints(1 + random.nextInt(columns + 1), 0, columns).toArray();
      String csv = text.toString();
      if (columns == 1 && csv.contains(lineEnd + lineEnd)) {
        continue; // an empty one-column line: commons-csv's RFC 4180 reads it as no record; never written by sdelink
      }
      assertEquals(viaCommonsCsv(csv, indexes), viaScanner(csv, indexes), "file " + file);
    }
  }

  @Test
  void quotesInsideUnquotedFieldsAndTrailingEmptyFieldsAsCommonsCsvReadsThem() throws IOException {
    String csv = "a\"b,,c,\n\"x\"\"y\",\"\",\"p,q\",\r\nlast,\"multi\nline\",,z";
    int[] indexes = {3, 0, 1, 2, 0};
    List<List<String>> rows = viaScanner(csv, indexes);
    assertEquals(viaCommonsCsv(csv, indexes), rows);
    assertEquals(3, rows.size());
  }

  @Test
  void tooFewFieldsAndTextAfterAClosingQuoteAreErrorsWithTheOffsetNotTheValue() {
    IOException short1 = assertThrows(IOException.class, () -> viaScanner("a,b\nsecret\n", new int[] {1}));
    assertTrue(short1.getMessage().contains("byte 4"), short1.getMessage());
    assertTrue(!short1.getMessage().contains("secret"), short1.getMessage());
    IOException after = assertThrows(IOException.class, () -> viaScanner("\"secret\"x,b\n", new int[] {1}));
    assertTrue(!after.getMessage().contains("secret"), after.getMessage());
  }
}
