package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.sdelink.fixtures.broken.BrokenFileCorpus;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;

/**
 * Fuzzing the contract reader: random bytes, random text under a valid header, and mutated corpus files. No input may
 * make it hang (each read has a time limit) or throw anything but {@link InputContractException} (a file-level stop);
 * every data row it reports is either accepted or rejected (rows in = accepted + rejected), with a line and a reason.
 */
class ContractCsvReaderFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /** What one read gave. */
  private record Outcome(long rows, List<SourceRow> accepted, List<RejectedRow> rejected, String stop) {}

  private static Outcome read(InputSource source, byte[] bytes) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      List<SourceRow> accepted = new ArrayList<>();
      List<RejectedRow> rejected = new ArrayList<>();
      try {
        // The pre-flight header check and the full read must agree on whether the file stops.
        String headerStop = null;
        try {
          ContractCsvReader.forSource(source).checkHeader(new ByteArrayInputStream(bytes), "fuzz.csv");
        } catch (InputContractException e) {
          headerStop = e.getMessage();
        }
        long rows;
        try {
          rows = ContractCsvReader.forSource(source).read(new ByteArrayInputStream(bytes), "fuzz.csv",
              new ContractCsvReader.RowHandler() {
                @Override
                public void accept(SourceRow row) {
                  accepted.add(row);
                }

                @Override
                public void reject(RejectedRow row) {
                  rejected.add(row);
                }
              });
        } catch (InputContractException e) {
          assertTrue(headerStop != null, "read stopped but the header check passed: " + e.getMessage());
          assertTrue(accepted.isEmpty() && rejected.isEmpty(), "rows were handed out before the stop");
          return new Outcome(0, accepted, rejected, e.getMessage());
        }
        assertEquals(null, headerStop, "the header check stopped but read did not");
        return new Outcome(rows, accepted, rejected, null);
      } catch (InputContractException e) {
        throw new AssertionError("unexpected", e);
      }
    }, "the reader took longer than " + LIMIT);
  }

  private static void checkInvariants(Outcome outcome, int inputLength) {
    net.jqwik.api.statistics.Statistics.collect(outcome.stop() != null ? "stopped"
        : outcome.rejected().isEmpty() ? "all rows accepted" : "some rows rejected");
    if (outcome.stop() != null) {
      assertTrue(outcome.stop().contains("fuzz.csv"), "a stop names the file: " + outcome.stop());
      return;
    }
    assertEquals(outcome.rows(), outcome.accepted().size() + outcome.rejected().size(),
        "rows in = accepted + rejected");
    long previous = 1;
    for (SourceRow row : outcome.accepted()) {
      assertTrue(row.line() >= 2 && row.rowNumber() >= 1, "a data row starts after the header");
      assertTrue(row.line() > previous, "lines increase");
      previous = row.line();
    }
    for (RejectedRow r : outcome.rejected()) {
      assertTrue(r.line() >= 2, "a reject names a data line: " + r);
      assertFalse(r.reason().isEmpty());
      assertTrue(r.message().length() < 400, "a reject message is short: " + r.message().length());
    }
    assertTrue(outcome.rows() <= inputLength, "more rows than bytes");
  }

  @Property(tries = 300)
  void randomBytesNeverHangOrThrow(@ForAll @Size(max = 3000) byte[] bytes, @ForAll InputSource source) {
    checkInvariants(read(source, bytes), bytes.length);
  }

  @Property(tries = 500)
  void randomTextUnderAValidHeader(@ForAll("headers") String header, @ForAll("csvText") String body,
      @ForAll boolean bom) {
    InputSource source = header.startsWith("EPIKEY") ? InputSource.APC : InputSource.CLD;
    byte[] bytes = concat(bom ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0],
        (header + "\n" + body).getBytes(StandardCharsets.UTF_8));
    Outcome outcome = read(source, bytes);
    checkInvariants(outcome, bytes.length);
    assertEquals(null, outcome.stop(), "a valid header must not stop the file");
  }

  @Property(tries = 500)
  void mutatedCorpusFiles(@ForAll("corpusFiles") BrokenFileCorpus.Case c, @ForAll("mutations") List<Mutation> edits) {
    byte[] bytes = c.content().length > 20_000 ? java.util.Arrays.copyOf(c.content(), 20_000) : c.content();
    for (Mutation edit : edits) {
      bytes = edit.apply(bytes);
    }
    checkInvariants(read(InputSource.fromId(c.source()), bytes), bytes.length);
  }

  @Example
  void pathologicalInputsFinishInTime() {
    String header = "EPIKEY,ADMIDATE,PROCODE3\n";
    List<String> bodies = List.of(
        "\"".repeat(2_000_000),
        "1,2024-01-01,\"" + "x".repeat(3_000_000),
        ",".repeat(1_000_000) + "\n",
        "\n".repeat(1_000_000),
        "\r".repeat(1_000_000),
        ("1,2024-01-01,R\"\"X\n").repeat(100_000),
        "\"\"\"\"".repeat(500_000) + ",2024-01-01,RXX\n");
    for (String body : bodies) {
      byte[] bytes = (header + body).getBytes(StandardCharsets.UTF_8);
      checkInvariants(read(InputSource.APC, bytes), bytes.length);
    }
  }

  @Provide
  Arbitrary<String> headers() {
    Arbitrary<String> cld = Arbitraries.subsetOf(InputSource.CLD.columns()).map(optional -> {
      List<String> columns = new ArrayList<>(InputSource.CLD.requiredColumns());
      optional.stream().filter(c -> !columns.contains(c)).sorted().forEach(columns::add);
      return String.join(",", columns);
    });
    Arbitrary<String> apc = Arbitraries.subsetOf(InputSource.APC.columns()).map(optional -> {
      List<String> columns = new ArrayList<>(List.of("EPIKEY", "ADMIDATE", "PROCODE3"));
      optional.stream().filter(c -> !columns.contains(c)).sorted().forEach(columns::add);
      return String.join(",", columns);
    });
    return Arbitraries.oneOf(cld, apc);
  }

  /** Text made of the pieces that matter to a CSV reader: separators, quotes, line ends, dates, odd characters. */
  @Provide
  Arbitrary<String> csvText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(",", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "\u0000", "\uFFFD", "\uFEFF",
            "2024-02-30", "2024-05-01", "01/05/2024", "1800-01-01", "1899-12-31", "-1", "1e9", "NaN", "9434765919",
            "E08000035", "LS1 4AP", "é", "\uD83D\uDE00"),
        Arbitraries.strings().ofMaxLength(8),
        Arbitraries.strings().numeric().ofMaxLength(12));
    return piece.list().ofMaxSize(200).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<BrokenFileCorpus.Case> corpusFiles() {
    return Arbitraries.of(BrokenFileCorpus.cases());
  }

  /**
   * One edit of a file's bytes at a relative position: insert, delete or overwrite; most edits fall after the header
   * row, so that the rows, not only the header, are fuzzed.
   */
  record Mutation(int kind, double where, byte[] bytes, boolean headerToo) {
    byte[] apply(byte[] input) {
      int bodyStart = 0;
      if (!headerToo) {
        while (bodyStart < input.length && input[bodyStart] != '\n') {
          bodyStart++;
        }
        bodyStart = Math.min(input.length, bodyStart + 1);
      }
      int at = bodyStart + (int) (where * (input.length - bodyStart));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (kind) {
        case 0 -> {
          out.write(input, 0, at);
          out.writeBytes(bytes);
          out.write(input, at, input.length - at);
        }
        case 1 -> {
          int end = Math.min(input.length, at + bytes.length);
          out.write(input, 0, at);
          out.write(input, end, input.length - end);
        }
        default -> {
          out.writeBytes(input);
          byte[] result = out.toByteArray();
          for (int i = 0; i < bytes.length && at + i < result.length; i++) {
            result[at + i] = bytes[i];
          }
          return result;
        }
      }
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<byte[]> special = Arbitraries.of(",", "\"", "\n", "\r\n", "\r", "\u00e9", ",,,,", "\"\"")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> invalid = Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE},
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0});
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16);
    Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.doubles().between(0, 1), Arbitraries.oneOf(special, invalid, random),
        Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
