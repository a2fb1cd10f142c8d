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

  @Test
  void linesForPeopleQuoteAndNeutraliseFormulaCellsButKeepNumbers() {
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3,-0.5,\"'-BAY_x\",\"'@SUM(1+1)\",Home Support",
        CsvLines.formatForPeople("=HYPERLINK(\"http://x\",\"y\")", "-3", "-0.5", "-BAY_x", "@SUM(1+1)",
            "Home Support"));
    // Files sdelink reads back keep exact values.
    assertEquals("=1+1,-BAY_x", CsvLines.format("=1+1", "-BAY_x"));
  }

  @Test
  void linesForPeopleReadBackToTheTrueValuesAfterRestore() throws Exception {
    Random random = new Random(15);
    char[] starts = {'=', '+', '-', '@', '\t', '\r', '\'', 'a', '1', '"'};
    for (int round = 0; round < 20_000; round++) {
      List<String> values = new ArrayList<>();
      for (int v = 0; v < 1 + random.nextInt(5); v++) {
        StringBuilder value = new StringBuilder();
        if (random.nextBoolean()) {
          value.append(starts[random.nextInt(starts.length)]);
        }
        for (int c = 0; c < random.nextInt(6); c++) {
          value.append(random.nextInt(3) == 0 ? CHARS[random.nextInt(CHARS.length)] : (char) ('0' + random.nextInt(10)));
        }
        values.add(value.toString());
      }
      String line = CsvLines.formatForPeople(values);
      var record = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(line)).getRecords().get(0);
      List<String> back = new ArrayList<>();
      for (String cell : record) {
        // What a spreadsheet reads: never a formula unless a plain number.
        org.junit.jupiter.api.Assertions.assertFalse(
            org.sdelink.policies.spreadsheet.SpreadsheetSafeCells.needsPrefix(cell) && cell.charAt(0) != '\'', line);
        back.add(org.sdelink.policies.spreadsheet.SpreadsheetSafeCells.restore(cell));
      }
      assertEquals(values, back, line);
    }
  }

  @Test
  void wholeTextsForPeopleAreReformattedLineByLine() {
    assertEquals("council,change\n\"'=cmd|' /C calc'!A0\",-3\nE08000025,\"'-3%\"\n",
        CsvLines.forPeople("council,change\n=cmd|' /C calc'!A0,-3\nE08000025,-3%\n"));
  }
}
