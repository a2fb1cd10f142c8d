package org.sdelink.pipelines.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.approval.Approval;
import org.sdelink.policies.approval.PolicyApprovals;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.disclosure.AcroResults;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.ProtectedSummaryTable;
import org.sdelink.policies.disclosure.SmallNumberRule;
import org.sdelink.policies.disclosure.SummaryRow;
import org.sdelink.policies.disclosure.SummaryTableProtection;
import org.sdelink.policies.kanonymity.KAnonymityGate;
import org.sdelink.policies.kanonymity.KAnonymityResult;
import org.sdelink.policies.kanonymity.QuasiIdentifierGeneraliser;
import org.sdelink.policies.treatments.RecordTreatment;
import org.sdelink.pseudonymisation.Level2Pseudonymiser;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The publish stage: a research release for one approved project. Steps: refuse an unapproved or invalid policy;
 * treat every record of every released dataset by the policy (level-2 pseudonyms, generalisation, date shifts,
 * drops), scanning every released value for leaks; count the quasi-identifier classes and let the k-anonymity gate
 * choose further generalisation or suppression; write the records; protect the summary table (HES small-number rule
 * with secondary suppression) and record the checks as ACRO results; write the manifest and data dictionary.
 */
public final class PublishStage {
  public static final List<String> RECORD_DATASETS = List.of("persons", "journeys", "discharges");
  public static final String SUMMARY_DATASET = "summary";
  public static final String COSTS_DATASET = "costs";
  public static final String MANIFEST = "manifest.json";
  public static final String DICTIONARY = "data-dictionary.md";

  private static final Map<String, String> SOURCE_FILES = Map.of(
      "persons", MetricsStage.PERSONS, "journeys", MetricsStage.JOURNEYS, "discharges", MetricsStage.DISCHARGES);
  private static final TupleTag<KV<String, String>> RELEASED = new TupleTag<>("released") {};
  private static final TupleTag<KV<String, Long>> CLASS_COUNTS = new TupleTag<>("classCounts") {};

  private final String projectId;
  private final Path policyFile;
  private final Path metricsDir;
  private final MasterKey key;
  private final Clock clock;

  private PublishStage(String projectId, Path policyFile, Path metricsDir, MasterKey key, Clock clock) {
    this.projectId = projectId;
    this.policyFile = policyFile;
    this.metricsDir = metricsDir;
    this.key = key;
    this.clock = clock;
  }

  public static PublishStage of(String projectId, Path policyFile, Path metricsDir, MasterKey key) {
    return new PublishStage(projectId, policyFile, metricsDir, key, Clock.systemUTC());
  }

  /** Checks the policy: valid, approved in exactly this version, and for this project. Returns the approval. */
  public Approval checkPolicy(Policy policy) throws IOException {
    PolicyValidator.requireValid(policy);
    Approval approval = new PolicyApprovals(clock).requireApproved(policyFile);
    if (!policy.project().id().equals(projectId)) {
      throw new org.sdelink.pipelines.run.UserError("policy " + policyFile + " is for project "
          + policy.project().id() + ", not " + projectId + ": use the project's own approved policy");
    }
    return approval;
  }

  private List<Path> inputs() {
    return List.of(policyFile, metricsDir);
  }

  private String settings() {
    return "project=" + projectId + ";key_id=" + key.id();
  }

  /**
   * Whether {@code releaseDir} already holds this release for the same policy bytes, metrics outputs, project and key.
   * The approval is checked again on every run, skipped or not.
   */
  public boolean isUpToDate(Path releaseDir) {
    return StageDirectory.isUpToDate(releaseDir, "publish", inputs(), settings());
  }

  /** Runs the stage unless {@code releaseDir} is up to date; the policy's approval is checked either way. */
  public Path runOrKeep(SdelinkPipelineOptions options, Path releaseDir) throws Exception {
    checkPolicy(Policy.load(policyFile));
    return isUpToDate(releaseDir) ? releaseDir.toAbsolutePath().normalize() : run(options, releaseDir);
  }

  public Path run(SdelinkPipelineOptions options, Path releaseDir) throws Exception {
    Policy policy = Policy.load(policyFile);
    Approval approval = checkPolicy(policy);
    StageDirectory stage = StageDirectory.begin(releaseDir);
    try {
      int parts = options.getOutputParts();
      Treated treatedPass = treat(policy, options, stage, key);
      List<String> datasets = treatedPass.datasets;
      Map<String, RecordTreatment> treatments = treatedPass.treatments;
      Map<String, Path> treatedParts = treatedPass.treatedParts;
      Map<String, KAnonymityResult> gateResults = new LinkedHashMap<>();
      Map<String, QuasiIdentifierGeneraliser> generalisers = new LinkedHashMap<>();
      for (Map.Entry<String, KAnonymityGate> gate : treatedPass.gates.entrySet()) {
        KAnonymityResult result = gate.getValue().decide(
            treatedPass.classCounts.getOrDefault(gate.getKey(), Map.of()));
        gateResults.put(gate.getKey(), result);
        generalisers.put(gate.getKey(), result.generaliser());
      }

      // Pass 2: apply the gate's generalisation and suppression, and write the released records.
      Map<String, Path> treatedFiles = new LinkedHashMap<>();
      for (String dataset : datasets) {
        Path file = stage.scratch("treated-files").resolve(dataset + ".csv");
        SortedCsvSink.merge(treatedParts.get(dataset), CsvLines.format(treatments.get(dataset).releasedColumns()),
            file);
        treatedFiles.put(dataset, file);
      }
      Pipeline gatePipeline = Pipeline.create(options);
      Map<String, Path> finalParts = new LinkedHashMap<>();
      for (String dataset : datasets) {
        List<String> columns = treatments.get(dataset).releasedColumns();
        Path out = stage.scratch("final-" + dataset);
        finalParts.put(dataset, out);
        gatePipeline
            .apply("Read treated " + dataset, ReadCsvColumns.of(treatedFiles.get(dataset), columns))
            .apply("Gate " + dataset, ParDo.of(new GateFn(columns, Optional.ofNullable(generalisers.get(dataset)))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("Write " + dataset, SortedCsvSink.to(out.toString(), parts));
      }
      requireDone(gatePipeline.run().waitUntilFinish(), "publish (k-anonymity)");

      Map<String, Long> rowsOut = new LinkedHashMap<>();
      for (String dataset : datasets) {
        Path csv = stage.work().resolve(dataset + ".csv");
        rowsOut.put(dataset, SortedCsvSink.merge(finalParts.get(dataset),
            CsvLines.format(treatments.get(dataset).releasedColumns()), csv));
        ParquetCopies.write(csv, dataset, stage.work().resolve(dataset + ".parquet"));
      }

      // The aggregate table: HES small-number rule with secondary suppression, recorded as ACRO results.
      List<org.sdelink.policies.disclosure.AcroOutput> acro = new ArrayList<>();
      if (policy.datasets().containsKey(SUMMARY_DATASET)) {
        SmallNumberRule rule = policy.countTableRule().orElse(SmallNumberRule.hes());
        ProtectedSummaryTable table = SummaryTableProtection.protect(
            summaryRows(metricsDir.resolve(MetricsStage.SUMMARY)), rule);
        try (Writer writer = Files.newBufferedWriter(stage.work().resolve("summary.csv"), StandardCharsets.UTF_8)) {
          table.writeCsv(writer);
        }
        rowsOut.put(SUMMARY_DATASET, (long) table.rows().size());
        ParquetCopies.write(stage.work().resolve("summary.csv"), SUMMARY_DATASET,
            stage.work().resolve("summary.parquet"));
        acro.add(table.toAcroOutput("summary", "summary.csv", "sdelink publish --project " + projectId));
      }
      if (policy.datasets().containsKey(COSTS_DATASET)) {
        Path costs = stage.work().resolve("costs.csv");
        acro.add(CostTable.write(metricsDir.resolve(MetricsStage.SERVICE_COSTS),
            policy.magnitudeRules().orElse(MagnitudeRules.acroDefaults()), costs,
            "sdelink publish --project " + projectId));
        rowsOut.put(COSTS_DATASET, countRows(costs));
        ParquetCopies.write(costs, COSTS_DATASET, stage.work().resolve("costs.parquet"));
      }
      AcroResults.of(acro).writeTo(stage.work());

      Map<String, Long> rowsIn = new LinkedHashMap<>();
      for (String dataset : datasets) {
        rowsIn.put(dataset, countRows(metricsDir.resolve(SOURCE_FILES.get(dataset))));
      }
      ReleaseDocuments.writeDataDictionary(policy, treatments, gateResults, stage.work().resolve(DICTIONARY));
      ReleaseDocuments.writeManifest(stage.work(), policy, approval, projectId, key.id(), rowsIn, rowsOut,
          gateResults, stage.work().resolve(MANIFEST));
      stage.commit("publish", inputs(), settings());
      return stage.target();
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  /** What the treatment pass produced: treated rows (as sorted runs) and quasi-identifier class counts. */
  private record Treated(List<String> datasets, Map<String, RecordTreatment> treatments,
      Map<String, KAnonymityGate> gates, Map<String, Path> treatedParts,
      Map<String, Map<List<String>, Long>> classCounts) {}

  /**
   * The risk figures of a dry run for a policy review: the treatment pass over {@code metricsDir} under a throwaway
   * key (pseudonyms do not change class sizes), the k-anonymity gate's decision per dataset, and nothing written.
   */
  public static org.sdelink.policies.review.DryRunFigures dryRun(Policy policy, Path metricsDir,
      SdelinkPipelineOptions options) throws Exception {
    PolicyValidator.requireValid(policy);
    byte[] throwaway = new byte[32];
    new java.security.SecureRandom().nextBytes(throwaway);
    MasterKey key = MasterKey.of("dry-run", throwaway);
    Path scratch = Files.createTempDirectory("sdelink-dry-run");
    try {
      StageDirectory stage = StageDirectory.begin(scratch.resolve("release"));
      PublishStage publish = new PublishStage(policy.project().id(), null, metricsDir, key, Clock.systemUTC());
      Treated treated = publish.treat(policy, options, stage, key);
      Map<String, KAnonymityResult> results = new LinkedHashMap<>();
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String dataset : treated.datasets) {
        rows.put(dataset, countRows(metricsDir.resolve(SOURCE_FILES.get(dataset))));
      }
      for (Map.Entry<String, KAnonymityGate> gate : treated.gates.entrySet()) {
        KAnonymityResult result;
        try {
          result = gate.getValue().decide(treated.classCounts.getOrDefault(gate.getKey(), Map.of()));
        } catch (org.sdelink.policies.kanonymity.KAnonymityNotReachedException e) {
          result = e.best();
        }
        results.put(gate.getKey(), result);
      }
      return org.sdelink.policies.review.DryRunFigures.of(rows, results, Map.of());
    } finally {
      StageDirectory.deleteRecursively(scratch);
    }
  }

  private Treated treat(Policy policy, SdelinkPipelineOptions options, StageDirectory stage, MasterKey pass1Key)
      throws Exception {
    int buckets = options.getBuckets();
    int parts = options.getOutputParts();
    String project = policy.project().id();
    Level2Pseudonymiser level2 = Level2Pseudonymiser.create(pass1Key, project);
    KeyedDateOffsets offsets = KeyedDateOffsets.create(pass1Key, project, policy.dateShiftMaxDays().orElse(0));
    List<String> datasets = RECORD_DATASETS.stream().filter(d -> policy.datasets().containsKey(d)).toList();
    Map<String, RecordTreatment> treatments = new LinkedHashMap<>();
    Map<String, KAnonymityGate> gates = new LinkedHashMap<>();
    Map<String, List<String>> inputColumns = new LinkedHashMap<>();
    for (String dataset : datasets) {
      treatments.put(dataset, RecordTreatment.forDataset(policy, dataset, new ProjectPseudonyms(level2), offsets, Map.of()));
      if (policy.kAnonymity().map(k -> !k.forDataset(dataset).isEmpty()).orElse(false)) {
        gates.put(dataset, KAnonymityGate.forDataset(policy, dataset, Map.of()));
      }
      inputColumns.put(dataset, header(metricsDir.resolve(SOURCE_FILES.get(dataset))));
    }

    // Pass 1: treat every record per person, scan it for leaks, count quasi-identifier classes.
    Pipeline treat = Pipeline.create(options);
    var entryCoder = KvCoder.of(StringUtf8Coder.of(),
        KvCoder.of(StringUtf8Coder.of(), MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    PCollectionList<KV<String, KV<String, Map<String, String>>>> all = PCollectionList.empty(treat);
    for (String dataset : datasets) {
      List<String> columns = inputColumns.get(dataset);
      all = all.and(treat
          .apply("Read " + dataset, ReadCsvColumns.of(metricsDir.resolve(SOURCE_FILES.get(dataset)), columns))
          .apply("KeyByPerson " + dataset, MapElements.into(entryType()).via(byPerson(dataset, columns)))
          .setCoder(entryCoder));
    }
    Map<String, Path> treatedParts = new LinkedHashMap<>();
    for (String dataset : datasets) {
      treatedParts.put(dataset, stage.scratch("treated-" + dataset));
    }
    Path countParts = stage.scratch("class-counts");
    Map<String, List<String>> qiFields = new LinkedHashMap<>();
    gates.forEach((d, g) -> qiFields.put(d, g.fields()));
    Map<String, List<String>> catalogueFields = new LinkedHashMap<>();
    for (String dataset : datasets) {
      catalogueFields.put(dataset, List.copyOf(DatasetCatalogue.standard().dataset(dataset).orElseThrow()
          .fields().keySet()));
    }
    PCollectionTuple treated = all
        .apply("AllRecords", Flatten.pCollections())
        .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
        .apply("TreatAndScan", ParDo.of(new TreatFn(policyText(policy), policy.name(), datasets, new ProjectPseudonyms(level2), offsets,
                catalogueFields, qiFields, new LeakScanner()))
            .withOutputTags(RELEASED, TupleTagList.of(CLASS_COUNTS)));
    PCollection<KV<String, String>> released = treated.get(RELEASED)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    for (String dataset : datasets) {
      String prefix = dataset + "\u0001";
      released
          .apply("Only " + dataset, org.apache.beam.sdk.transforms.Filter.by(
              (KV<String, String> kv) -> kv.getKey().startsWith(prefix)))
          .apply("Write treated " + dataset,
              SortedCsvSink.to(treatedParts.get(dataset).toString(), parts));
    }
    treated.get(CLASS_COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("CountClasses", SumInBuckets.of(buckets))
        .apply("FormatClasses", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((KV<String, Long> kv) -> KV.of(kv.getKey(), kv.getKey() + "\u0002" + kv.getValue())))
        .apply("WriteClasses", SortedCsvSink.to(countParts.toString(), 1));
    requireDone(treat.run().waitUntilFinish(), "publish (treat)");

    Map<String, Map<List<String>, Long>> classCounts = new TreeMap<>();
    for (String line : SortedCsvSink.readLines(countParts)) {
      String[] parts2 = line.split("\u0002", -1);
      String[] keyParts = parts2[0].split("\u0001", -1);
      classCounts.computeIfAbsent(keyParts[0], k -> new HashMap<>())
          .put(List.of(keyParts).subList(1, keyParts.length), Long.parseLong(parts2[1]));
    }
    return new Treated(datasets, treatments, gates, treatedParts, classCounts);
  }

  /** The exact text of the policy, so workers rebuild the same treatments from it. */
  private static String policyText(Policy policy) throws IOException {
    Path source = policy.source().orElseThrow(() -> new IllegalStateException("policy has no source file"));
    return Files.readString(source, StandardCharsets.UTF_8);
  }

  private static void requireDone(PipelineResult.State state, String what) {
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the " + what + " pipeline ended in state " + state);
    }
  }

  private static List<SummaryRow> summaryRows(Path summary) throws IOException {
    List<SummaryRow> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(summary, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord r : parser) {
        String metric = r.get("metric");
        Metric.Kind kind = kindOf(metric);
        long numerator;
        long denominator;
        switch (kind) {
          case PROPORTION -> rows.add(SummaryRow.proportion(metric, r.get("breakdown"), r.get("group"),
              Long.parseLong(r.get("numerator")), Long.parseLong(r.get("denominator"))));
          case RATE_PER_1000_YEARS -> {
            numerator = Long.parseLong(r.get("numerator"));
            denominator = Math.round(Double.parseDouble(r.get("denominator")) * 365.25);
            rows.add(SummaryRow.ratio(metric, r.get("breakdown"), r.get("group"), numerator, denominator, 365_250));
          }
          case MEDIAN_DAYS -> {
            denominator = Long.parseLong(r.get("denominator"));
            String value = r.get("value");
            rows.add(SummaryRow.statistic(metric, r.get("breakdown"), r.get("group"), denominator, denominator,
                value.isEmpty() ? Double.NaN : Double.parseDouble(value)));
          }
          default -> throw new IllegalStateException("unknown metric kind " + kind);
        }
      }
    }
    return rows;
  }

  private static Metric.Kind kindOf(String metricId) {
    for (Metric metric : Metric.values()) {
      if (metric.id().equals(metricId)) {
        return metric.kind();
      }
    }
    throw new IllegalArgumentException("summary.csv names an unknown metric '" + metricId
        + "': is it the output of this sdelink version's metrics stage?");
  }

  private static long countRows(Path csv) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      long n = 0;
      for (CSVRecord ignored : parser) {
        n++;
      }
      return n;
    }
  }

  private static List<String> header(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file + " (give the folder written by sdelink metrics)");
    }
    return ReadCsvColumns.header(file);
  }

  private static TypeDescriptor<KV<String, KV<String, Map<String, String>>>> entryType() {
    return new TypeDescriptor<>() {};
  }

  private static SerializableFunction<List<String>, KV<String, KV<String, Map<String, String>>>> byPerson(
      String dataset, List<String> columns) {
    return values -> {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      return KV.of(row.getOrDefault("person_id", ""), KV.of(dataset, row));
    };
  }

  /** Treats the records of a bucket of persons, scans every released value, and counts quasi-identifier classes. */
  private static final class TreatFn
      extends DoFn<KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>>, KV<String, String>> {
    private final String policyYaml;
    private final String policyName;
    private final List<String> datasets;
    private final ProjectPseudonyms pseudonyms;
    private final KeyedDateOffsets offsets;
    private final Map<String, List<String>> catalogueFields;
    private final Map<String, List<String>> qiFields;
    private final LeakScanner scanner;
    private transient Map<String, RecordTreatment> treatments;

    TreatFn(String policyYaml, String policyName, List<String> datasets, ProjectPseudonyms pseudonyms,
        KeyedDateOffsets offsets, Map<String, List<String>> catalogueFields, Map<String, List<String>> qiFields,
        LeakScanner scanner) {
      this.policyYaml = policyYaml;
      this.policyName = policyName;
      this.datasets = List.copyOf(datasets);
      this.pseudonyms = pseudonyms;
      this.offsets = offsets;
      this.catalogueFields = new LinkedHashMap<>(catalogueFields);
      this.qiFields = new LinkedHashMap<>(qiFields);
      this.scanner = scanner;
    }

    @Setup
    public void setup() {
      Policy policy = Policy.parse(policyYaml, policyName);
      treatments = new LinkedHashMap<>();
      for (String dataset : datasets) {
        treatments.put(dataset, RecordTreatment.forDataset(policy, dataset, pseudonyms, offsets, Map.of()));
      }
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>> bucket,
        MultiOutputReceiver out) {
      Map<String, List<KV<String, Map<String, String>>>> persons = new TreeMap<>();
      for (KV<String, KV<String, Map<String, String>>> entry : bucket.getValue()) {
        persons.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
      }
      persons.forEach((person, rows) -> {
        Optional<LocalDate> firstEvent = firstEventDate(rows);
        List<String> level1 = new ArrayList<>();
        level1.add(person);
        for (KV<String, Map<String, String>> row : rows) {
          String token = row.getValue().getOrDefault("nhs_number_token", "");
          if (!token.isEmpty()) {
            level1.add(token);
          }
        }
        for (KV<String, Map<String, String>> row : rows) {
          String dataset = row.getKey();
          RecordTreatment treatment = treatments.get(dataset);
          Map<String, String> input = new LinkedHashMap<>();
          for (String column : catalogueFields.get(dataset)) {
            input.put(column, row.getValue().getOrDefault(column, ""));
          }
          Map<String, String> released = treatment.apply(input, firstEvent);
          scanner.scan(dataset, released, level1).ifPresent(leak -> {
            throw new IllegalStateException(leak.message());
          });
          List<String> values = new ArrayList<>();
          for (String column : treatment.releasedColumns()) {
            values.add(released.getOrDefault(column, ""));
          }
          String line = CsvLines.format(values);
          out.get(RELEASED).output(KV.of(dataset + "\u0001" + released.getOrDefault("person_id", ""), line));
          List<String> fields = qiFields.get(dataset);
          if (fields != null) {
            StringBuilder key = new StringBuilder(dataset);
            for (String field : fields) {
              key.append('\u0001').append(released.getOrDefault(field, ""));
            }
            out.get(CLASS_COUNTS).output(KV.of(key.toString(), 1L));
          }
        }
      });
    }

    private static Optional<LocalDate> firstEventDate(List<KV<String, Map<String, String>>> rows) {
      LocalDate first = null;
      for (KV<String, Map<String, String>> row : rows) {
        if (row.getKey().equals("journeys")) {
          String start = row.getValue().getOrDefault("start", "");
          if (!start.isEmpty()) {
            LocalDate date = LocalDate.parse(start);
            first = first == null || date.isBefore(first) ? date : first;
          }
        }
      }
      return Optional.ofNullable(first);
    }
  }

  /** Applies the k-anonymity gate's generalisation to one released row, or drops it when suppressed. */
  private static final class GateFn extends DoFn<List<String>, KV<String, String>> {
    private final List<String> columns;
    private final QuasiIdentifierGeneraliser generaliser;

    GateFn(List<String> columns, Optional<QuasiIdentifierGeneraliser> generaliser) {
      this.columns = List.copyOf(columns);
      this.generaliser = generaliser.orElse(null);
    }

    @ProcessElement
    public void process(@Element List<String> values, OutputReceiver<KV<String, String>> out) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      List<String> result = values;
      if (generaliser != null) {
        var generalised = generaliser.apply(row);
        if (generalised.isSuppressed()) {
          return;
        }
        result = new ArrayList<>();
        for (String column : columns) {
          result.add(generalised.values().getOrDefault(column, ""));
        }
      }
      String line = CsvLines.format(result);
      out.output(KV.of(line, line));
    }
  }

  /** The level-2 pseudonymiser as the serializable function a record treatment takes. */
  private static final class ProjectPseudonyms implements java.util.function.Function<String, String>,
      java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Level2Pseudonymiser level2;

    ProjectPseudonyms(Level2Pseudonymiser level2) {
      this.level2 = level2;
    }

    @Override
    public String apply(String level1) {
      return level2.pseudonym(level1);
    }
  }
}
