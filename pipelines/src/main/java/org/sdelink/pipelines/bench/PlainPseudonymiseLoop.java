package org.sdelink.pipelines.bench;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.ContractCsvReader;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.RejectedRow;
import org.sdelink.pipelines.io.SourceRow;
import org.sdelink.pipelines.pseudonymise.RowPseudonymiser;

/**
 * The pseudonymise stage's per-row work as a plain single-threaded Java loop: parse each row against its contract,
 * normalise and tokenise it with the same {@link RowPseudonymiser}, format it and write it to a file. It is the
 * yardstick of {@code sdelink bench}: the pipeline's rows per second are reported as a share of this loop's.
 */
public final class PlainPseudonymiseLoop {
  /** What the loop did: rows in, rows written, rows rejected, and the time it took. */
  public record Result(long rowsIn, long written, long rejected, Duration wall) {
    public double rowsPerSecond() {
      return wall.isZero() ? 0 : rowsIn / (wall.toNanos() / 1e9);
    }
  }

  private final InputSource source;
  private final RowPseudonymiser rows;

  private PlainPseudonymiseLoop(InputSource source, RowPseudonymiser rows) {
    this.source = source;
    this.rows = rows;
  }

  public static PlainPseudonymiseLoop of(InputSource source, RowPseudonymiser rows) {
    return new PlainPseudonymiseLoop(checkNotNull(source), checkNotNull(rows));
  }

  /** Runs the loop over {@code inputs}, writing pseudonymised rows to {@code output} (unsorted, one CSV). */
  public Result run(List<Path> inputs, Path output) throws IOException {
    long start = System.nanoTime();
    long[] counts = new long[3];
    try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      writeLine(out, CsvLines.format(rows.columns()));
      for (Path input : inputs) {
        try (InputStream in = Files.newInputStream(input)) {
          counts[0] += ContractCsvReader.forSource(source).read(in, input.getFileName().toString(),
              new ContractCsvReader.RowHandler() {
                @Override
                public void accept(SourceRow row) {
                  writeLine(out, CsvLines.format(rows.apply(row).values()));
                  counts[1]++;
                }

                @Override
                public void reject(RejectedRow rejected) {
                  counts[2]++;
                }
              });
        }
      }
    }
    return new Result(counts[0], counts[1], counts[2], Duration.ofNanos(System.nanoTime() - start));
  }

  private static void writeLine(Writer out, String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
