package org.sdelink.pipelines.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sdelink.metrics.costs.PersonServiceCosts;
import org.sdelink.metrics.evaluation.PersonEvaluator;
import org.sdelink.metrics.evaluation.PersonResult;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.records.ApcEpisode;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.summary.MetricTally;
import org.sdelink.metrics.tables.DischargeRow;
import org.sdelink.metrics.tables.JourneyRow;
import org.sdelink.metrics.tables.SummaryRow;
import org.sdelink.metrics.tables.SummaryTable;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.DriverWork;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.TaggedRows;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.pseudonymise.KeyConsistency;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;

/**
 * The metrics stage: pseudonymised CLD and APC records and a linkage spine in; {@code journeys.csv},
 * {@code discharges.csv} and {@code summary.csv} out. Steps: join every record to its person through the spine
 * (bucketed by record id), gather each person's records (bucketed by person id), evaluate the person with the plain
 * rules of the {@code metrics} module, and sum the persons' tallies into the summary.
 */
public final class MetricsStage {
  public static final String JOURNEYS = "journeys.csv";
  public static final String DISCHARGES = "discharges.csv";
  public static final String SUMMARY = "summary.csv";
  public static final String PERSONS = "persons.csv";
  public static final String SERVICE_COSTS = "service_costs.csv";
  private static final List<String> COST_COLUMNS = List.of("Unit_Cost", "Cost_Frequency_Unit_Type",
      "Planned_Units_Per_Week");
  public static final String REPORT = "metrics-report.json";

  private static final String CLD = "cld";
  private static final String APC = "apc";
  private static final String SPINE = "spine";
  private static final TupleTag<KV<String, String>> JOURNEY_LINES = new TupleTag<>("journeys") {};
  private static final TupleTag<KV<String, String>> DISCHARGE_LINES = new TupleTag<>("discharges") {};
  private static final TupleTag<KV<String, String>> PERSON_LINES = new TupleTag<>("personLines") {};
  private static final TupleTag<KV<String, String>> COST_LINES = new TupleTag<>("costLines") {};
  private static final TupleTag<MetricTally> TALLIES = new TupleTag<>("tallies") {};
  private static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};
  private static final TupleTag<KV<String, KV<String, Map<String, String>>>> JOINED = new TupleTag<>("joined") {};

  private final Path cldRecords;
  private final Path apcRecords;
  private final Path spine;
  private final ReportingPeriod period;

  private MetricsStage(Path cldRecords, Path apcRecords, Path spine, ReportingPeriod period) {
    this.cldRecords = cldRecords;
    this.apcRecords = apcRecords;
    this.spine = spine;
    this.period = period;
  }

  public static MetricsStage of(Path cldDir, Path apcDir, Path spine, ReportingPeriod period) {
    return new MetricsStage(cldDir.resolve(PseudonymiseStage.RECORDS), apcDir.resolve(PseudonymiseStage.RECORDS),
        spine, period);
  }

  private List<Path> inputs() {
    return List.of(cldRecords, apcRecords, spine);
  }

  private String settings() {
    return "period=" + period.start() + ".." + period.end();
  }

  /** Whether {@code output} already holds this stage's output for the same input bytes and period. */
  public boolean isUpToDate(Path output) {
    return StageDirectory.isUpToDate(output, "metrics", inputs(), settings());
  }

  public Path run(SdelinkPipelineOptions options, Path output) throws IOException {
    KeyConsistency.requireSameKey(cldRecords, apcRecords);
    List<String> cldColumns = neededColumns(header(cldRecords), CldEvent.READ_COLUMNS,
        concat(PersonProfile.CLD_COLUMNS, COST_COLUMNS));
    List<String> apcColumns = neededColumns(header(apcRecords), ApcEpisode.READ_COLUMNS, PersonProfile.APC_COLUMNS);
    ReadCsvColumns.checkColumns(spine, LinkStage.SPINE_COLUMNS.subList(0, 3));
    StageDirectory stage = StageDirectory.begin(output);
    try {
      Path journeyParts = stage.scratch("journeys");
      Path dischargeParts = stage.scratch("discharges");
      Path summaryParts = stage.scratch("summary");
      Path countParts = stage.scratch("counts");
      int buckets = options.getBuckets();
      Map<String, List<String>> layouts = Map.of(SPINE, List.of("person_id"), CLD, cldColumns, APC, apcColumns);
      var entryCoder = TaggedRows.coder(layouts);

      Pipeline pipeline = Pipeline.create(options);
      PCollection<KV<String, KV<String, Map<String, String>>>> spineEntries = pipeline
          .apply("ReadSpine", ReadCsvColumns.of(spine, LinkStage.SPINE_COLUMNS.subList(0, 3)))
          .apply("KeySpine", MapElements.into(TaggedRows.type())
              .via((List<String> v) -> KV.of(v.get(0) + ":" + v.get(1), KV.of(SPINE, Map.of("person_id", v.get(2))))))
          .setCoder(entryCoder);
      PCollection<KV<String, KV<String, Map<String, String>>>> cld = pipeline
          .apply("ReadCld", ReadCsvColumns.of(cldRecords, cldColumns))
          .apply("KeyCld", TaggedRows.of(CLD, cldColumns, CLD + ":", "record_id").encodedFor(layouts));
      PCollection<KV<String, KV<String, Map<String, String>>>> apc = pipeline
          .apply("ReadApc", ReadCsvColumns.of(apcRecords, apcColumns))
          .apply("KeyApc", TaggedRows.of(APC, apcColumns, APC + ":", "record_id").encodedFor(layouts));

      PCollectionTuple joined = PCollectionList.of(spineEntries).and(cld).and(apc)
          .apply("AllEntries", Flatten.pCollections())
          .apply("GroupByRecord", GroupIntoBuckets.of(buckets))
          .apply("JoinRecordsToPersons", ParDo.of(new JoinToPersonFn()).withOutputTags(JOINED,
              TupleTagList.of(COUNTS)));
      joined.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      PCollectionTuple evaluated = joined.get(JOINED)
          .setCoder(entryCoder)
          .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
          .apply("EvaluatePersons", ParDo.of(new EvaluateFn(PersonEvaluator.forPeriod(period)))
              .withOutputTags(JOURNEY_LINES,
                  TupleTagList.of(DISCHARGE_LINES).and(PERSON_LINES).and(COST_LINES).and(TALLIES).and(COUNTS)));

      evaluated.get(JOURNEY_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("WriteJourneys", SortedCsvSink.to(journeyParts.toString()));
      evaluated.get(DISCHARGE_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("WriteDischarges", SortedCsvSink.to(dischargeParts.toString()));
      Path personParts = stage.scratch("persons");
      evaluated.get(PERSON_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("WritePersons", SortedCsvSink.to(personParts.toString()));
      Path costParts = stage.scratch("costs");
      evaluated.get(COST_LINES).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("WriteServiceCosts", SortedCsvSink.to(costParts.toString()));
      evaluated.get(TALLIES).setCoder(SerializableCoder.of(MetricTally.class))
          .apply("SumTallies", Combine.globally((SerializableFunction<Iterable<MetricTally>, MetricTally>)
              MetricTally::sum).withoutDefaults())
          .apply("SummaryRows", ParDo.of(new SummaryRowsFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("WriteSummary", SortedCsvSink.to(summaryParts.toString()));
      evaluated.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      PCollectionList.of(joined.get(COUNTS)).and(evaluated.get(COUNTS))
          .apply("AllCounts", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .apply("Counts", CountsSink.to(countParts, options.getBuckets()));

      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the metrics pipeline ended in state " + state);
      }
      DriverWork.inParallel(List.of(
          () -> SortedCsvSink.merge(journeyParts, CsvLines.format(JourneyRow.HEADER),
              stage.work().resolve(JOURNEYS)),
          () -> SortedCsvSink.merge(dischargeParts, CsvLines.format(DischargeRow.HEADER),
              stage.work().resolve(DISCHARGES)),
          () -> SortedCsvSink.merge(personParts, CsvLines.format(PersonProfile.COLUMNS),
              stage.work().resolve(PERSONS)),
          () -> SortedCsvSink.merge(costParts, CsvLines.format(PersonServiceCosts.HEADER),
              stage.work().resolve(SERVICE_COSTS)),
          () -> SortedCsvSink.merge(summaryParts, CsvLines.format(SummaryRow.HEADER), stage.work().resolve(SUMMARY))));
      writeReport(countParts, stage.work().resolve(REPORT));
      stage.commit("metrics", inputs(), settings());
      return stage.target();
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  private void writeReport(Path counts, Path target) throws IOException {
    Map<String, Long> values = CountsSink.read(counts);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    var root = mapper.createObjectNode();
    root.put("stage", "metrics");
    root.put("period_start", period.start().toString());
    root.put("period_end", period.end().toString());
    root.set("counts", mapper.valueToTree(values));
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      mapper.writeValue(writer, root);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Only the columns the rules and the person profile read (fewer bytes through every shuffle), in header order. */
  private static List<String> neededColumns(List<String> header, List<String> rules, List<String> profile) {
    java.util.Set<String> wanted = new java.util.HashSet<>(rules);
    wanted.addAll(profile);
    return header.stream().filter(wanted::contains).toList();
  }

  private static List<String> header(Path file) throws IOException {
    List<String> header = ReadCsvColumns.header(file);
    if (!header.contains("record_id")) {
      throw new IllegalArgumentException("file " + file + " has no record_id column: give the folder written by"
          + " sdelink pseudonymise");
    }
    return header;
  }

  /** Joins a bucket of records to the spine: each record goes on under its person id. */
  private static final class JoinToPersonFn extends DoFn<KV<Integer, Iterable<KV<String,
      KV<String, Map<String, String>>>>>, KV<String, KV<String, Map<String, String>>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>> bucket,
        MultiOutputReceiver out) {
      Map<String, String> personOf = new HashMap<>();
      List<KV<String, KV<String, Map<String, String>>>> records = new ArrayList<>();
      for (KV<String, KV<String, Map<String, String>>> entry : bucket.getValue()) {
        if (SPINE.equals(entry.getValue().getKey())) {
          personOf.put(entry.getKey(), entry.getValue().getValue().get("person_id"));
        } else {
          records.add(entry);
        }
      }
      for (KV<String, KV<String, Map<String, String>>> record : records) {
        String person = personOf.get(record.getKey());
        String source = record.getValue().getKey();
        if (person == null) {
          out.get(COUNTS).output(KV.of(source + "_rows_not_in_spine", 1L));
        } else {
          out.get(COUNTS).output(KV.of(source + "_rows_joined", 1L));
          out.get(JOINED).output(KV.of(person, record.getValue()));
        }
      }
    }
  }

  /** Evaluates a bucket of persons with the metric rules. */
  private static final class EvaluateFn
      extends DoFn<KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>>, KV<String, String>> {
    private final PersonEvaluator evaluator;
    /** The tallies of a bundle's persons, summed and emitted once per bundle (buckets may hold one person each). */
    private transient MetricTally tally;

    EvaluateFn(PersonEvaluator evaluator) {
      this.evaluator = evaluator;
    }

    @StartBundle
    public void startBundle() {
      tally = MetricTally.empty();
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      context.output(TALLIES, tally, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      tally = null;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, Map<String, String>>>>> bucket,
        MultiOutputReceiver out) {
      Map<String, List<CldEvent>> events = new TreeMap<>();
      Map<String, List<ApcEpisode>> episodes = new TreeMap<>();
      Map<String, List<Map<String, String>>> cldRows = new HashMap<>();
      Map<String, List<Map<String, String>>> apcRows = new HashMap<>();
      for (KV<String, KV<String, Map<String, String>>> entry : bucket.getValue()) {
        String person = entry.getKey();
        events.computeIfAbsent(person, k -> new ArrayList<>());
        episodes.computeIfAbsent(person, k -> new ArrayList<>());
        Map<String, String> row = new LinkedHashMap<>(entry.getValue().getValue());
        if (CLD.equals(entry.getValue().getKey())) {
          events.get(person).add(CldEvent.fromRow(row));
          cldRows.computeIfAbsent(person, k -> new ArrayList<>()).add(row);
        } else {
          episodes.get(person).add(ApcEpisode.fromRow(row));
          apcRows.computeIfAbsent(person, k -> new ArrayList<>()).add(row);
        }
      }
      for (String person : events.keySet()) {
        PersonResult result = evaluator.evaluate(person, events.get(person), episodes.get(person));
        for (JourneyRow row : result.journeys()) {
          List<String> values = row.values();
          out.get(JOURNEY_LINES).output(KV.of(person + "\u0000" + String.format("%06d", row.seq()),
              CsvLines.format(values)));
        }
        for (DischargeRow row : result.discharges()) {
          List<String> values = row.values();
          out.get(DISCHARGE_LINES).output(KV.of(person + "\u0000" + String.join("\u0000", values),
              CsvLines.format(values)));
        }
        tally.addAll(result.tally());
        for (List<String> cost : PersonServiceCosts.rows(person, cldRows.getOrDefault(person, List.of()),
            evaluator.period().end())) {
          out.get(COST_LINES).output(KV.of(String.join("\u0000", cost), CsvLines.format(cost)));
        }
        out.get(PERSON_LINES).output(KV.of(person, CsvLines.format(PersonProfile.of(person,
            cldRows.getOrDefault(person, List.of()), apcRows.getOrDefault(person, List.of()),
            events.get(person), episodes.get(person)))));
        out.get(COUNTS).output(KV.of("persons", 1L));
      }
    }
  }

  /** Formats the summed tally as summary rows, keyed by their position so the sink keeps the rules' order. */
  private static final class SummaryRowsFn extends DoFn<MetricTally, KV<String, String>> {
    @ProcessElement
    public void process(@Element MetricTally tally, OutputReceiver<KV<String, String>> out) {
      List<SummaryRow> rows = SummaryTable.rows(tally);
      for (int i = 0; i < rows.size(); i++) {
        out.output(KV.of(String.format("%08d", i), CsvLines.format(rows.get(i).values())));
      }
    }
  }
}
