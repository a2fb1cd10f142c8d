package org.sdelink.pipelines.io;

import java.util.concurrent.atomic.LongAdder;
import org.sdelink.pipelines.progress.RowCounters;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads chosen columns of a CSV file that sdelink itself wrote (a stage output), as lists of values in the order
 * asked for. The header is checked by the driver first ({@link #checkColumns}), so a missing column stops the run
 * before a pipeline starts.
 */
public final class ReadCsvColumns extends PTransform<PBegin, PCollection<List<String>>> {
  private final String file;
  private final List<String> columns;

  private ReadCsvColumns(String file, List<String> columns) {
    this.file = file;
    this.columns = List.copyOf(columns);
  }

  public static ReadCsvColumns of(Path file, List<String> columns) {
    return new ReadCsvColumns(file.toAbsolutePath().toString(), columns);
  }

  /** Fails unless {@code file} exists and its header holds every column in {@code columns}. */
  public static void checkColumns(Path file, List<String> columns) throws IOException {
    List<String> header = header(file);
    for (String column : columns) {
      if (!header.contains(column)) {
        throw new IllegalArgumentException("file " + file + " has no column '" + column
            + "': is it the output of the right sdelink stage (and of this sdelink version)?");
      }
    }
  }

  /** The header of a stage output; a missing file is a {@link java.nio.file.NoSuchFileException}. */
  public static List<String> header(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      return parser.getHeaderNames();
    }
  }

  /** Bytes per range the readers parse in parallel (a file smaller than two ranges is read whole). */
  static final long RANGE_BYTES = 16L << 20;

  @Override
  public PCollection<List<String>> expand(PBegin begin) {
    return begin
        .apply("File", Create.of(file).withCoder(StringUtf8Coder.of()))
        .apply("SplitIntoRanges", ParDo.of(new SplitFn(RANGE_BYTES)))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("ReadColumns", ParDo.of(new ReadRangeFn(file, columns)))
        .setCoder(ListCoder.of(StringUtf8Coder.of()));
  }

  /** The file's ranges of whole records ({@link CsvSplits}), as (start, end) byte offsets. */
  private static final class SplitFn extends DoFn<String, KV<Long, Long>> {
    private final long rangeBytes;

    SplitFn(long rangeBytes) {
      this.rangeBytes = rangeBytes;
    }

    @ProcessElement
    public void process(@Element String path, OutputReceiver<KV<Long, Long>> out) throws IOException {
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource(path)))) {
        for (CsvSplits.Range range : CsvSplits.of(in, rangeBytes)) {
          out.output(KV.of(range.start(), range.end()));
        }
      }
    }
  }

  /** Parses one range of records and emits the chosen columns of each. */
  private static final class ReadRangeFn extends DoFn<KV<Long, Long>, List<String>> {
    private final String path;
    private final List<String> columns;
    private transient LongAdder rowsRead;
    private transient int[] index;

    ReadRangeFn(String path, List<String> columns) {
      this.path = path;
      this.columns = columns;
    }

    @Setup
    public void setup() throws IOException {
      rowsRead = RowCounters.counter(RowCounters.ROWS_READ);
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource(path)));
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
        List<String> header = parser.getHeaderNames();
        index = columns.stream().mapToInt(header::indexOf).toArray();
        for (int i = 0; i < index.length; i++) {
          if (index[i] < 0) {
            throw new IOException("file " + path + " has no column '" + columns.get(i) + "'");
          }
        }
      }
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> range, OutputReceiver<List<String>> out) throws IOException {
      try (InputStream in = ByteRangeStreams.open(path, range.getKey(), range.getValue())) {
        // The columns asked for are picked from the bytes; the others are skipped undecoded (CsvFieldScanner).
        CsvFieldScanner records = new CsvFieldScanner(in, path, range.getKey(), index);
        for (List<String> values = records.next(); values != null; values = records.next()) {
          out.output(values);
          rowsRead.increment();
        }
      }
    }
  }

  private static org.apache.beam.sdk.io.fs.ResourceId resource(String path) throws IOException {
    return FileSystems.matchSingleFileSpec(path).resourceId();
  }
}
