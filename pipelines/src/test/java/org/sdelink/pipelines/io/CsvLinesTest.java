package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvLinesTest {
  /** Characters around every quoting rule: separators, quotes, line breaks, the ones up to '#' and ' ', UTF-8. */
  private static final char[] CHARS = {'a', 'Z', '0', '9', ',', '"', '\n', '\r', ' ', '\t', '#', '!', '$', '\u0000',
      '\u0001', '-', '_', '|', '\u00e9', '\u20ac', '\'', ';', '\\', '~', '\u007f', '\u00a0'};

  @Test
  void linesAreTheBytesOfCommonsCsvsRfc4180Printer() {
    Random random = new Random(4180);
    for (int round = 0; round < 200_000; round++) {
      int n = 1 + random.nextInt(6);
      List<String> values = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(8);
        StringBuilder value = new StringBuilder();
        for (int c = 0; c < length; c++) {
          value.append(random.nextInt(3) == 0 ? CHARS[random.nextInt(CHARS.length)] : (char) ('a' + random.nextInt(26)));
        }
        values.add(value.toString());
      }
      assertEquals(CsvLines.formatWithPrinter(values), CsvLines.format(values), "values " + values);
    }
  }

  @Test
  void nullValuesArePrintedAsThePrinterPrintsThem() {
    List<String> values = Arrays.asList("a", null, "b");
    assertEquals(CsvLines.formatWithPrinter(values), CsvLines.format(values));
    assertEquals("a,,b", CsvLines.format(values));
  }
}
