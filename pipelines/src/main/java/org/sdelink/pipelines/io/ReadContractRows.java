package org.sdelink.pipelines.io;

import java.util.concurrent.atomic.LongAdder;
import org.sdelink.pipelines.progress.RowCounters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sdelink.pipelines.contract.InputSource;

/**
 * Reads input files against their contract: each file by one reader (RFC 4180 quoted newlines make a file
 * unsplittable), giving accepted {@link SourceRow}s, {@link RejectedRow}s and, per file, the number of data rows seen
 * (so the stage can reconcile rows in = accepted + rejected).
 */
public final class ReadContractRows extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<SourceRow> ROWS = new TupleTag<>("rows") {};
  public static final TupleTag<RejectedRow> REJECTS = new TupleTag<>("rejects") {};
  public static final TupleTag<KV<String, Long>> ROWS_SEEN = new TupleTag<>("rowsSeen") {};
  private static final TupleTag<SourceRowBatch> BATCHES = new TupleTag<>("batches") {};
  /** Rows per batch moved from a file's reader to the workers. */
  static final int BATCH_ROWS = 1_000;
  private static final int SPREAD_BUCKETS = 64;

  private final InputSource source;
  private final List<String> files;

  private ReadContractRows(InputSource source, List<String> files) {
    this.source = source;
    this.files = List.copyOf(files);
  }

  /** Reads {@code files} (paths or URIs Beam's FileSystems understands), all under {@code source}'s contract. */
  public static ReadContractRows of(InputSource source, List<String> files) {
    return new ReadContractRows(source, files);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple read = begin
        .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("ReadAgainstContract", ParDo.of(new ReadFileFn(source))
            .withOutputTags(BATCHES, TupleTagList.of(REJECTS).and(ROWS_SEEN)));
    read.get(BATCHES).setCoder(new SourceRowBatch.Coder());
    read.get(REJECTS).setCoder(SerializableCoder.of(RejectedRow.class));
    read.get(ROWS_SEEN).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    // One reader per file (quoted newlines make a file unsplittable); its rows are spread over the workers in
    // batches, so that the per-row work after the read runs on every core.
    PCollection<SourceRow> rows = read.get(BATCHES)
        .apply("SpreadBatches", Reshuffle.<SourceRowBatch>viaRandomKey().withNumBuckets(SPREAD_BUCKETS))
        .apply("RowsOfBatch", ParDo.of(new DoFn<SourceRowBatch, SourceRow>() {
          @ProcessElement
          public void process(@Element SourceRowBatch batch, OutputReceiver<SourceRow> out) {
            batch.rows().forEach(out::output);
          }
        }))
        .setCoder(SourceRowCoder.of());
    return PCollectionTuple.of(ROWS, rows)
        .and(REJECTS, read.get(REJECTS))
        .and(ROWS_SEEN, read.get(ROWS_SEEN));
  }

  /** The file name recorded in record ids and rejects: the last path segment. */
  public static String fileName(String path) {
    String normalised = path.replace('\\', '/');
    return normalised.substring(normalised.lastIndexOf('/') + 1);
  }

  private static final class ReadFileFn extends DoFn<String, SourceRowBatch> {
    private final InputSource source;
    private transient LongAdder rowsRead;

    ReadFileFn(InputSource source) {
      this.source = source;
    }

    @Setup
    public void setup() {
      rowsRead = RowCounters.counter(RowCounters.ROWS_READ);
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) throws IOException {
      String name = fileName(path);
      var resource = FileSystems.matchSingleFileSpec(path).resourceId();
      SourceRowBatch[] batch = new SourceRowBatch[1];
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
        long seen = ContractCsvReader.forSource(source).read(in, name, new ContractCsvReader.RowHandler() {
          @Override
          public void accept(SourceRow row) {
            if (batch[0] != null && (batch[0].size() >= BATCH_ROWS || !batch[0].fits(row))) {
              out.get(BATCHES).output(batch[0]);
              batch[0] = null;
            }
            if (batch[0] == null) {
              batch[0] = SourceRowBatch.startingWith(row);
            } else {
              batch[0].add(row);
            }
            rowsRead.increment();
          }

          @Override
          public void reject(RejectedRow rejected) {
            out.get(REJECTS).output(rejected);
            rowsRead.increment();
          }
        });
        if (batch[0] != null) {
          out.get(BATCHES).output(batch[0]);
        }
        out.get(ROWS_SEEN).output(KV.of(name, seen));
      }
    }
  }
}
