package org.sdelink.metrics.tables;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.sdelink.metrics.summary.Breakdown;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.metrics.summary.MetricTally;
import org.sdelink.metrics.summary.TallyCell;

/**
 * The finisher: turns the total {@link MetricTally} into the rows of {@code summary.csv}, deterministically. Rows come
 * in metric order ({@link Metric}), then breakdown order ({@link Breakdown}), then group (string order); every metric
 * has its {@code all} row even when nothing was counted. Decimals are plain with {@value #SCALE} places, rounded
 * HALF_EVEN; a value with a zero denominator is blank.
 */
public final class SummaryTable {
  /** Decimal places of every decimal in the summary. */
  public static final int SCALE = 6;

  private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
  private static final BigDecimal PER_1000_YEARS_IN_DAYS = new BigDecimal("365250");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private SummaryTable() {}

  /** The summary rows of {@code tally}. */
  public static ImmutableList<SummaryRow> rows(MetricTally tally) {
    checkNotNull(tally, "tally");
    List<TallyCell> cells = tally.cells();
    ImmutableList.Builder<SummaryRow> rows = ImmutableList.builder();
    for (Metric metric : Metric.values()) {
      List<TallyCell> ofMetric = Lists.newArrayList();
      for (TallyCell cell : cells) {
        if (cell.metric() == metric) {
          ofMetric.add(cell);
        }
      }
      if (ofMetric.isEmpty() || ofMetric.get(0).breakdown() != Breakdown.ALL) {
        ofMetric.add(0, new TallyCell(metric, Breakdown.ALL, Breakdown.ALL_GROUP, 0, 0, ImmutableList.of()));
      }
      for (TallyCell cell : ofMetric) {
        rows.add(row(cell));
      }
    }
    return rows.build();
  }

  /** Writes {@code summary.csv} (header and rows). */
  public static void writeCsv(List<SummaryRow> rows, Appendable out) throws IOException {
    checkNotNull(rows, "rows");
    CsvTables.write(SummaryRow.HEADER, Lists.transform(rows, SummaryRow::values), out);
  }

  private static SummaryRow row(TallyCell cell) {
    String metric = cell.metric().id();
    String breakdown = cell.breakdown().id();
    return switch (cell.metric().kind()) {
      case PROPORTION -> new SummaryRow(metric, breakdown, cell.group(), Long.toString(cell.numerator()),
          Long.toString(cell.denominator()), ratio(BigDecimal.valueOf(cell.numerator()), cell.denominator()));
      case RATE_PER_1000_YEARS -> new SummaryRow(metric, breakdown, cell.group(), Long.toString(cell.numerator()),
          BigDecimal.valueOf(cell.denominator()).divide(DAYS_PER_YEAR, SCALE, RoundingMode.HALF_EVEN).toPlainString(),
          ratio(BigDecimal.valueOf(cell.numerator()).multiply(PER_1000_YEARS_IN_DAYS), cell.denominator()));
      case MEDIAN_DAYS -> {
        String median = median(cell.daysHistogram(), cell.denominator());
        yield new SummaryRow(metric, breakdown, cell.group(), median, Long.toString(cell.denominator()), median);
      }
    };
  }

  private static String ratio(BigDecimal numerator, long denominator) {
    return denominator == 0
        ? ""
        : numerator.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The median of a day histogram: the middle value, or the mean of the middle two for an even count. */
  private static String median(List<Long> histogram, long count) {
    if (count == 0) {
      return "";
    }
    long lower = dayAtRank(histogram, (count - 1) / 2);
    long upper = dayAtRank(histogram, count / 2);
    return BigDecimal.valueOf(lower + upper).divide(TWO, SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The day value at 0-based {@code rank} of the sorted values the histogram counts. */
  private static long dayAtRank(List<Long> histogram, long rank) {
    long seen = 0;
    for (int day = 0; day < histogram.size(); day++) {
      seen += histogram.get(day);
      if (rank < seen) {
        return day;
      }
    }
    throw new IllegalStateException("median histogram holds fewer values than its denominator; the tally is corrupt");
  }
}
