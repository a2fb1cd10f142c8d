package org.sdelink.pipelines.statistics;

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
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;

/**
 * The step the SALT and ASCOF composites share: CLD rows gathered by person (council and council-local token) a bucket
 * at a time, each person's rows evaluated under the year's submissions ({@link PersonStatistics}), and the summable
 * cells and counters a subclass adds kept in small per-bundle maps, emitted in key order when the bundle ends.
 */
abstract class PersonBucketFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, Long>> {
  private final ImmutableList<String> columns;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final ImmutableMap<String, String> chosenFiles;
  private final TupleTag<KV<String, Long>> cellsTag;
  private final TupleTag<KV<String, Long>> countsTag;
  private transient Map<String, Long> cells;
  private transient Map<String, Long> counts;

  PersonBucketFn(ImmutableList<String> columns, FinancialYear year, SubmissionWindow window,
      ImmutableMap<String, String> chosenFiles, TupleTag<KV<String, Long>> cellsTag,
      TupleTag<KV<String, Long>> countsTag) {
    this.columns = columns;
    this.year = year;
    this.window = window;
    this.chosenFiles = chosenFiles;
    this.cellsTag = cellsTag;
    this.countsTag = countsTag;
  }

  /** CLD rows keyed by person and gathered into {@code buckets} buckets (a person's rows all in one bucket). */
  static PCollection<KV<Integer, Iterable<KV<String, List<String>>>>> groupByPerson(
      PCollection<List<String>> rows, List<String> columns, int buckets) {
    int la = columns.indexOf("LA_Code");
    int token = columns.indexOf("la_person_token");
    return rows
        .apply("KeyByPerson", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
            .via((List<String> row) -> KV.of(row.get(la) + SaltStatistics.SEP + row.get(token), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupByPerson", GroupIntoBuckets.of(buckets));
  }

  /** Evaluates one person of {@code council}: adds its cells and counters. */
  abstract void evaluate(String council, PersonStatistics person);

  /** Called for each row without a council-local person id (it cannot be given to a person). */
  void rowWithoutPersonId(String council) {}

  /** Adds {@code n} to the summable cell {@code key}. */
  final void addCell(String key, long n) {
    cells.merge(key, n, Long::sum);
  }

  /** Adds {@code n} to the counter {@code key}. */
  final void addCount(String key, long n) {
    counts.merge(key, n, Long::sum);
  }

  @StartBundle
  public void startBundle() {
    cells = new HashMap<>();
    counts = new HashMap<>();
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    new TreeMap<>(cells).forEach((k, v) ->
        context.output(cellsTag, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    new TreeMap<>(counts).forEach((k, v) ->
        context.output(countsTag, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    cells = null;
    counts = null;
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket) {
    Map<String, List<SaltEvent>> persons = new TreeMap<>();
    for (KV<String, List<String>> entry : bucket.getValue()) {
      if (entry.getKey().endsWith(SaltStatistics.SEP)) {
        rowWithoutPersonId(entry.getKey().substring(0, entry.getKey().length() - SaltStatistics.SEP.length()));
        continue;
      }
      persons.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(SaltEvent.fromRow(row(entry.getValue())));
    }
    for (List<SaltEvent> rows : persons.values()) {
      String council = rows.get(0).laCode();
      evaluate(council, PersonStatistics.of(year, window, chosenFiles.get(council), rows));
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
