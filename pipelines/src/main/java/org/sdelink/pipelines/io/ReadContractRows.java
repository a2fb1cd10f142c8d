package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.progress.RowCounters;

/**
 * Reads input files against their contract, giving accepted {@link SourceRow}s, {@link RejectedRow}s and, per file,
 * the number of data rows seen (so the stage can reconcile rows in = accepted + rejected). A file that is strictly
 * RFC 4180 is cut into ranges of whole records ({@link InputFileRanges}) that several readers parse at once, each
 * knowing the line and row number it starts at; any other file is read whole by one reader (its parser decides what
 * is unreadable). Either way every row, line and record id is what one reader of the whole file gives. A file that
 * changes while it is read (size or modification time, {@link InputFileState}) stops the read naming it.
 */
public final class ReadContractRows<T> extends PTransform<PBegin, PCollectionTuple> {
  /** The accepted rows of {@link #of}; a reading with {@link #mappingRows} gives its rows under {@link #rowsTag()}. */
  public static final TupleTag<SourceRow> ROWS = new TupleTag<>("rows") {};
  public static final TupleTag<RejectedRow> REJECTS = new TupleTag<>("rejects") {};
  public static final TupleTag<KV<String, Long>> ROWS_SEEN = new TupleTag<>("rowsSeen") {};
  /** Bytes per range read by one reader (a file smaller than two ranges is read by one reader). */
  static final long RANGE_BYTES = 16L << 20;

  private final InputSource source;
  private final List<String> files;
  private final long rangeBytes;
  private final SerializableFunction<SourceRow, T> perRow;
  private final Coder<T> rowCoder;

  private ReadContractRows(InputSource source, List<String> files, long rangeBytes,
      SerializableFunction<SourceRow, T> perRow, Coder<T> rowCoder) {
    this.source = source;
    this.files = List.copyOf(files);
    this.rangeBytes = rangeBytes;
    this.perRow = perRow;
    this.rowCoder = rowCoder;
  }

  /** Reads {@code files} (paths or URIs Beam's FileSystems understands), all under {@code source}'s contract. */
  public static ReadContractRows<SourceRow> of(InputSource source, List<String> files) {
    return new ReadContractRows<>(source, files, RANGE_BYTES, row -> row, SourceRowCoder.of());
  }

  /**
   * The same reads, each accepted row turned into {@code perRow(row)} by the worker that read it (so that no raw row
   * travels between workers), under {@link #rowsTag()}.
   */
  public <U> ReadContractRows<U> mappingRows(SerializableFunction<SourceRow, U> perRow, Coder<U> coder) {
    return new ReadContractRows<>(source, files, rangeBytes, perRow, coder);
  }

  /** The same reads cutting files into ranges of about {@code bytes} (tests use small ranges). */
  ReadContractRows<T> withRangeBytes(long bytes) {
    checkArgument(bytes > 0, "range size must be positive");
    return new ReadContractRows<>(source, files, bytes, perRow, rowCoder);
  }

  /** The tag of the accepted rows in the output ({@link #ROWS} for {@link #of}). */
  public TupleTag<T> rowsTag() {
    return new TupleTag<>(ROWS.getId());
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    TupleTag<T> rows = rowsTag();
    PCollectionTuple read = begin
        .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("CutIntoRanges", ParDo.of(new CutFn(source, rangeBytes)))
        .setCoder(SerializableCoder.of(FilePart.class))
        .apply("SpreadParts", Reshuffle.viaRandomKey())
        .apply("ReadAgainstContract", ParDo.of(new ReadPartFn<>(source, perRow, rows))
            .withOutputTags(rows, TupleTagList.of(REJECTS).and(ROWS_SEEN)));
    read.get(rows).setCoder(rowCoder);
    read.get(REJECTS).setCoder(SerializableCoder.of(RejectedRow.class));
    PCollection<KV<String, Long>> seen = read.get(ROWS_SEEN)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("RowsSeenPerFile", Sum.longsPerKey());
    return PCollectionTuple.of(rows, read.get(rows))
        .and(REJECTS, read.get(REJECTS))
        .and(ROWS_SEEN, seen);
  }

  /**
   * Reads one part against {@code source}'s contract, handing every data row to {@code handler}; returns the data
   * rows seen in the part (a file's parts add up to its rows).
   */
  private static long readPart(InputSource source, FilePart part, ContractCsvReader.RowHandler handler)
      throws IOException {
    ContractCsvReader reader = ContractCsvReader.forSource(source);
    String name = fileName(part.path());
    if (part.range() == null) {
      var resource = FileSystems.matchSingleFileSpec(part.path()).resourceId();
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
        return reader.read(in, name, handler);
      }
    }
    InputFileRanges.Range range = part.range();
    try (InputStream in = ByteRangeStreams.open(part.path(), range.start(), range.end())) {
      return reader.readRange(in, name, part.header(), range, handler);
    }
  }

  /** The file name recorded in record ids and rejects: the last path segment. */
  public static String fileName(String path) {
    String normalised = path.replace('\\', '/');
    return normalised.substring(normalised.lastIndexOf('/') + 1);
  }

  /**
   * A part of one file for one reader: a range of its records, or the whole file ({@code range} null), with the
   * file's canonical header.
   */
  record FilePart(String path, List<String> header, InputFileRanges.Range range, InputFileState state)
      implements Serializable {}

  /** Cuts each file into ranges when it is strictly RFC 4180, else gives it whole. */
  private static final class CutFn extends DoFn<String, FilePart> {
    private final InputSource source;
    private final long rangeBytes;

    CutFn(InputSource source, long rangeBytes) {
      this.source = source;
      this.rangeBytes = rangeBytes;
    }

    @ProcessElement
    public void process(@Element String path, OutputReceiver<FilePart> out) throws IOException {
      InputFileState state = InputFileState.of(path);
      var resource = FileSystems.matchSingleFileSpec(path).resourceId();
      Optional<List<InputFileRanges.Range>> ranges;
      List<String> header;
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
        header = ContractCsvReader.forSource(source).checkHeader(in, fileName(path));
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
        ranges = InputFileRanges.of(in, rangeBytes);
      }
      state.checkUnchanged();
      if (ranges.isEmpty() || ranges.get().size() < 2) {
        out.output(new FilePart(path, header, null, state));
        return;
      }
      for (InputFileRanges.Range range : ranges.get()) {
        out.output(new FilePart(path, header, range, state));
      }
    }
  }

  /** Reads one part of a file and gives each accepted row's {@code perRow} value, each reject, and the rows seen. */
  private static final class ReadPartFn<T> extends DoFn<FilePart, T> {
    private final InputSource source;
    private final SerializableFunction<SourceRow, T> perRow;
    private final TupleTag<T> rows;
    private transient LongAdder rowsRead;

    ReadPartFn(InputSource source, SerializableFunction<SourceRow, T> perRow, TupleTag<T> rows) {
      this.source = source;
      this.perRow = perRow;
      this.rows = rows;
    }

    @Setup
    public void setup() {
      rowsRead = RowCounters.counter(RowCounters.ROWS_READ);
    }

    @ProcessElement
    public void process(@Element FilePart part, MultiOutputReceiver out) throws IOException {
      long seen = readPart(source, part, new ContractCsvReader.RowHandler() {
        @Override
        public void accept(SourceRow row) {
          out.get(rows).output(perRow.apply(row));
          rowsRead.increment();
        }

        @Override
        public void reject(RejectedRow rejected) {
          out.get(REJECTS).output(rejected);
          rowsRead.increment();
        }
      });
      part.state().checkUnchanged();
      out.get(ROWS_SEEN).output(KV.of(fileName(part.path()), seen));
    }
  }
}
