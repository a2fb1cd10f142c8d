package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.grouping.CountingFn;
import org.sdelink.pipelines.io.ContractCsvReader;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.ReadContractRows;
import org.sdelink.pipelines.io.RejectedRow;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.SourceRow;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pseudonymisation.IdentityColumns;

/**
 * The pseudonymise stage: input files of one source in, {@code records.csv} (tokens and non-identifying fields),
 * {@code rejects.csv} (file, line, column, reason; never a value) and {@code report.json} (counts per file and per
 * council) out. It reconciles rows in = accepted + rejected for every file and fails the run if they differ.
 */
public final class PseudonymiseStage {
  public static final String RECORDS = "records.csv";
  public static final String REJECTS = "rejects.csv";
  public static final String REPORT = "report.json";

  private final InputSource source;
  private final List<Path> inputs;
  private final RowPseudonymiser rows;
  private final String keyId;
  private final double maxRejectRate;
  private final String settings;

  private PseudonymiseStage(InputSource source, List<Path> inputs, RowPseudonymiser rows, String keyId,
      double maxRejectRate, String settings) {
    this.source = source;
    this.inputs = List.copyOf(inputs);
    this.rows = rows;
    this.keyId = keyId;
    this.maxRejectRate = maxRejectRate;
    this.settings = settings;
  }

  /** Whether {@code output} already holds this stage's output for the same input bytes and settings. */
  public boolean isUpToDate(Path output) {
    return StageDirectory.isUpToDate(output, "pseudonymise", inputs, settings());
  }

  /** The options that change the output: source, key id and the settings the caller gave (reference date). */
  String settings() {
    return "source=" + source.id() + ";key_id=" + keyId + ";" + settings;
  }

  /** The default share of a file's rows that may be rejected before the run stops: a half. */
  public static final double DEFAULT_MAX_REJECT_RATE = 0.5;

  /** The same stage, stopping when more than {@code rate} (0 to 1) of a file's rows are rejected. */
  public PseudonymiseStage withMaxRejectRate(double rate) {
    checkArgument(rate >= 0 && rate <= 1, "--max-reject-rate must be between 0 and 1");
    return new PseudonymiseStage(source, inputs, rows, keyId, rate, settings);
  }

  public static PseudonymiseStage of(InputSource source, List<Path> inputs, RowPseudonymiser rows, String keyId,
      String settings) {
    checkArgument(!inputs.isEmpty(), "no input files given");
    return new PseudonymiseStage(source, inputs, rows, keyId, DEFAULT_MAX_REJECT_RATE, settings);
  }

  /** Checks every input's header against the contract before any pipeline starts (fail closed). */
  public void checkInputs() throws IOException {
    for (Path input : inputs) {
      if (!Files.isRegularFile(input)) {
        throw new java.nio.file.NoSuchFileException(input.toString());
      }
      try (InputStream in = Files.newInputStream(input)) {
        ContractCsvReader.forSource(source).checkHeader(in, input.getFileName().toString());
      }
    }
  }

  /** Runs the stage into {@code output}; returns the report written there. */
  public StageReport run(SdelinkPipelineOptions options, Path output) throws IOException {
    checkInputs();
    StageDirectory stage = StageDirectory.begin(output);
    try {
      Path recordParts = stage.scratch("records");
      Path rejectParts = stage.scratch("rejects");
      Path countParts = stage.scratch("counts");
      int parts = options.getOutputParts();

      Pipeline pipeline = Pipeline.create(options);
      List<String> files = inputs.stream().map(p -> p.toAbsolutePath().toString()).toList();
      PCollectionTuple read = pipeline.apply("Read" + source.name(), ReadContractRows.of(source, files));

      PCollection<RowPseudonymiser.PseudonymisedRow> pseudonymised = read.get(ReadContractRows.ROWS)
          .apply("Pseudonymise", ParDo.of(new PseudonymiseFn(rows)))
          .setCoder(PseudonymisedRowCoder.of());

      pseudonymised
          .apply("FormatRecords", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.strings()))
              .via((RowPseudonymiser.PseudonymisedRow r) -> KV.of(
                  r.recordId() + "\u0000" + r.values().get(1) + "\u0000" + String.format("%012d",
                      Long.parseLong(r.values().get(2))),
                  CsvLines.format(r.values()))))
          .apply("WriteRecords", SortedCsvSink.to(recordParts.toString(), parts));

      PCollection<RejectedRow> rejects = read.get(ReadContractRows.REJECTS);
      rejects
          .apply("FormatRejects", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.strings()))
              .via((RejectedRow r) -> KV.of(r.fileName() + "\u0000" + String.format("%012d", r.line()),
                  CsvLines.format(r.csvValues()))))
          .apply("WriteRejects", SortedCsvSink.to(rejectParts.toString(), parts));

      int identityOffset = rows.columns().size() - IdentityColumns.ALL.size();
      PCollection<KV<String, Long>> acceptedCounts =
          pseudonymised.apply("CountAccepted", ParDo.of(new CountAcceptedFn(identityOffset)));
      PCollection<KV<String, Long>> rejectCounts = rejects.apply("CountRejected", ParDo.of(new CountRejectedFn()));
      PCollection<KV<String, Long>> seen = read.get(ReadContractRows.ROWS_SEEN)
          .apply("CountSeen", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
              .via((KV<String, Long> kv) -> KV.of("file\t" + kv.getKey() + "\trows_in", kv.getValue())));
      PCollectionList.of(acceptedCounts).and(rejectCounts).and(seen)
          .apply("AllCounts", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .apply("Counts", CountsSink.to(countParts, options.getBuckets()));

      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pseudonymise pipeline ended in state " + state);
      }

      long written = SortedCsvSink.merge(recordParts, CsvLines.format(rows.columns()),
          stage.work().resolve(RECORDS));
      SortedCsvSink.merge(rejectParts, CsvLines.format(RejectedRow.COLUMNS), stage.work().resolve(REJECTS));
      StageReport report = StageReport.fromCounts(source, keyId, CountsSink.read(countParts));
      report.reconcile(written);
      report.checkRejectRate(maxRejectRate);
      report.write(stage.work().resolve(REPORT));
      stage.commit("pseudonymise", inputs, settings());
      return report;
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  private static final class PseudonymiseFn extends DoFn<SourceRow, RowPseudonymiser.PseudonymisedRow> {
    private final RowPseudonymiser rows;

    PseudonymiseFn(RowPseudonymiser rows) {
      this.rows = rows;
    }

    @ProcessElement
    public void process(@Element SourceRow row, OutputReceiver<RowPseudonymiser.PseudonymisedRow> out) {
      out.output(rows.apply(row));
    }
  }

  /** Counts each accepted row per file and per council, with the status of each identifier. */
  private static final class CountAcceptedFn extends CountingFn<RowPseudonymiser.PseudonymisedRow> {
    private final int offset;
    private final int nhs = IdentityColumns.ALL.indexOf("nhs_number_status");
    private final int dob = IdentityColumns.ALL.indexOf("dob_status");
    private final int postcode = IdentityColumns.ALL.indexOf("postcode_status");
    private final int given = IdentityColumns.ALL.indexOf("given_name_token");
    private final int family = IdentityColumns.ALL.indexOf("family_name_token");

    CountAcceptedFn(int offset) {
      this.offset = offset;
    }

    @ProcessElement
    public void process(@Element RowPseudonymiser.PseudonymisedRow r) {
      List<String> v = r.values();
      count("file\t" + v.get(1) + "\taccepted");
      String la = "la\t" + (r.laCode().isEmpty() ? "(blank)" : r.laCode()) + "\t";
      count(la + "rows");
      count(la + "nhs_number_status:" + v.get(offset + nhs));
      count(la + "dob_status:" + v.get(offset + dob));
      count(la + "postcode_status:" + v.get(offset + postcode));
      if (!v.get(offset + given).isEmpty()) {
        count(la + "given_name_present");
      }
      if (!v.get(offset + family).isEmpty()) {
        count(la + "family_name_present");
      }
    }
  }

  /** Counts each rejected row per file, per reason and per council. */
  private static final class CountRejectedFn extends CountingFn<RejectedRow> {
    @ProcessElement
    public void process(@Element RejectedRow r) {
      count("file\t" + r.fileName() + "\trejected");
      count("reason\t" + r.reason() + "\trejected");
      count("la\t" + (r.laCode().isEmpty() ? "(blank)" : r.laCode()) + "\trejected");
    }
  }
}
