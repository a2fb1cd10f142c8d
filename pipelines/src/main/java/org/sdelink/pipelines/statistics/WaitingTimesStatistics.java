package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
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
import org.apache.beam.sdk.values.TypeDescriptor;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.metrics.waiting.FirstResponses;
import org.sdelink.metrics.waiting.MedianDays;
import org.sdelink.metrics.waiting.Wait;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.CsvLines;

/**
 * {@code waiting_times.csv} as a composite (DHSC {@code waiting_times_method.sql} v1.1; docs/statistics.md): CLD
 * rows (the columns {@code columns}, in order) in; the file's lines out, keyed for {@code SortedCsvSink}. Each person
 * (council and council-local token, a bucket at a time) gives its waits ({@link FirstResponses}); a wait whose
 * response starts in the year is counted in the histogram of its cell (council or {@code ENGLAND}, quarter, age
 * band, part) by whole days; the histograms are summed, gathered per cell (a cell's histogram has one entry per
 * distinct length, so it is small) and each cell's median is {@link MedianDays#ofHistogram}, exactly the
 * {@code PERCENTILE_CONT(0.5)} of its waits.
 */
public final class WaitingTimesStatistics extends PTransform<PCollection<List<String>>, PCollection<KV<String, String>>> {
  public static final String FILE = "waiting_times.csv";
  public static final ImmutableList<String> HEADER =
      ImmutableList.of("la_code", "quarter", "age_band", "part", "requests", "median_days");
  private static final String SEP = SaltStatistics.SEP;

  private final ImmutableList<String> columns;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final int buckets;

  private WaitingTimesStatistics(List<String> columns, FinancialYear year, SubmissionWindow window, int buckets) {
    this.columns = ImmutableList.copyOf(columns);
    this.year = year;
    this.window = window;
    this.buckets = buckets;
  }

  /** The waits whose responses start in {@code year}, from the submissions inside {@code window}. */
  public static WaitingTimesStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      int buckets) {
    checkNotNull(columns, "columns");
    return new WaitingTimesStatistics(columns, checkNotNull(year), checkNotNull(window), buckets);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<List<String>> rows) {
    int la = columns.indexOf("LA_Code");
    int token = columns.indexOf("la_person_token");
    return rows
        .apply("KeyByPerson", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
            .via((List<String> row) -> KV.of(row.get(la) + SEP + row.get(token), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupByPerson", GroupIntoBuckets.of(buckets))
        .apply("CountWaitsByDays", ParDo.of(new WaitsFn(columns, year, window)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumHistograms", SumInBuckets.of(buckets))
        .apply("KeyByCell", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
            .via((KV<String, Long> count) -> {
              int cut = count.getKey().lastIndexOf(SEP);
              return KV.of(count.getKey().substring(0, cut),
                  List.of(count.getKey().substring(cut + SEP.length()), Long.toString(count.getValue())));
            }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupByCell", GroupIntoBuckets.of(buckets))
        .apply("Medians", ParDo.of(new MediansFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** The histogram key of one wait: council, quarter, band, part, days. */
  static String key(String laCode, Wait wait) {
    return String.join(SEP, laCode, wait.quarter(), wait.ageBand(), wait.part(), Long.toString(wait.days()));
  }

  /** A bucket of persons: their waits counted per cell and length, summed per bundle (a small map). */
  static final class WaitsFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, Long>> {
    private final ImmutableList<String> columns;
    private final FinancialYear year;
    private final SubmissionWindow window;
    private transient Map<String, Long> counts;

    WaitsFn(ImmutableList<String> columns, FinancialYear year, SubmissionWindow window) {
      this.columns = columns;
      this.year = year;
      this.window = window;
    }

    @StartBundle
    public void startBundle() {
      counts = new HashMap<>();
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      new TreeMap<>(counts).forEach((k, v) ->
          context.output(KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      counts = null;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket) {
      Map<String, List<SaltEvent>> persons = new TreeMap<>();
      for (KV<String, List<String>> entry : bucket.getValue()) {
        if (entry.getKey().endsWith(SEP)) {
          continue; // no council-local person id: the method drops such rows (counted by the SALT tables)
        }
        persons.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(SaltEvent.fromRow(row(entry.getValue())));
      }
      for (List<SaltEvent> rows : persons.values()) {
        String council = rows.get(0).laCode();
        for (Wait wait : FirstResponses.ofSubmitted(rows, window)) {
          if (year.contains(wait.responseStart())) {
            counts.merge(key(council, wait), 1L, Long::sum);
            counts.merge(key(SaltStatistics.ENGLAND, wait), 1L, Long::sum);
          }
        }
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

  /** A bucket of cells: each cell's histogram gathered, its count and median formatted as a line. */
  static final class MediansFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket,
        OutputReceiver<KV<String, String>> out) {
      Map<String, Map<Long, Long>> cells = new TreeMap<>();
      for (KV<String, List<String>> entry : bucket.getValue()) {
        cells.computeIfAbsent(entry.getKey(), k -> new HashMap<>())
            .merge(Long.parseLong(entry.getValue().get(0)), Long.parseLong(entry.getValue().get(1)), Long::sum);
      }
      cells.forEach((cell, histogram) -> {
        long requests = histogram.values().stream().mapToLong(Long::longValue).sum();
        List<String> fields = new ArrayList<>(List.of(cell.split(SEP, -1)));
        fields.add(Long.toString(requests));
        fields.add(MedianDays.ofHistogram(histogram).toPlainString());
        out.output(KV.of(cell, CsvLines.formatForPeople(fields)));
      });
    }
  }
}
