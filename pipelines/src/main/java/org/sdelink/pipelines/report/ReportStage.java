package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
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
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.io.CountsSink;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;

/**
 * The dashboard stage: pseudonymised CLD records in, a static HTML dashboard with a CSV beside every chart out. The
 * figures are summed by a Beam pipeline in two bounded groupings: copies of a record id are gathered (bucketed by
 * record id) so that each record counts once, through its preferred copy; then each person's cells are gathered
 * (bucketed by council and person token) so that distinct people are counted without any worker holding all
 * people. The summed figures (bounded by councils x months x categories) are then drawn in plain Java.
 */
public final class ReportStage {
  /** The columns a records file must have. */
  public static final ImmutableList<String> REQUIRED_COLUMNS =
      ImmutableList.of("record_id", "LA_Code", "Event_Type", "Event_Start_Date", "la_person_token");

  private static final TupleTag<KV<String, Long>> AMOUNTS = new TupleTag<>("amounts") {};
  private static final TupleTag<KV<String, String>> PEOPLE = new TupleTag<>("people") {};
  private static final char SEPARATOR = '\u001f';

  private final Path records;
  private final ReportingPeriod period;
  private final CodeLists codes;
  private final String codeListSource;
  private final Audience audience;
  private final double threshold;
  private final Path statistics;
  private final CouncilLookups lookups;

  private ReportStage(Path records, ReportingPeriod period, CodeLists codes, String codeListSource, Audience audience,
      double threshold) {
    this(records, period, codes, codeListSource, audience, threshold, null, CouncilLookups.defaults());
  }

  private ReportStage(Path records, ReportingPeriod period, CodeLists codes, String codeListSource, Audience audience,
      double threshold, Path statistics, CouncilLookups lookups) {
    this.statistics = statistics;
    this.lookups = lookups;
    this.records = records;
    this.period = period;
    this.codes = codes;
    this.codeListSource = codeListSource;
    this.audience = audience;
    this.threshold = threshold;
  }

  /** The dashboard of the records in {@code cldDir} (a pseudonymise output) for {@code period}. */
  public static ReportStage of(Path cldDir, ReportingPeriod period) {
    checkNotNull(cldDir, "cldDir");
    checkNotNull(period, "period");
    return new ReportStage(cldDir.resolve(PseudonymiseStage.RECORDS), period, CodeLists.none(), "", Audience.OPERATOR,
        0.95);
  }

  /** Checks code validity against {@code codes}, read from {@code source} (named on the methodology page). */
  public ReportStage withCodeLists(CodeLists codes, String source) {
    return new ReportStage(records, period, checkNotNull(codes, "codes"), checkNotNull(source, "source"), audience,
        threshold, statistics, lookups);
  }

  public ReportStage forAudience(Audience audience) {
    return new ReportStage(records, period, codes, codeListSource, checkNotNull(audience, "audience"), threshold,
        statistics, lookups);
  }

  /** The share (0-1] a council must reach on a data-quality field to meet the threshold; default 0.95. */
  public ReportStage withThreshold(double threshold) {
    checkArgument(threshold > 0 && threshold <= 1, "the data-quality threshold is a share between 0 and 1");
    return new ReportStage(records, period, codes, codeListSource, audience, threshold, statistics, lookups);
  }

  /**
   * Adds a SALT page to every area from the statistics stage's output folder ({@code salt/*.csv}), council beside
   * England, protected like the other pages; and the ASCOF and waiting-times pages when the folder has
   * {@code ascof.csv} / {@code waiting_times.csv}.
   */
  public ReportStage withStatistics(Path statisticsDir) {
    return new ReportStage(records, period, codes, codeListSource, audience, threshold,
        checkNotNull(statisticsDir, "statisticsDir"), lookups);
  }

  /**
   * Council names and comparator groups for the ASCOF and waiting-times pages (the statistics output's
   * {@code ascof.csv} and {@code waiting_times.csv}); by default councils are shown by code and grouped by type.
   */
  public ReportStage withCouncilLookups(CouncilLookups lookups) {
    return new ReportStage(records, period, codes, codeListSource, audience, threshold, statistics,
        checkNotNull(lookups, "lookups"));
  }

  /** Runs the pipeline and writes the dashboard to {@code output} (atomically, with a {@code _SUCCESS} marker). */
  public Path run(SdelinkPipelineOptions options, Path output) throws IOException {
    StageDirectory.checkOutput(output, List.of(records.getParent()));
    UpstreamFolder.verify(records.getParent(), "pseudonymise", PseudonymiseStage.RECORDS)
        .requireSetting("source", "cld", "the folder written by sdelink pseudonymise --source cld");
    List<String> header = ReadCsvColumns.header(records);
    for (String column : REQUIRED_COLUMNS) {
      if (!header.contains(column)) {
        throw new IllegalArgumentException("file " + records + " has no column '" + column
            + "': give the folder written by sdelink pseudonymise --source cld");
      }
    }
    List<String> columns = neededColumns(header);
    SaltFigures salt = statistics == null ? null : SaltFigures.read(statistics);
    AscofFigures ascof = statistics == null ? null : AscofFigures.read(statistics).orElse(null);
    WaitingFigures waiting = statistics == null ? null : WaitingFigures.read(statistics).orElse(null);
    StageDirectory stage = StageDirectory.begin(output, List.of(records.getParent()));
    try {
      Path counts = stage.scratch("figures");
      DataQualityRules rules = DataQualityRules.with(codes);
      Pipeline pipeline = Pipeline.create(options);
      int buckets = options.getBuckets();
      PCollectionTuple facts = pipeline
          .apply("ReadRecords", ReadCsvColumns.of(records, columns))
          .apply("KeyByPerson", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
              .via(personKey(columns)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
          .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
          .apply("RecordFacts", ParDo.of(new RecordFactsFn(columns, period, rules))
              .withOutputTags(AMOUNTS, TupleTagList.of(PEOPLE)));
      PCollection<KV<String, Long>> amounts = facts.get(AMOUNTS)
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      PCollection<KV<String, Long>> people = facts.get(PEOPLE)
          .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
          .apply("GroupPeopleCells", GroupIntoBuckets.of(buckets))
          .apply("CountDistinctPeople", ParDo.of(new DistinctPeopleFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      PCollectionList.of(amounts).and(people)
          .apply("AllFigures", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .apply("SumFigures", CountsSink.to(counts, buckets));
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the report pipeline ended in state " + state);
      }
      DashboardFigures figures = DashboardFigures.fromEncoded(CountsSink.read(counts));
      ReportInfo info = new ReportInfo(records.getFileName().toString(), period, audience, threshold,
          codeListSource, rules, absentColumns(header));
      new DashboardWriter(figures, info, salt, ascof, waiting, lookups).write(stage.work());
      List<Path> inputs = new java.util.ArrayList<>(List.of(records));
      if (statistics != null) {
        for (SaltFigures.Table table : salt.tables()) {
          inputs.add(statistics.resolve("salt").resolve(table.file()));
        }
      }
      stage.commit("report", inputs, settings());
      return stage.target();
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  private String settings() {
    return "period=" + period.start() + ".." + period.end() + ";audience=" + audience + ";threshold=" + threshold
        + ";code_lists=" + (codeListSource.isEmpty() ? "none" : codeListSource)
        + (statistics == null ? "" : ";statistics=salt");
  }

  /** The columns read: record id first, then those the rules read that the file has, in header order. */
  static List<String> neededColumns(List<String> header) {
    Set<String> wanted = new LinkedHashSet<>(readColumns());
    List<String> columns = new ArrayList<>(List.of("record_id"));
    for (String column : header) {
      if (wanted.contains(column) && !column.equals("record_id")) {
        columns.add(column);
      }
    }
    return columns;
  }

  /**
   * The key rows are grouped under before their events are reduced to the latest versions: the council-local person
   * ({@code LA_Code}, {@code la_person_token}); a row without a person token stands alone under its record id.
   */
  static SerializableFunction<List<String>, KV<String, List<String>>> personKey(List<String> columns) {
    int la = columns.indexOf("LA_Code");
    int token = columns.indexOf("la_person_token");
    return values -> {
      String person = values.get(token).trim();
      return KV.of(person.isEmpty() ? "record\u0000" + values.get(0)
          : "person\u0000" + values.get(la).trim() + "\u0000" + person, values);
    };
  }

  /** Every column the dashboard's rules read. */
  static List<String> readColumns() {
    Set<String> wanted = new LinkedHashSet<>(CldEvent.READ_COLUMNS);
    wanted.addAll(REQUIRED_COLUMNS);
    wanted.addAll(List.of("Unit_Cost", "Cost_Frequency_Unit_Type", "Planned_Units_Per_Week"));
    for (DataQualityField field : DataQualityField.values()) {
      wanted.add(field.column());
    }
    return List.copyOf(wanted);
  }

  private static List<String> absentColumns(List<String> header) {
    return readColumns().stream().filter(c -> !header.contains(c)).toList();
  }

  /**
   * One bucket of council-local persons' rows: each person's events, reduced to their latest received versions
   * ({@link RecordFacts#latestVersions}), give their facts; every row counts as an input row. Amounts are summed over
   * the bucket; people cells go on keyed by council and person token, each pair once per bucket.
   */
  private static final class RecordFactsFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String,
      Long>> {
    private final List<String> columns;
    private final ReportingPeriod period;
    private final DataQualityRules rules;

    RecordFactsFn(List<String> columns, ReportingPeriod period, DataQualityRules rules) {
      this.columns = List.copyOf(columns);
      this.period = period;
      this.rules = rules;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<Map<String, String>>> persons = new HashMap<>();
      for (KV<String, List<String>> row : bucket.getValue()) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), row.getValue().get(i));
        }
        persons.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(values);
      }
      Map<String, Long> amounts = new HashMap<>();
      Set<String> people = new HashSet<>();
      for (List<Map<String, String>> rows : persons.values()) {
        for (Map<String, String> row : rows) {
          amounts.merge(CellKey.of(Measure.INPUT_ROWS, row.get("LA_Code"), CellKey.PERIOD, "").encode(), 1L,
              Long::sum);
        }
        for (Map<String, String> latest : RecordFacts.latestVersions(rows)) {
          RecordFacts facts = RecordFacts.of(latest, period, rules);
          facts.amounts().forEach((key, amount) -> amounts.merge(key.encode(), amount, Long::sum));
          for (CellKey cell : facts.peopleCells()) {
            String encoded = cell.encode();
            if (people.add(facts.personKey() + SEPARATOR + encoded)) {
              out.get(PEOPLE).output(KV.of(facts.personKey(), encoded));
            }
          }
        }
      }
      amounts.forEach((key, amount) -> out.get(AMOUNTS).output(KV.of(key, amount)));
    }
  }

  /** One bucket of (person, cell) pairs: the number of distinct people per cell. */
  private static final class DistinctPeopleFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String,
      Long>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket,
        OutputReceiver<KV<String, Long>> out) {
      Set<String> seen = new HashSet<>();
      Map<String, Long> people = new HashMap<>();
      for (KV<String, String> pair : bucket.getValue()) {
        if (seen.add(pair.getKey() + SEPARATOR + pair.getValue())) {
          people.merge(pair.getValue(), 1L, Long::sum);
        }
      }
      people.forEach((cell, count) -> out.output(KV.of(cell, count)));
    }
  }
}
