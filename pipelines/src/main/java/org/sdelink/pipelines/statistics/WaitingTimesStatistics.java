package org.sdelink.pipelines.statistics;

import com.google.common.collect.ImmutableList;
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
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.DhscMainTable;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.metrics.waiting.FirstResponses;
import org.sdelink.metrics.waiting.WaitingDeviations;
import org.sdelink.metrics.waiting.MedianDays;
import org.sdelink.metrics.waiting.Wait;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.CsvLines;

/**
 * {@code waiting_times.csv} as a composite (DHSC {@code waiting_times_method.sql} v1.1; docs/statistics.md): CLD
 * rows (the columns {@code columns}, in order) in; the file's lines out, keyed for {@code SortedCsvSink}. Each person
 * (council and council-local token, evaluated once by {@link EvaluatePersons}, in the statistics stage together with
 * the other families: {@link CldStatistics}) gives its waits ({@link FirstResponses}, {@link WaitHistograms}); a wait whose
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

  /** The person-level histograms (key {@link #key}, count of waits), before they are summed. */
  static final TupleTag<KV<String, Long>> HISTOGRAMS = new TupleTag<>("waiting-histograms") {};
  /** The waiting-times family of person evaluations: each person's waits counted per cell and length. */
  static final PersonEvaluation EVALUATION = new WaitHistograms();

  private final StatisticsSettings settings;

  private WaitingTimesStatistics(StatisticsSettings settings) {
    this.settings = settings;
  }

  /** The waits whose responses start in {@code year}, from the submissions inside {@code window}. */
  public static WaitingTimesStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      int buckets) {
    return new WaitingTimesStatistics(StatisticsSettings.of(columns, year, window, Map.of(), buckets));
  }

  /** The same composite reading persons through DHSC's joined-submissions selection (without it no file is read). */
  public WaitingTimesStatistics withJoined(JoinedSubmissions joined) {
    return new WaitingTimesStatistics(settings.withJoined(joined));
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<List<String>> rows) {
    return rows.apply("EvaluatePersons", EvaluatePersons.of(settings, List.of(EVALUATION)))
        .get(HISTOGRAMS)
        .apply("Medians", medians(settings.buckets()));
  }

  /**
   * The lines of the file from the persons' histograms ({@link #HISTOGRAMS}): summed, gathered per cell, each cell's
   * count of requests and median.
   */
  static Medians medians(int buckets) {
    return new Medians(buckets);
  }

  /** The persons' histograms summed, gathered per cell, and each cell's line with its requests and median. */
  static final class Medians extends PTransform<PCollection<KV<String, Long>>, PCollection<KV<String, String>>> {
    private final int buckets;

    private Medians(int buckets) {
      this.buckets = buckets;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, Long>> histograms) {
      return histograms
          .apply("SumHistograms", SumInBuckets.of(buckets))
          .apply("KeyByCell", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
              .via((KV<String, Long> count) -> {
                int cut = count.getKey().lastIndexOf(SEP);
                return KV.of(count.getKey().substring(0, cut),
                    List.of(count.getKey().substring(cut + SEP.length()), Long.toString(count.getValue())));
              }))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
          .apply("GroupByCell", GroupIntoBuckets.of(buckets))
          .apply("MediansPerCell", ParDo.of(new MediansFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    }
  }

  /** The histogram key of one wait: council, quarter, band, part, days. */
  static String key(String laCode, Wait wait) {
    return String.join(SEP, laCode, wait.quarter(), wait.ageBand(), wait.part(), Long.toString(wait.days()));
  }

  /**
   * A person's waits ({@link FirstResponses} of the de-duplicated history) whose response starts in the year, counted
   * in the histogram of their cell and length, for the council and for {@code ENGLAND}.
   */
  static final class WaitHistograms implements PersonEvaluation {
    private static final long serialVersionUID = 1L;

    @Override
    public TupleTag<KV<String, Long>> cells() {
      return HISTOGRAMS;
    }

    @Override
    public void evaluate(String council, CldPerson cld, Tally tally) {
      // DHSC's persons as its joined main table holds them (CldPerson#dhscPersons); rows without a council-local
      // person id are dropped, as the method does (counted by the SALT family).
      for (DhscMainTable.Person dhsc : cld.dhscPersons()) {
        List<SaltEvent> rows = dhsc.rows();
        WaitingDeviations.of(rows).forEach(tally::count);
        for (Wait wait : FirstResponses.of(rows)) {
          if (cld.salt().year().contains(wait.responseStart())) {
            tally.cell(key(council, wait), 1L);
            tally.cell(key(SaltStatistics.ENGLAND, wait), 1L);
          }
        }
      }
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
