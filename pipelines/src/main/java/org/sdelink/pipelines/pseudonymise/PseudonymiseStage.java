package org.sdelink.pipelines.pseudonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.grouping.CountingFn;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.io.ContractCsvReader;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.InputFileState;
import org.sdelink.pipelines.io.ReadContractRows;
import org.sdelink.pipelines.io.RejectedRow;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.SourceRow;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pseudonymisation.IdentityColumns;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The pseudonymise stage: input files of one source in, {@code records.csv} (tokens and non-identifying fields),
 * {@code rejects.csv} (file, line, column, reason; never a value) and {@code report.json} (counts per file and per
 * council) out. It reconciles rows in = accepted + rejected for every file and fails the run if they differ. APC rows
 * that share an EPIKEY with different content are rejected ({@link DuplicateKeys}); coded values missing from the
 * operator's code lists are kept and counted ({@link CodeCheck}).
 */
public final class PseudonymiseStage {
  public static final String RECORDS = "records.csv";
  public static final String REJECTS = "rejects.csv";
  public static final String REPORT = "report.json";

  private final InputSource source;
  private final List<Path> inputs;
  private final RowPseudonymiser rows;
  private final String keyId;
  private final String keyFingerprint;
  private final double maxRejectRate;
  private final String settings;
  private final CodeCheck codeCheck;

  private PseudonymiseStage(InputSource source, List<Path> inputs, RowPseudonymiser rows, String keyId,
      String keyFingerprint, double maxRejectRate, String settings, CodeCheck codeCheck) {
    this.source = source;
    this.inputs = List.copyOf(inputs);
    this.rows = rows;
    this.keyId = keyId;
    this.keyFingerprint = keyFingerprint;
    this.maxRejectRate = maxRejectRate;
    this.settings = settings;
    this.codeCheck = codeCheck;
  }

  /** Whether {@code output} already holds this stage's output for the same input bytes and settings. */
  public boolean isUpToDate(Path output) {
    return StageDirectory.isUpToDate(output, "pseudonymise", inputs, settings());
  }

  /**
   * The options that change the output: source, the key (by its fingerprint, which says which key it is: two keys
   * may share an old-style id, see {@code KeyFingerprint}), the code lists (by fingerprint) and the settings the
   * caller gave (reference date).
   */
  String settings() {
    return "source=" + source.id() + ";key_fingerprint=" + keyFingerprint + ";code_lists=" + codeCheck.fingerprint()
        + ";" + settings;
  }

  /** The default share of a file's rows that may be rejected before the run stops: a half. */
  public static final double DEFAULT_MAX_REJECT_RATE = 0.5;

  /** The same stage, stopping when more than {@code rate} (0 to 1) of a file's rows are rejected. */
  public PseudonymiseStage withMaxRejectRate(double rate) {
    checkArgument(rate >= 0 && rate <= 1, "--max-reject-rate must be between 0 and 1");
    return new PseudonymiseStage(source, inputs, rows, keyId, keyFingerprint, rate, settings, codeCheck);
  }

  /**
   * The same stage, counting coded values that {@code lists} do not hold (kept, counted per file, column and council
   * in {@code report.json}; never the value). Without lists the report says the codes were not checked.
   */
  public PseudonymiseStage withCodeLists(CodeLists lists) {
    return new PseudonymiseStage(source, inputs, rows, keyId, keyFingerprint, maxRejectRate, settings, CodeCheck.of(source, lists));
  }

  /** The stage tokenising {@code inputs} with {@code rows}, made under {@code key} (its id and fingerprint only). */
  public static PseudonymiseStage of(InputSource source, List<Path> inputs, RowPseudonymiser rows, MasterKey key,
      String settings) {
    checkArgument(!inputs.isEmpty(), "no input files given");
    return new PseudonymiseStage(source, inputs, rows, key.id(), key.fingerprint(), DEFAULT_MAX_REJECT_RATE, settings,
        CodeCheck.none(source));
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
    List<InputFileState> inputStates = InputFileState.of(
        inputs.stream().map(p -> p.toAbsolutePath().toString()).toList());
    StageDirectory stage = StageDirectory.begin(output);
    try {
      Path recordParts = stage.scratch("records");
      Path rejectParts = stage.scratch("rejects");
      Path countParts = stage.scratch("counts");

      Pipeline pipeline = Pipeline.create(options);
      List<String> files = inputs.stream().map(p -> p.toAbsolutePath().toString()).toList();
      // Each part of a file is read and its rows pseudonymised by the same worker: no raw row leaves it.
      ReadContractRows<RowPseudonymiser.PseudonymisedRow> reading = ReadContractRows.of(source, files)
          .mappingRows(new PseudonymiseRow(rows, codeCheck), PseudonymisedRowCoder.of());
      PCollectionTuple read = pipeline.apply("Read" + source.name(), reading);

      PCollection<RowPseudonymiser.PseudonymisedRow> pseudonymised = read.get(reading.rowsTag());

      PCollection<RejectedRow> readRejects = read.get(ReadContractRows.REJECTS);
      PCollection<RowPseudonymiser.PseudonymisedRow> accepted;
      PCollection<RejectedRow> rejects;
      PCollection<KV<String, Long>> copyCounts;
      if (source == InputSource.APC) {
        // EPIKEYs shared by rows with different content: decided on small summaries grouped in bounded buckets,
        // then looked up by every row (the conflicting ids are few: each is a data error that is rejected).
        PCollectionTuple decided = pseudonymised
            .apply("SummariseCopies", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                    TypeDescriptors.strings()))
                .via((RowPseudonymiser.PseudonymisedRow r) -> {
                  DuplicateKeys.Copy copy = DuplicateKeys.copyOf(r);
                  return KV.of(copy.recordId(), copy.digest() + "\t" + copy.line() + "\t" + copy.file());
                }))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("GroupCopiesByRecordId", GroupIntoBuckets.of(options.getBuckets()))
            .apply("FindConflictingCopies", ParDo.of(new DuplicateKeysFn())
                .withOutputTags(CONFLICTS, TupleTagList.of(COPY_COUNTS)));
        PCollectionView<Map<String, String>> conflicts = decided.get(CONFLICTS)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("ConflictingRecordIds", View.asMap());
        PCollectionTuple split = pseudonymised
            .apply("RejectConflictingCopies", ParDo.of(new SplitConflictingFn(conflicts))
                .withSideInputs(conflicts)
                .withOutputTags(KEPT, TupleTagList.of(DUPLICATE_REJECTS)));
        accepted = split.get(KEPT).setCoder(PseudonymisedRowCoder.of());
        rejects = PCollectionList.of(readRejects)
            .and(split.get(DUPLICATE_REJECTS).setCoder(readRejects.getCoder()))
            .apply("AllRejects", Flatten.pCollections());
        copyCounts = decided.get(COPY_COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      } else {
        accepted = pseudonymised;
        rejects = readRejects;
        copyCounts = null;
      }

      accepted
          .apply("FormatRecords", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.strings()))
              .via((RowPseudonymiser.PseudonymisedRow r) -> KV.of(
                  r.recordId() + "\u0000" + r.values().get(1) + "\u0000" + String.format("%012d",
                      Long.parseLong(r.values().get(2))),
                  CsvLines.format(r.values()))))
          .apply("WriteRecords", SortedCsvSink.to(recordParts.toString()));

      rejects
          .apply("FormatRejects", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                  TypeDescriptors.strings()))
              .via((RejectedRow r) -> KV.of(r.fileName() + "\u0000" + String.format("%012d", r.line()),
                  CsvLines.format(r.csvValues()))))
          .apply("WriteRejects", SortedCsvSink.to(rejectParts.toString()));

      int identityOffset = rows.columns().size() - IdentityColumns.ALL.size();
      PCollection<KV<String, Long>> acceptedCounts =
          accepted.apply("CountAccepted", ParDo.of(new CountAcceptedFn(identityOffset)));
      PCollection<KV<String, Long>> rejectCounts = rejects.apply("CountRejected", ParDo.of(new CountRejectedFn()));
      PCollection<KV<String, Long>> seen = read.get(ReadContractRows.ROWS_SEEN)
          .apply("CountSeen", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
              .via((KV<String, Long> kv) -> KV.of("file\t" + kv.getKey() + "\trows_in", kv.getValue())));
      PCollectionList<KV<String, Long>> allCounts = PCollectionList.of(acceptedCounts).and(rejectCounts).and(seen);
      if (copyCounts != null) {
        allCounts = allCounts.and(copyCounts);
      }
      allCounts
          .apply("AllCounts", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .apply("Counts", CountsSink.to(countParts, options.getBuckets()));

      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pseudonymise pipeline ended in state " + state);
      }

      InputFileState.checkUnchanged(inputStates);
      long written = SortedCsvSink.merge(recordParts, CsvLines.format(rows.columns()),
          stage.work().resolve(RECORDS));
      SortedCsvSink.merge(rejectParts, CsvLines.format(RejectedRow.COLUMNS), stage.work().resolve(REJECTS));
      StageReport report = StageReport.fromCounts(source, keyId, keyFingerprint, codeCheck,
          CountsSink.read(countParts));
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

  /** Pseudonymises one accepted row where it was read, noting the coded columns the code lists do not hold. */
  private static final class PseudonymiseRow
      implements SerializableFunction<SourceRow, RowPseudonymiser.PseudonymisedRow> {
    private static final long serialVersionUID = 1L;
    private final RowPseudonymiser rows;
    private final CodeCheck codeCheck;

    PseudonymiseRow(RowPseudonymiser rows, CodeCheck codeCheck) {
      this.rows = rows;
      this.codeCheck = codeCheck;
    }

    @Override
    public RowPseudonymiser.PseudonymisedRow apply(SourceRow row) {
      RowPseudonymiser.PseudonymisedRow pseudonymised = rows.apply(row);
      List<String> unknown = codeCheck.unknownColumns(row);
      return unknown.isEmpty() ? pseudonymised : pseudonymised.withUnknownCodeColumns(unknown);
    }
  }

  private static final TupleTag<RowPseudonymiser.PseudonymisedRow> KEPT = new TupleTag<>("kept") {};
  private static final TupleTag<RejectedRow> DUPLICATE_REJECTS = new TupleTag<>("duplicateRejects") {};
  private static final TupleTag<KV<String, String>> CONFLICTS = new TupleTag<>("conflicts") {};
  private static final TupleTag<KV<String, Long>> COPY_COUNTS = new TupleTag<>("copyCounts") {};

  /** Applies {@link DuplicateKeys} to one bucket of row summaries ({@code digest TAB line TAB file} by EPIKEY). */
  private static final class DuplicateKeysFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, MultiOutputReceiver out) {
      Iterable<DuplicateKeys.Copy> copies = com.google.common.collect.Iterables.transform(bucket.getValue(), kv -> {
        String[] parts = kv.getValue().split("\t", 3);
        return new DuplicateKeys.Copy(kv.getKey(), parts[0], parts[2], Long.parseLong(parts[1]));
      });
      DuplicateKeys.Decision decision = DuplicateKeys.decide(copies, "EPIKEY");
      decision.conflicts().forEach((recordId, message) -> out.get(CONFLICTS).output(KV.of(recordId, message)));
      decision.repeatedRowsPerFile().forEach((file, n) ->
          out.get(COPY_COUNTS).output(KV.of("file\t" + file + "\trepeated_record_id", n)));
    }
  }

  /** Keeps a row, or rejects it when its EPIKEY is among the conflicting ones. */
  private static final class SplitConflictingFn
      extends DoFn<RowPseudonymiser.PseudonymisedRow, RowPseudonymiser.PseudonymisedRow> {
    private final PCollectionView<Map<String, String>> conflicts;

    SplitConflictingFn(PCollectionView<Map<String, String>> conflicts) {
      this.conflicts = conflicts;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      RowPseudonymiser.PseudonymisedRow row = context.element();
      String message = context.sideInput(conflicts).get(row.recordId());
      if (message == null) {
        context.output(row);
      } else {
        context.output(DUPLICATE_REJECTS, DuplicateKeys.reject(row, "EPIKEY", message));
      }
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
      for (String column : r.unknownCodeColumns()) {
        count("file\t" + v.get(1) + "\t" + StageReport.UNKNOWN_CODE + column);
        count(la + StageReport.UNKNOWN_CODE + column);
        count("code\t" + column + "\tunknown");
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
