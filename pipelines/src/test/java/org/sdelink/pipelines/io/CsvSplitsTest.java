package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvSplitsTest {
  private static final String[] PIECES = {"a", "b,c", "quote \"x\"", "line\nbreak", "", "\u00e9t\u00e9", "\"", "\r\n"};

  private static String file(Random random, int rows) {
    StringBuilder csv = new StringBuilder(CsvLines.format(List.of("id", "text", "more"))).append('\n');
    for (int r = 0; r < rows; r++) {
      String text = PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)];
      csv.append(CsvLines.format(List.of("r" + r, text, PIECES[random.nextInt(PIECES.length)]))).append('\n');
    }
    return csv.toString();
  }

  private static List<List<String>> parse(String text) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        rows.add(Arrays.asList(record.values()));
      }
    }
    return rows;
  }

  @Test
  void rangesHoldWholeRecordsAndTogetherEveryRecordAfterTheHeader() throws Exception {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      String text = file(random, 1 + random.nextInt(300));
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      List<List<String>> whole = parse(text);
      long target = 1 + random.nextInt(400);
      List<CsvSplits.Range> ranges = CsvSplits.of(new ByteArrayInputStream(bytes), target);
      List<List<String>> joined = new ArrayList<>();
      long expectedStart = -1;
      for (CsvSplits.Range range : ranges) {
        if (expectedStart >= 0) {
          assertEquals(expectedStart, range.start(), "ranges are contiguous");
        }
        expectedStart = range.end();
        joined.addAll(parse(new String(bytes, (int) range.start(), (int) (range.end() - range.start()),
            StandardCharsets.UTF_8)));
      }
      assertEquals(bytes.length, expectedStart, "the last range ends at the end of the file");
      assertEquals(whole.subList(1, whole.size()), joined, "round " + round);
      for (int i = 0; i < ranges.size() - 1; i++) {
        assertTrue(ranges.get(i).end() - ranges.get(i).start() >= target, "ranges but the last reach the target");
      }
    }
  }

  @Test
  void aHeaderOnlyFileHasNoRanges() throws Exception {
    assertEquals(List.of(), CsvSplits.of(new ByteArrayInputStream("id,text\n".getBytes(StandardCharsets.UTF_8)), 10));
  }
}
