package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.testing.TestPipelineExtension;

@ExtendWith(TestPipelineExtension.class)
class ReadContractRowsTest {
  @TempDir Path dir;

  /** A file cut into many ranges, with a reject in the middle: every row arrives once, with its own line. */
  @Test
  void rowsOfManyRangesArriveOnceEachWithTheirLinesAndRejectsAreKept(TestPipeline p) throws Exception {
    int rows = 2_357;
    StringBuilder csv = new StringBuilder("EPIKEY,ADMIDATE,PROCODE3\n");
    List<SourceRow> expected = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      if (i == 1500) {
        csv.append("E").append(i).append(",not-a-date,RX1\n");
        continue;
      }
      csv.append("E").append(i).append(",2024-05-0").append(1 + i % 9).append(",RX1\n");
      Map<String, String> values = new LinkedHashMap<>();
      values.put("EPIKEY", "E" + i);
      values.put("ADMIDATE", "2024-05-0" + (1 + i % 9));
      values.put("PROCODE3", "RX1");
      expected.add(SourceRow.of("apc.csv", i + 1, i, values));
    }
    Path file = dir.resolve("apc.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    PCollectionTuple read = p.apply(ReadContractRows.of(InputSource.APC, List.of(file.toString()))
        .withRangeBytes(1_000));
    PAssert.that(read.get(ReadContractRows.ROWS)).containsInAnyOrder(expected);
    PAssert.that(read.get(ReadContractRows.REJECTS).apply(Count.globally())).containsInAnyOrder(1L);
    PAssert.that(read.get(ReadContractRows.ROWS_SEEN)).containsInAnyOrder(KV.of("apc.csv", (long) rows));
    p.run().waitUntilFinish();
    assertEquals(rows - 1, expected.size());
  }

  /** A file that is not strictly RFC 4180 (a quote inside a field) is read whole: the same rows, none lost. */
  @Test
  void aFileWithAStrayQuoteIsReadWholeWithItsLines(TestPipeline p) throws Exception {
    StringBuilder csv = new StringBuilder("EPIKEY,ADMIDATE,PROCODE3\n");
    List<SourceRow> expected = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      String procode = i == 250 ? "R\"X1" : "RX1";
      csv.append("E").append(i).append(",2024-05-01,").append(procode).append("\n");
      Map<String, String> values = new LinkedHashMap<>();
      values.put("EPIKEY", "E" + i);
      values.put("ADMIDATE", "2024-05-01");
      values.put("PROCODE3", procode);
      expected.add(SourceRow.of("stray.csv", i + 1, i, values));
    }
    Path file = dir.resolve("stray.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    assertEquals(java.util.Optional.empty(),
        InputFileRanges.of(new java.io.ByteArrayInputStream(Files.readAllBytes(file)), 100), "not cut");

    PCollectionTuple read = p.apply(ReadContractRows.of(InputSource.APC, List.of(file.toString()))
        .withRangeBytes(100));
    PAssert.that(read.get(ReadContractRows.ROWS)).containsInAnyOrder(expected);
    PAssert.that(read.get(ReadContractRows.ROWS_SEEN)).containsInAnyOrder(KV.of("stray.csv", 500L));
    p.run().waitUntilFinish();
  }

  @Test
  void coderOfRowsRoundTrips() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("EPIKEY", "E1");
    values.put("DIAG_4_01", "");
    values.put("PROCODE3", "caf\u00e9, \"quoted\"\nline");
    CoderProperties.coderDecodeEncodeEqual(SourceRowCoder.of(), SourceRow.of("f.csv", 7, 5, values));
  }

  /**
   * Issue 15: an input file appended while it was read was half read with exit 0. A reader that appends to the file
   * as it reads its first row stands in for a council system still writing it: the read stops naming the file.
   */
  @Test
  void aFileAppendedWhileItIsReadStopsTheReadNamingIt(TestPipeline p) throws Exception {
    StringBuilder csv = new StringBuilder("EPIKEY,ADMIDATE,PROCODE3\n");
    for (int i = 1; i <= 3_000; i++) {
      csv.append("E").append(i).append(",2024-05-01,RX1\n");
    }
    Path file = dir.resolve("growing.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    String path = file.toString();
    p.apply(ReadContractRows.of(InputSource.APC, List.of(path)).withRangeBytes(10_000)
        .mappingRows(new AppendOnFirstRow(path), org.apache.beam.sdk.coders.StringUtf8Coder.of()));
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    Throwable cause = e;
    while (!(cause instanceof org.sdelink.pipelines.contract.InputContractException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    org.junit.jupiter.api.Assertions.assertTrue(cause.getMessage().contains("input file " + path + " grew while"),
        cause.getMessage());
  }

  /** Appends one row to the file when it sees row 1. */
  private static final class AppendOnFirstRow
      implements org.apache.beam.sdk.transforms.SerializableFunction<SourceRow, String> {
    private final String path;

    AppendOnFirstRow(String path) {
      this.path = path;
    }

    @Override
    public String apply(SourceRow row) {
      if (row.get("EPIKEY").equals("E1")) {
        try {
          Files.writeString(Path.of(path), "E9999,2024-05-01,RX1\n", StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return row.get("EPIKEY");
    }
  }
}
