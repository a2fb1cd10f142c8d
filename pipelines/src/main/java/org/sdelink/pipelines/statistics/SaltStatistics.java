package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.salt.SaltTable;
import org.sdelink.metrics.salt.SaltTables;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;

/**
 * The SALT tables as a composite: CLD rows (the columns {@code columns}, in order) in; the counted cells out
 * ({@link #CELLS}: key {@code table NUL la_code NUL value...}, per council and for {@code ENGLAND}), with the stage's
 * counts ({@link #COUNTS}). Rows are keyed by person (council and council-local token), gathered a bucket at a time,
 * each person evaluated with the plain rules of {@code org.sdelink.metrics.salt}, and the cells summed.
 */
public final class SaltStatistics extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  /** The council code of the national rows. */
  public static final String ENGLAND = "ENGLAND";
  /** Separates the parts of a cell key. */
  public static final String SEP = "\u0000";
  public static final TupleTag<KV<String, Long>> CELLS = new TupleTag<>("cells") {};
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};

  private final ImmutableList<String> columns;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final ImmutableMap<String, String> chosenFiles;
  private final int buckets;

  private SaltStatistics(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    this.columns = ImmutableList.copyOf(columns);
    this.year = year;
    this.window = window;
    this.chosenFiles = ImmutableMap.copyOf(chosenFiles);
    this.buckets = buckets;
  }

  /** The tables of {@code year} under {@code window}, reading each council's year tables from its chosen file. */
  public static SaltStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    checkNotNull(columns, "columns");
    return new SaltStatistics(columns, checkNotNull(year), checkNotNull(window), checkNotNull(chosenFiles), buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    int la = columns.indexOf("LA_Code");
    int token = columns.indexOf("la_person_token");
    PCollectionTuple evaluated = rows
        .apply("KeyByPerson", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
            .via((List<String> row) -> KV.of(row.get(la) + SEP + row.get(token), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
        .apply("EvaluatePersons", ParDo.of(new EvaluateFn(columns, year, window, chosenFiles))
            .withOutputTags(CELLS, TupleTagList.of(COUNTS)));
    PCollection<KV<String, Long>> cells = evaluated.get(CELLS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumCells", SumInBuckets.of(buckets));
    PCollection<KV<String, Long>> counts = evaluated.get(COUNTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return PCollectionTuple.of(CELLS, cells).and(COUNTS, counts);
  }

  /** The cell key of one table's values for a council. */
  public static String cellKey(String table, String laCode, List<String> values) {
    return table + SEP + laCode + SEP + String.join(SEP, values);
  }

  /** Evaluates the persons of a bucket; sums their cells and counts per bundle (councils x cells, a small map). */
  static final class EvaluateFn
      extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, Long>> {
    private final ImmutableList<String> columns;
    private final FinancialYear year;
    private final SubmissionWindow window;
    private final ImmutableMap<String, String> chosenFiles;
    private transient Map<String, Long> cells;
    private transient Map<String, Long> counts;

    EvaluateFn(ImmutableList<String> columns, FinancialYear year, SubmissionWindow window,
        ImmutableMap<String, String> chosenFiles) {
      this.columns = columns;
      this.year = year;
      this.window = window;
      this.chosenFiles = chosenFiles;
    }

    @StartBundle
    public void startBundle() {
      cells = new HashMap<>();
      counts = new HashMap<>();
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      new TreeMap<>(cells).forEach((k, v) ->
          context.output(CELLS, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      new TreeMap<>(counts).forEach((k, v) ->
          context.output(COUNTS, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      cells = null;
      counts = null;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket) {
      Map<String, List<SaltEvent>> persons = new TreeMap<>();
      for (KV<String, List<String>> entry : bucket.getValue()) {
        if (entry.getKey().endsWith(SEP)) {
          // No council-local person id: the row cannot be given to a person (the method drops such rows too).
          String council = entry.getKey().substring(0, entry.getKey().length() - SEP.length());
          counts.merge("council" + SEP + council + SEP + "rows_without_person_id", 1L, Long::sum);
          continue;
        }
        persons.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(SaltEvent.fromRow(row(entry.getValue())));
      }
      for (List<SaltEvent> rows : persons.values()) {
        String council = rows.get(0).laCode();
        PersonStatistics person = PersonStatistics.of(year, window, chosenFiles.get(council), rows);
        for (SaltTable table : SaltTables.ALL) {
          for (List<String> values : table.cells(person)) {
            cells.merge(cellKey(table.name(), council, values), 1L, Long::sum);
            cells.merge(cellKey(table.name(), ENGLAND, values), 1L, Long::sum);
          }
        }
        counts.merge("persons", 1L, Long::sum);
        person.counts().forEach((name, n) -> {
          if (name.startsWith("deviation_")) {
            counts.merge(name, n, Long::sum);
          } else {
            counts.merge("council" + SEP + council + SEP + name, n, Long::sum);
          }
        });
      }
    }

    private Map<String, String> row(List<String> values) {
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), values.get(i));
      }
      return row;
    }
  }
}
