package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.salt.SaltTable;
import org.sdelink.metrics.salt.SaltTables;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.metrics.waiting.WaitingDeviations;
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
    PCollectionTuple evaluated = PersonBucketFn.groupByPerson(rows, columns, buckets)
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
  static final class EvaluateFn extends PersonBucketFn {
    EvaluateFn(ImmutableList<String> columns, FinancialYear year, SubmissionWindow window,
        ImmutableMap<String, String> chosenFiles) {
      super(columns, year, window, chosenFiles, CELLS, COUNTS);
    }

    @Override
    void rowWithoutPersonId(String council) {
      // The method drops such rows too; counted per council.
      addCount("council" + SEP + council + SEP + "rows_without_person_id", 1L);
    }

    @Override
    void evaluate(String council, PersonStatistics person) {
      for (SaltTable table : SaltTables.ALL) {
        for (List<String> values : table.cells(person)) {
          addCell(cellKey(table.name(), council, values), 1L);
          addCell(cellKey(table.name(), ENGLAND, values), 1L);
        }
      }
      addCount("persons", 1L);
      WaitingDeviations.of(person.history()).forEach(this::addCount);
      person.counts().forEach((name, n) ->
          addCount(name.startsWith("deviation_") ? name : "council" + SEP + council + SEP + name, n));
    }
  }
}
