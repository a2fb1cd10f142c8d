package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.pipelines.grouping.SumInBuckets;

/**
 * Every statistic of the stage that comes from CLD alone, from one grouping of the CLD rows by person: each person is
 * evaluated once ({@link EvaluatePersons}) for the SALT tables, the ASCOF measures and the waiting times, and each
 * family's cells are then summed its own way. Out: {@link SaltStatistics#CELLS} (summed SALT cells),
 * {@link AscofStatistics#CONTRIBUTIONS} (summed contributions), {@link #WAITING_LINES} (the lines of
 * {@code waiting_times.csv}) and {@link EvaluatePersons#COUNTS} (the counters of the report). The same outputs as the
 * three composites apart, with one shuffle of the CLD rows instead of three.
 */
public final class CldStatistics extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  /** The lines of {@code waiting_times.csv}, keyed for {@code SortedCsvSink}. */
  public static final TupleTag<KV<String, String>> WAITING_LINES = new TupleTag<>("waiting-lines") {};

  private final StatisticsSettings settings;

  private CldStatistics(StatisticsSettings settings) {
    this.settings = settings;
  }

  public static CldStatistics of(StatisticsSettings settings) {
    return new CldStatistics(checkNotNull(settings, "settings"));
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    PCollectionTuple evaluated = rows.apply("EvaluateEachPersonOnce", EvaluatePersons.of(settings,
        List.of(SaltStatistics.EVALUATION, AscofStatistics.EVALUATION, WaitingTimesStatistics.EVALUATION)));
    int buckets = settings.buckets();
    return PCollectionTuple
        .of(SaltStatistics.CELLS, evaluated.get(SaltStatistics.CELLS)
            .apply("SumSaltCells", SumInBuckets.of(buckets)))
        .and(AscofStatistics.CONTRIBUTIONS, evaluated.get(AscofStatistics.CONTRIBUTIONS)
            .apply("SumAscofContributions", SumInBuckets.of(buckets)))
        .and(WAITING_LINES, evaluated.get(WaitingTimesStatistics.HISTOGRAMS)
            .apply("WaitingMedians", WaitingTimesStatistics.medians(buckets)))
        .and(EvaluatePersons.COUNTS, evaluated.get(EvaluatePersons.COUNTS));
  }
}
