package org.sdelink.pipelines.publish;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.DriverWork;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.TaggedRows;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.policies.FieldAction;
import org.sdelink.policies.Policy;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.kanonymity.ClassSizeDistribution;
import org.sdelink.policies.kanonymity.KAnonymityGate;
import org.sdelink.policies.kanonymity.KAnonymityNotReachedException;
import org.sdelink.policies.kanonymity.KAnonymityResult;
import org.sdelink.policies.kanonymity.LinkedKAnonymityGate;
import org.sdelink.policies.kanonymity.LinkedKAnonymityResult;
import org.sdelink.policies.kanonymity.LinkedQuasiIdentifiers;
import org.sdelink.policies.kanonymity.PersonQuasiIdentifiers;
import org.sdelink.policies.kanonymity.QuasiIdentifierGeneraliser;
import org.sdelink.policies.review.DryRunFigures.KAnonymityFigures;
import org.sdelink.policies.treatments.CodeTables;
import org.sdelink.policies.treatments.RecordTreatment;

/**
 * The record-level part of a release (persons, journeys, discharges), in three steps:
 * <ol>
 *   <li><b>treat</b> (one pass, grouped by person in buckets): apply the policy's actions, scan every released value
 *       for leaks, count each dataset's quasi-identifier classes, and write each person's quasi-identifiers across
 *       the datasets that carry {@code person_id} (the joinable ones);
 *   <li><b>decide</b>: each dataset's own gate picks levels from its class counts (small: one count per combination
 *       of values); for the joinable datasets these are only the starting point of the person-level gate
 *       ({@link LinkedKAnonymityGate}), whose counting passes run over the persons file;
 *   <li><b>release</b> (one pass): list the persons to leave out, drop all their rows from every joinable dataset,
 *       coarsen the rest to the chosen levels, and count the released classes of every dataset, which must all hold
 *       at least k rows (checked again here: a smaller class stops the release).
 * </ol>
 * Datasets that do not carry {@code person_id} cannot be joined and keep their own gate (rows in classes under k are
 * left out). The treated files of step 1 keep exact values (step 3 reads them); the released files of step 3 are
 * written for people ({@link CsvLines#formatForPeople}: formula cells neutralised).
 */
final class RecordRelease {
  static final List<String> RECORD_DATASETS = List.of("persons", "journeys", "discharges");

  private static final TupleTag<KV<String, String>> RELEASED = new TupleTag<>("released") {};
  private static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};
  private static final TupleTag<KV<String, String>> PERSONS = new TupleTag<>("persons") {};
  private static final String CLASS = "class/";
  private static final String RELEASED_CLASS = "released_class/";
  private static final String ROWS_GENERALISED = "rows_generalised/";
  private static final String ROWS_SUPPRESSED = "rows_suppressed/";

  /** What the record-level release did, for the manifest, the data dictionary and the review report. */
  record Outcome(List<String> datasets, Map<String, RecordTreatment> treatments, Map<String, Long> rowsIn,
      Map<String, Long> rowsOut, Map<String, KAnonymityFigures> gates, Optional<LinkedKAnonymityResult> linked,
      List<String> joinable) {}

  private final Policy policy;
  private final String policyYaml;
  private final CodeTables tables;
  private final Path metricsDir;
  private final ProjectTreatments keyed;
  private final boolean failOverLimit;

  private RecordRelease(Policy policy, String policyYaml, CodeTables tables, Path metricsDir, ProjectTreatments keyed,
      boolean failOverLimit) {
    this.policy = policy;
    this.policyYaml = policyYaml;
    this.tables = tables;
    this.metricsDir = metricsDir;
    this.keyed = keyed;
    this.failOverLimit = failOverLimit;
  }

  /**
   * A record release of {@code policy} (its exact text {@code policyYaml}) over {@code metricsDir}. With
   * {@code failOverLimit} a gate over the policy's limit stops the release; without it (dry runs) the gates' best
   * decisions are used and reported.
   */
  static RecordRelease of(Policy policy, String policyYaml, CodeTables tables, Path metricsDir, ProjectTreatments keyed,
      boolean failOverLimit) {
    return new RecordRelease(policy, policyYaml, tables, metricsDir, keyed, failOverLimit);
  }

  /** Runs the three steps, writing {@code <dataset>.csv} for every released record dataset into {@code out}. */
  Outcome run(SdelinkPipelineOptions options, StageDirectory stage, Path out) throws Exception {
    List<String> datasets = RECORD_DATASETS.stream().filter(d -> policy.datasets().containsKey(d)).toList();
    if (datasets.isEmpty()) {
      // A tables-only release (e.g. the summary and cost tables for a wider audience): no record pipeline to run.
      return new Outcome(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty(), List.of());
    }
    ImmutableMap<String, ImmutableMap<String, String>> lookups = tables.tables();
    Map<String, RecordTreatment> treatments = new LinkedHashMap<>();
    Map<String, KAnonymityGate> gates = new LinkedHashMap<>();
    List<String> joinable = new ArrayList<>();
    for (String dataset : datasets) {
      treatments.put(dataset, keyed.treatment(policy, dataset, lookups));
      if (policy.kAnonymity().map(k -> !k.forDataset(dataset).isEmpty()).orElse(false)) {
        gates.put(dataset, KAnonymityGate.forDataset(policy, dataset, lookups));
      }
      boolean carriesPerson = policy.rule(dataset, RecordTreatment.PERSON_ID)
          .flatMap(r -> r.action()).filter(a -> a == FieldAction.PSEUDONYMISE).isPresent();
      if (carriesPerson) {
        joinable.add(dataset);
      }
    }
    Optional<LinkedQuasiIdentifiers> linked = LinkedQuasiIdentifiers.forPolicy(policy, joinable, lookups);
    Map<String, List<String>> linkedFields = new LinkedHashMap<>();
    linked.ifPresent(l -> l.datasets().forEach(d -> linkedFields.put(d, l.fields(d))));

    // Step 1: treat.
    Map<String, Path> treatedParts = new LinkedHashMap<>();
    for (String dataset : datasets) {
      treatedParts.put(dataset, stage.scratch("treated-" + dataset));
    }
    Path countParts = stage.scratch("class-counts");
    Path personParts = stage.scratch("linked-persons");
    Map<String, List<String>> qiFields = new LinkedHashMap<>();
    gates.forEach((d, g) -> qiFields.put(d, g.fields()));
    treat(options, datasets, qiFields, linkedFields, treatedParts, countParts, personParts);
    Map<String, Map<List<String>, Long>> classCounts = readClassCounts(countParts, CLASS);
    Map<String, Path> treatedFiles = new LinkedHashMap<>();
    Map<String, Long> treatedRows = new ConcurrentHashMap<>();
    List<DriverWork.FileTask> merges = new ArrayList<>();
    for (String dataset : datasets) {
      Path file = stage.scratch("treated-files").resolve(dataset + ".csv");
      merges.add(() -> treatedRows.put(dataset, SortedCsvSink.merge(treatedParts.get(dataset),
          CsvLines.format(treatments.get(dataset).releasedColumns()), file)));
      treatedFiles.put(dataset, file);
    }
    Path personsFile = stage.scratch("linked-persons-file").resolve("persons.csv");
    merges.add(() -> SortedCsvSink.merge(personParts, CsvLines.format(LinkedClassCounts.PERSON_COLUMNS), personsFile));
    DriverWork.inParallel(merges);
    Map<String, Long> rowsIn = new LinkedHashMap<>();
    datasets.forEach(d -> rowsIn.put(d, treatedRows.get(d)));

    // Step 2: decide.
    Map<String, KAnonymityResult> perDataset = new LinkedHashMap<>();
    for (Map.Entry<String, KAnonymityGate> gate : gates.entrySet()) {
      Map<List<String>, Long> counts = classCounts.getOrDefault(gate.getKey(), Map.of());
      KAnonymityResult result;
      try {
        result = gate.getValue().decide(counts);
      } catch (KAnonymityNotReachedException e) {
        if (failOverLimit && !linkedFields.containsKey(gate.getKey())) {
          throw e;
        }
        result = gate.getValue().evaluate(counts);
      }
      perDataset.put(gate.getKey(), result);
    }
    Optional<LinkedKAnonymityResult> linkedResult = Optional.empty();
    if (linked.isPresent()) {
      Map<String, List<Integer>> start = new LinkedHashMap<>();
      perDataset.forEach((d, r) -> start.put(d, r.levels()));
      LinkedClassCounts counter = new LinkedClassCounts(linked.get(), personsFile, options, stage);
      LinkedKAnonymityResult result = LinkedKAnonymityGate.of(linked.get())
          .search(linked.get().levelsOf(start), counter);
      if (failOverLimit) {
        result.requireWithinLimit();
      }
      linkedResult = Optional.of(result);
    }

    // Step 3: release.
    Map<String, Path> finalParts = new LinkedHashMap<>();
    for (String dataset : datasets) {
      finalParts.put(dataset, stage.scratch("final-" + dataset));
    }
    Path releaseCounts = stage.scratch("release-counts");
    Map<String, QuasiIdentifierGeneraliser> ownGates = new LinkedHashMap<>();
    perDataset.forEach((d, r) -> {
      if (!linkedFields.containsKey(d)) {
        ownGates.put(d, r.generaliser());
      }
    });
    release(options, datasets, treatments, treatedFiles, personsFile, linked, linkedResult, ownGates, qiFields,
        finalParts, releaseCounts);
    Map<String, Long> merged = new ConcurrentHashMap<>();
    List<DriverWork.FileTask> finalMerges = new ArrayList<>();
    for (String dataset : datasets) {
      finalMerges.add(() -> merged.put(dataset, SortedCsvSink.merge(finalParts.get(dataset),
          CsvLines.formatForPeople(treatments.get(dataset).releasedColumns()), out.resolve(dataset + ".csv"))));
    }
    DriverWork.inParallel(finalMerges);
    Map<String, Long> rowsOut = new LinkedHashMap<>();
    datasets.forEach(d -> rowsOut.put(d, merged.get(d)));
    Map<String, Long> counters = new TreeMap<>();
    Map<String, Map<List<String>, Long>> released = new TreeMap<>();
    for (String line : SortedCsvSink.readLines(releaseCounts)) {
      String[] parts = line.split("\u0002", -1);
      if (parts[0].startsWith(RELEASED_CLASS)) {
        String[] key = parts[0].substring(RELEASED_CLASS.length()).split("\u0001", -1);
        released.computeIfAbsent(key[0], k -> new HashMap<>())
            .put(List.of(key).subList(1, key.length), Long.parseLong(parts[1]));
      } else {
        counters.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    int k = policy.kAnonymity().map(r -> r.k()).orElse(1);
    for (Map.Entry<String, Map<List<String>, Long>> dataset : released.entrySet()) {
      for (long size : dataset.getValue().values()) {
        if (size < k) {
          throw new IllegalStateException("release stopped: a released class of " + dataset.getKey()
              + " holds fewer than k=" + k + " rows after the k-anonymity gate (an internal check that should never "
              + "fail): nothing was published; report this as a bug");
        }
      }
    }
    if (linkedResult.isPresent()) {
      for (String dataset : linked.get().datasets()) {
        long expected = linkedResult.get().chosen().rowsSuppressed().getOrDefault(dataset, 0L);
        long actual = counters.getOrDefault(ROWS_SUPPRESSED + dataset, 0L);
        if (expected != actual) {
          throw new IllegalStateException("release stopped: the person-level gate counted " + expected + " rows of "
              + dataset + " to leave out but the release left out " + actual + " (an internal check that should "
              + "never fail): nothing was published; report this as a bug");
        }
      }
    }

    Map<String, KAnonymityFigures> figures = new LinkedHashMap<>();
    for (Map.Entry<String, KAnonymityResult> entry : perDataset.entrySet()) {
      String dataset = entry.getKey();
      if (!linkedFields.containsKey(dataset)) {
        figures.put(dataset, KAnonymityFigures.of(entry.getValue()));
        continue;
      }
      LinkedQuasiIdentifiers l = linked.get();
      LinkedKAnonymityResult r = linkedResult.get();
      ImmutableList<Integer> levels = l.levelsOf(dataset, r.levels());
      Map<List<String>, Long> after = new HashMap<>();
      classCounts.getOrDefault(dataset, Map.of()).forEach((key, n) ->
          after.merge(l.generalise(dataset, key, r.levels()), n, Long::sum));
      ImmutableMap.Builder<String, String> names = ImmutableMap.builder();
      for (int i = 0; i < levels.size(); i++) {
        String field = l.fields(dataset).get(i);
        names.put(field, r.levelNames().get(dataset + "." + field));
      }
      figures.put(dataset, new KAnonymityFigures(l.k(), rowsIn.get(dataset),
          counters.getOrDefault(ROWS_SUPPRESSED + dataset, 0L), counters.getOrDefault(ROWS_GENERALISED + dataset, 0L),
          r.withinLimit(), names.buildOrThrow(), ClassSizeDistribution.of(classCounts.getOrDefault(dataset, Map.of())),
          ClassSizeDistribution.of(after)));
    }
    return new Outcome(datasets, treatments, rowsIn, rowsOut, figures, linkedResult, List.copyOf(joinable));
  }

  private void treat(SdelinkPipelineOptions options, List<String> datasets, Map<String, List<String>> qiFields,
      Map<String, List<String>> linkedFields, Map<String, Path> treatedParts, Path countParts, Path personParts)
      throws Exception {
    int buckets = options.getBuckets();
    Pipeline pipeline = Pipeline.create(options);
    PCollectionList<KV<String, KV<String, Map<String, String>>>> all = PCollectionList.empty(pipeline);
    Map<String, List<String>> catalogueFields = new LinkedHashMap<>();
    Map<String, List<String>> layouts = new LinkedHashMap<>();
    for (String dataset : datasets) {
      layouts.put(dataset, PublishStage.header(metricsDir.resolve(PublishStage.SOURCE_FILES.get(dataset))));
    }
    for (String dataset : datasets) {
      Path source = metricsDir.resolve(PublishStage.SOURCE_FILES.get(dataset));
      List<String> columns = layouts.get(dataset);
      all = all.and(pipeline
          .apply("Read " + dataset, ReadCsvColumns.of(source, columns))
          .apply("KeyByPerson " + dataset, TaggedRows.of(dataset, columns, "", RecordTreatment.PERSON_ID)
              .encodedFor(layouts)));
      catalogueFields.put(dataset, List.copyOf(DatasetCatalogue.standard().dataset(dataset).orElseThrow()
          .fields().keySet()));
    }
    PCollectionTuple treated = all
        .apply("AllRecords", Flatten.pCollections())
        .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
        .apply("TreatAndScan", ParDo.of(new TreatFn(policyYaml, policy.name(), datasets, keyed, tables,
                catalogueFields, qiFields, linkedFields, new LeakScanner()))
            .withOutputTags(RELEASED, TupleTagList.of(COUNTS).and(PERSONS)));
    writeByDataset(treated.get(RELEASED), datasets, treatedParts, "treated");
    writeCounts(treated.get(COUNTS), buckets, countParts);
    treated.get(PERSONS).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("WritePersons", SortedCsvSink.to(personParts.toString()));
    requireDone(pipeline.run().waitUntilFinish(), "publish (treat)");
  }

  private void release(SdelinkPipelineOptions options, List<String> datasets,
      Map<String, RecordTreatment> treatments, Map<String, Path> treatedFiles, Path personsFile,
      Optional<LinkedQuasiIdentifiers> linked, Optional<LinkedKAnonymityResult> linkedResult,
      Map<String, QuasiIdentifierGeneraliser> ownGates, Map<String, List<String>> qiFields,
      Map<String, Path> finalParts, Path countParts) throws Exception {
    int buckets = options.getBuckets();
    Pipeline pipeline = Pipeline.create(options);
    PCollectionList<KV<String, String>> released = PCollectionList.empty(pipeline);
    PCollectionList<KV<String, Long>> counts = PCollectionList.empty(pipeline);
    if (linked.isPresent()) {
      // The persons to leave out are few (at most the policy's limit, a few per cent): every worker holds their ids
      // as a side input, and the treated rows are released where they are read, without grouping them again.
      LinkedQuasiIdentifiers l = linked.get();
      PCollectionView<List<String>> leftOut = pipeline
          .apply("ReadLinkedPersons", ReadCsvColumns.of(personsFile, LinkedClassCounts.PERSON_COLUMNS))
          .apply("PersonsToLeaveOut", LinkedClassCounts.suppressedPersons(l, linkedResult.get().levels(), buckets))
          .apply("LeftOutView", View.asList());
      for (String dataset : l.datasets()) {
        List<String> columns = treatments.get(dataset).releasedColumns();
        PCollectionTuple out = pipeline
            .apply("ReadTreated " + dataset, ReadCsvColumns.of(treatedFiles.get(dataset), columns))
            .apply("LeaveOutAndCoarsen " + dataset, ParDo.of(new LinkedReleaseFn(l, linkedResult.get().levels(),
                    dataset, columns, leftOut))
                .withSideInputs(leftOut)
                .withOutputTags(RELEASED, TupleTagList.of(COUNTS)));
        released = released.and(out.get(RELEASED));
        counts = counts.and(out.get(COUNTS));
      }
    }
    for (String dataset : datasets) {
      if (linked.map(l -> l.datasets().contains(dataset)).orElse(false)) {
        continue;
      }
      List<String> columns = treatments.get(dataset).releasedColumns();
      PCollectionTuple out = pipeline
          .apply("ReadTreated " + dataset, ReadCsvColumns.of(treatedFiles.get(dataset), columns))
          .apply("Gate " + dataset, ParDo.of(new OwnGateFn(dataset, columns,
                  Optional.ofNullable(ownGates.get(dataset)), qiFields.getOrDefault(dataset, List.of())))
              .withOutputTags(RELEASED, TupleTagList.of(COUNTS)));
      released = released.and(out.get(RELEASED));
      counts = counts.and(out.get(COUNTS));
    }
    PCollection<KV<String, String>> allReleased = released.apply("AllReleased", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    writeByDataset(allReleased, datasets, finalParts, "released");
    writeCounts(counts.apply("AllCounts", Flatten.pCollections()), buckets, countParts);
    requireDone(pipeline.run().waitUntilFinish(), "publish (release)");
  }

  private static void writeByDataset(PCollection<KV<String, String>> lines, List<String> datasets,
      Map<String, Path> partsDirs, String what) {
    lines.setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    for (String dataset : datasets) {
      String prefix = dataset + "\u0001";
      lines
          .apply("Only " + what + " " + dataset, Filter.by((KV<String, String> kv) -> kv.getKey().startsWith(prefix)))
          .apply("Write " + what + " " + dataset, SortedCsvSink.to(partsDirs.get(dataset).toString()));
    }
  }

  private static void writeCounts(PCollection<KV<String, Long>> counts, int buckets, Path partsDir) {
    counts.setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumCounts", SumInBuckets.of(buckets))
        .apply("FormatCounts", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((KV<String, Long> kv) -> KV.of(kv.getKey(), kv.getKey() + "\u0002" + kv.getValue())))
        .apply("WriteCounts", SortedCsvSink.to(partsDir.toString()));
  }

  private static Map<String, Map<List<String>, Long>> readClassCounts(Path partsDir, String prefix) throws Exception {
    Map<String, Map<List<String>, Long>> counts = new TreeMap<>();
    for (String line : SortedCsvSink.readLines(partsDir)) {
      String[] parts = line.split("\u0002", -1);
      if (!parts[0].startsWith(prefix)) {
        continue;
      }
      String[] key = parts[0].substring(prefix.length()).split("\u0001", -1);
      counts.computeIfAbsent(key[0], k -> new HashMap<>())
          .put(List.of(key).subList(1, key.length), Long.parseLong(parts[1]));
    }
    return counts;
  }

  private static void requireDone(PipelineResult.State state, String what) {
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the " + what + " pipeline ended in state " + state);
    }
  }

  private static String classKey(String prefix, String dataset, List<String> fields, Map<String, String> row) {
    StringBuilder key = new StringBuilder(prefix).append(dataset);
    for (String field : fields) {
      key.append('\u0001').append(row.getOrDefault(field, ""));
    }
    return key.toString();
  }

  /**
   * Treats the records of a bucket of persons, scans every released value, counts each dataset's quasi-identifier
   * classes and writes each person's quasi-identifiers across the joinable datasets.
   */
  private static final class TreatFn
      extends DoFn<KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>>, KV<String, String>> {
    private final String policyYaml;
    private final String policyName;
    private final List<String> datasets;
    private final ProjectTreatments keyed;
    private final CodeTables tables;
    private final Map<String, List<String>> catalogueFields;
    private final Map<String, List<String>> qiFields;
    private final Map<String, List<String>> linkedFields;
    private final LeakScanner scanner;
    private transient Map<String, RecordTreatment> treatments;

    TreatFn(String policyYaml, String policyName, List<String> datasets, ProjectTreatments keyed, CodeTables tables,
        Map<String, List<String>> catalogueFields, Map<String, List<String>> qiFields,
        Map<String, List<String>> linkedFields, LeakScanner scanner) {
      this.policyYaml = policyYaml;
      this.policyName = policyName;
      this.datasets = List.copyOf(datasets);
      this.keyed = keyed;
      this.tables = tables;
      this.catalogueFields = new LinkedHashMap<>(catalogueFields);
      this.qiFields = new LinkedHashMap<>(qiFields);
      this.linkedFields = new LinkedHashMap<>(linkedFields);
      this.scanner = scanner;
    }

    @Setup
    public void setup() {
      Policy policy = Policy.parse(policyYaml, policyName);
      treatments = new LinkedHashMap<>();
      for (String dataset : datasets) {
        treatments.put(dataset, keyed.treatment(policy, dataset, tables.tables()));
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
        PersonQuasiIdentifiers.Builder linked = PersonQuasiIdentifiers.builder();
        String releasedId = "";
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
            out.get(COUNTS).output(KV.of(classKey(CLASS, dataset, fields, released), 1L));
          }
          List<String> linkedQi = linkedFields.get(dataset);
          if (linkedQi != null) {
            List<String> tuple = new ArrayList<>();
            linkedQi.forEach(f -> tuple.add(released.getOrDefault(f, "")));
            linked.add(dataset, tuple);
            releasedId = released.getOrDefault(RecordTreatment.PERSON_ID, "");
          }
        }
        if (!releasedId.isEmpty()) {
          out.get(PERSONS).output(KV.of(releasedId, CsvLines.format(releasedId, linked.build().encode())));
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

  /**
   * The release step of one joinable dataset: the rows of persons left out (a side input) are dropped and counted;
   * the others are coarsened to the person-level gate's levels, written and counted by class.
   */
  private static final class LinkedReleaseFn extends DoFn<List<String>, KV<String, String>> {
    private final LinkedQuasiIdentifiers linked;
    private final List<Integer> levels;
    private final String dataset;
    private final List<String> columns;
    private final PCollectionView<List<String>> leftOutView;
    private transient Set<String> leftOut;
    private transient int personColumn;

    LinkedReleaseFn(LinkedQuasiIdentifiers linked, List<Integer> levels, String dataset, List<String> columns,
        PCollectionView<List<String>> leftOutView) {
      this.linked = linked;
      this.levels = List.copyOf(levels);
      this.dataset = dataset;
      this.columns = List.copyOf(columns);
      this.leftOutView = leftOutView;
    }

    @Setup
    public void setup() {
      personColumn = columns.indexOf(RecordTreatment.PERSON_ID);
    }

    @ProcessElement
    public void process(@Element List<String> values, ProcessContext context, MultiOutputReceiver out) {
      if (leftOut == null) {
        // The side input is the same for every element (one global window): read it into a set once.
        leftOut = new HashSet<>(context.sideInput(leftOutView));
      }
      if (leftOut.contains(values.get(personColumn))) {
        out.get(COUNTS).output(KV.of(ROWS_SUPPRESSED + dataset, 1L));
        return;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      Map<String, String> generalised = linked.generaliseRow(dataset, row, levels);
      List<String> released = new ArrayList<>(columns.size());
      for (String column : columns) {
        released.add(generalised.getOrDefault(column, ""));
      }
      String line = CsvLines.formatForPeople(released);
      out.get(RELEASED).output(KV.of(dataset + "\u0001" + line, line));
      List<String> fields = linked.fields(dataset);
      if (!fields.isEmpty()) {
        out.get(COUNTS).output(KV.of(classKey(RELEASED_CLASS, dataset, fields, generalised), 1L));
        boolean changed = fields.stream().anyMatch(f -> !generalised.get(f).equals(row.getOrDefault(f, "")));
        if (changed) {
          out.get(COUNTS).output(KV.of(ROWS_GENERALISED + dataset, 1L));
        }
      }
    }
  }

  /** A dataset that cannot be joined keeps its own gate: rows of its small classes are left out. */
  private static final class OwnGateFn extends DoFn<List<String>, KV<String, String>> {
    private final String dataset;
    private final List<String> columns;
    private final QuasiIdentifierGeneraliser generaliser;
    private final List<String> fields;

    OwnGateFn(String dataset, List<String> columns, Optional<QuasiIdentifierGeneraliser> generaliser,
        List<String> fields) {
      this.dataset = dataset;
      this.columns = List.copyOf(columns);
      this.generaliser = generaliser.orElse(null);
      this.fields = List.copyOf(fields);
    }

    @ProcessElement
    public void process(@Element List<String> values, MultiOutputReceiver out) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      Map<String, String> result = row;
      if (generaliser != null) {
        var generalised = generaliser.apply(row);
        if (generalised.isSuppressed()) {
          out.get(COUNTS).output(KV.of(ROWS_SUPPRESSED + dataset, 1L));
          return;
        }
        result = generalised.values();
        if (!result.equals(row)) {
          out.get(COUNTS).output(KV.of(ROWS_GENERALISED + dataset, 1L));
        }
      }
      List<String> out2 = new ArrayList<>();
      for (String column : columns) {
        out2.add(result.getOrDefault(column, ""));
      }
      String line = CsvLines.formatForPeople(out2);
      out.get(RELEASED).output(KV.of(dataset + "\u0001" + line, line));
      if (!fields.isEmpty()) {
        out.get(COUNTS).output(KV.of(classKey(RELEASED_CLASS, dataset, fields, result), 1L));
      }
    }
  }
}
