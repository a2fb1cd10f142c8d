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
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

  @Override
  public PCollection<List<String>> expand(PBegin begin) {
    return begin
        .apply("File", Create.of(file).withCoder(StringUtf8Coder.of()))
        .apply("ReadColumns", ParDo.of(new ReadFn(columns)))
        .setCoder(ListCoder.of(StringUtf8Coder.of()));
  }

  private static final class ReadFn extends DoFn<String, List<String>> {
    private final List<String> columns;

    ReadFn(List<String> columns) {
      this.columns = columns;
    }

    private transient LongAdder rowsRead;

    @Setup
    public void setup() {
      rowsRead = RowCounters.counter(RowCounters.ROWS_READ);
    }

    @ProcessElement
    public void process(@Element String path, OutputReceiver<List<String>> out) throws IOException {
      var resource = FileSystems.matchSingleFileSpec(path).resourceId();
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource));
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
        int[] index = columns.stream().mapToInt(c -> parser.getHeaderNames().indexOf(c)).toArray();
        for (CSVRecord record : parser) {
          List<String> values = new ArrayList<>(index.length);
          for (int i : index) {
            values.add(record.get(i));
          }
          out.output(values);
          rowsRead.increment();
        }
      }
    }
  }
}
