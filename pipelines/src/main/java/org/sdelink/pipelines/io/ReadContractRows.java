package org.sdelink.pipelines.io;

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
    PCollectionTuple result = begin
        .apply("ListFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("ReadAgainstContract", ParDo.of(new ReadFileFn(source))
            .withOutputTags(ROWS, TupleTagList.of(REJECTS).and(ROWS_SEEN)));
    result.get(ROWS).setCoder(SerializableCoder.of(SourceRow.class));
    result.get(REJECTS).setCoder(SerializableCoder.of(RejectedRow.class));
    result.get(ROWS_SEEN).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return result;
  }

  /** The file name recorded in record ids and rejects: the last path segment. */
  public static String fileName(String path) {
    String normalised = path.replace('\\', '/');
    return normalised.substring(normalised.lastIndexOf('/') + 1);
  }

  private static final class ReadFileFn extends DoFn<String, SourceRow> {
    private final InputSource source;

    ReadFileFn(InputSource source) {
      this.source = source;
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) throws IOException {
      String name = fileName(path);
      var resource = FileSystems.matchSingleFileSpec(path).resourceId();
      try (InputStream in = Channels.newInputStream(FileSystems.open(resource))) {
        long seen = ContractCsvReader.forSource(source).read(in, name, new ContractCsvReader.RowHandler() {
          @Override
          public void accept(SourceRow row) {
            out.get(ROWS).output(row);
          }

          @Override
          public void reject(RejectedRow rejected) {
            out.get(REJECTS).output(rejected);
          }
        });
        out.get(ROWS_SEEN).output(KV.of(name, seen));
      }
    }
  }
}
