package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.contract.InputSource;

class InputFileRangesTest {
  /** Field texts: plain, quoted commas and line breaks (LF and CRLF), doubled quotes, UTF-8, blanks, bad dates. */
  private static final String[] VALUES = {"RX1", "", "a,b", "\"line\nbreak\"", "\"crlf\r\nbreak\"", "\"say \"\"hi\"\"\"",
      "\u00e9t\u00e9", "\"\"", "  padded  ", "\"x\""};
  private static final String[] DATES = {"2024-05-01", "01/06/2024", "not-a-date", "", "2024-02-30"};

  /** A strictly RFC 4180 APC file: random rows, blank lines, short rows, LF or CRLF, with or without a BOM. */
  static String strictFile(Random random, int rows) {
    String eol = random.nextBoolean() ? "\n" : "\r\n";
    StringBuilder csv = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
    csv.append("EPIKEY,ADMIDATE,PROCODE3").append(eol);
    for (int r = 0; r < rows; r++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        csv.append(random.nextBoolean() ? "" : "\"\"");
      } else if (kind == 1) {
        csv.append("E").append(r).append(",2024-05-01");
      } else {
        String id = random.nextInt(10) == 0 ? "" : "E" + r;
        String procode = VALUES[random.nextInt(VALUES.length)];
        csv.append(id).append(',').append(DATES[random.nextInt(DATES.length)]).append(',').append(procode);
      }
      if (r < rows - 1 || random.nextBoolean()) {
        csv.append(random.nextInt(5) == 0 ? (random.nextBoolean() ? "\n" : "\r\n") : eol);
      }
    }
    return csv.toString();
  }

  /** Every row and reject the handler saw, as text, in order. */
  private static final class Seen implements ContractCsvReader.RowHandler {
    final List<String> out = new ArrayList<>();

    @Override
    public void accept(SourceRow row) {
      out.add("row " + row.fileName() + " " + row.line() + " " + row.rowNumber() + " " + row.values());
    }

    @Override
    public void reject(RejectedRow rejected) {
      out.add("reject " + rejected);
    }
  }

  @Test
  void rangesReadTogetherGiveExactlyTheRowsLinesAndRowNumbersOfOneWholeRead() throws IOException {
    Random random = new Random(20261127);
    ContractCsvReader reader = ContractCsvReader.forSource(InputSource.APC);
    int cut = 0;
    for (int round = 0; round < 300; round++) {
      String text = strictFile(random, 1 + random.nextInt(200));
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Seen whole = new Seen();
      long wholeSeen = reader.read(new ByteArrayInputStream(bytes), "apc.csv", whole);

      long target = 1 + random.nextInt(600);
      Optional<List<InputFileRanges.Range>> ranges = InputFileRanges.of(new ByteArrayInputStream(bytes), target);
      assertTrue(ranges.isPresent(), "a strict file is cut (round " + round + ")");
      List<String> header = reader.checkHeader(new ByteArrayInputStream(bytes), "apc.csv");
      Seen parts = new Seen();
      long partsSeen = 0;
      long expectedStart = -1;
      for (InputFileRanges.Range range : ranges.get()) {
        if (expectedStart >= 0) {
          assertEquals(expectedStart, range.start(), "ranges are contiguous");
        }
        expectedStart = range.end();
        partsSeen += reader.readRange(new ByteArrayInputStream(bytes, (int) range.start(),
            (int) (range.end() - range.start())), "apc.csv", header, range, parts);
      }
      if (!ranges.get().isEmpty()) {
        assertEquals(bytes.length, expectedStart, "the last range ends at the end of the file");
      }
      cut += ranges.get().size() > 1 ? 1 : 0;
      assertEquals(wholeSeen, partsSeen, "rows seen, round " + round);
      assertEquals(whole.out, parts.out, "round " + round);
    }
    assertTrue(cut > 200, "most files were cut into several ranges: " + cut);
  }

  @Test
  void filesThatAreNotStrictlyRfc4180AreLeftWhole() throws IOException {
    List<String> irregular = List.of(
        "EPIKEY,PROCODE3\nE1,ab\"c\nE2,x\n",          // a quote inside an unquoted field
        "EPIKEY,PROCODE3\nE1,\"abc\"d\nE2,x\n",        // text after a closing quote
        "EPIKEY,PROCODE3\nE1,\"abc\" \nE2,x\n",        // a space after a closing quote
        "EPIKEY,PROCODE3\nE1,\"never closed\nE2,x\n",  // a quote left open
        "EPIKEY,PROCODE3\rE1,x\rE2,y\r",               // lone CR line breaks
        "EPIKEY\nE1\nE2\n",                            // a one-column header
        "EPIKEY,PROCODE3");                            // a header without a line break
    for (String text : irregular) {
      assertEquals(Optional.empty(), InputFileRanges.of(
          new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1), text);
    }
  }

  @Test
  void aHeaderOnlyFileHasNoRanges() throws IOException {
    assertEquals(Optional.of(List.of()), InputFileRanges.of(
        new ByteArrayInputStream("EPIKEY,PROCODE3\r\n".getBytes(StandardCharsets.UTF_8)), 10));
  }
}
