package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
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
 * counts ({@link #COUNTS}). Each person is evaluated with the plain rules of {@code org.sdelink.metrics.salt}
 * ({@link EvaluatePersons}, {@link SaltCells}) and the cells summed. The statistics stage gives the same evaluation to
 * its one grouping of persons with the other families ({@link CldStatistics}).
 */
public final class SaltStatistics extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  /** The council code of the national rows. */
  public static final String ENGLAND = "ENGLAND";
  /** Separates the parts of a cell key. */
  public static final String SEP = "\u0000";
  public static final TupleTag<KV<String, Long>> CELLS = new TupleTag<>("cells") {};
  public static final TupleTag<KV<String, Long>> COUNTS = EvaluatePersons.COUNTS;

  /** The SALT family of person evaluations: each person's cells of every table, and the stage's person counters. */
  static final PersonEvaluation EVALUATION = new SaltCells();

  private final StatisticsSettings settings;

  private SaltStatistics(StatisticsSettings settings) {
    this.settings = settings;
  }

  /** The tables of {@code year} under {@code window}, reading each council's year tables from its chosen file. */
  public static SaltStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    return of(StatisticsSettings.of(columns, year, window, chosenFiles, buckets));
  }

  /** The tables under {@code settings}. */
  public static SaltStatistics of(StatisticsSettings settings) {
    return new SaltStatistics(checkNotNull(settings, "settings"));
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    PCollectionTuple evaluated = rows.apply("EvaluatePersons", EvaluatePersons.of(settings, List.of(EVALUATION)));
    return PCollectionTuple.of(CELLS, evaluated.get(CELLS).apply("SumCells", SumInBuckets.of(settings.buckets())))
        .and(COUNTS, evaluated.get(EvaluatePersons.COUNTS));
  }

  /** The cell key of one table's values for a council. */
  public static String cellKey(String table, String laCode, List<String> values) {
    return table + SEP + laCode + SEP + String.join(SEP, values);
  }

  /**
   * A person's SALT cells: one per table cell the person falls in, for the council and for {@code ENGLAND}; and the
   * person's counters (rows read, older versions, deviations) for the report.
   */
  static final class SaltCells implements PersonEvaluation {
    private static final long serialVersionUID = 1L;

    @Override
    public TupleTag<KV<String, Long>> cells() {
      return CELLS;
    }

    @Override
    public void rowWithoutPersonId(String council, Tally tally) {
      // The method drops such rows too; counted per council.
      tally.count("council" + SEP + council + SEP + "rows_without_person_id", 1L);
    }

    @Override
    public void evaluate(String council, CldPerson cld, Tally tally) {
      PersonStatistics person = cld.salt();
      for (SaltTable table : SaltTables.ALL) {
        for (List<String> values : table.cells(person)) {
          tally.cell(cellKey(table.name(), council, values), 1L);
          tally.cell(cellKey(table.name(), ENGLAND, values), 1L);
        }
      }
      tally.count("persons", 1L);
      person.counts().forEach((name, n) ->
          tally.count(name.startsWith("deviation_") ? name : "council" + SEP + council + SEP + name, n));
    }
  }
}
