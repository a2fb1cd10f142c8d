package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.metrics.ascof.AscofCatalogue;
import org.sdelink.metrics.ascof.AscofDeviations;
import org.sdelink.metrics.ascof.AscofPerson;
import org.sdelink.metrics.ascof.Contribution;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.submissions.DhscMainTable;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.grouping.SumInBuckets;

/**
 * The ASCOF measures of {@link AscofCatalogue} as a composite: CLD rows (the columns {@code columns}, in order) in; the
 * summed contributions out ({@link #CONTRIBUTIONS}: key {@code measure NUL la_code NUL group NUL part}, part
 * {@code numerator} or {@code denominator}), with the deviation counters ({@link #COUNTS}). Each person's
 * de-duplicated history is evaluated with the plain rules of {@code org.sdelink.metrics.ascof} ({@link EvaluatePersons},
 * {@link AscofContributions}; in the statistics stage in the same grouping as the other families, {@link CldStatistics})
 * and the contributions summed. The driver turns the sums into {@code ascof.csv} with {@code AscofTally} (a few cells per council).
 *
 * <p>Measures computed elsewhere (ASCOF 2D on the linked hospital data) join by emitting their own {@link #cells} into
 * the same sink before the sums are read: {@link StatisticsStage#ascofContributions} lists them.
 */
public final class AscofStatistics extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  public static final TupleTag<KV<String, Long>> CONTRIBUTIONS = new TupleTag<>("ascof-contributions") {};
  public static final TupleTag<KV<String, Long>> COUNTS = EvaluatePersons.COUNTS;
  static final String NUMERATOR = "numerator";
  static final String DENOMINATOR = "denominator";

  /** The ASCOF family of person evaluations: each person's contributions, and the deviation counters. */
  static final PersonEvaluation EVALUATION = new AscofContributions();

  private final StatisticsSettings settings;

  private AscofStatistics(StatisticsSettings settings) {
    this.settings = settings;
  }

  /** The measures of {@code year} (its reporting period) under {@code window}. */
  public static AscofStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    return of(StatisticsSettings.of(columns, year, window, chosenFiles, buckets));
  }

  /** The measures under {@code settings}. */
  public static AscofStatistics of(StatisticsSettings settings) {
    return new AscofStatistics(checkNotNull(settings, "settings"));
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    PCollectionTuple evaluated = rows.apply("EvaluatePersons", EvaluatePersons.of(settings, List.of(EVALUATION)));
    return PCollectionTuple
        .of(CONTRIBUTIONS, evaluated.get(CONTRIBUTIONS).apply("SumContributions", SumInBuckets.of(settings.buckets())))
        .and(COUNTS, evaluated.get(EvaluatePersons.COUNTS));
  }

  /** The summable cells of one contribution (its numerator and denominator parts that are not zero). */
  public static List<KV<String, Long>> cells(Contribution c) {
    List<KV<String, Long>> out = new ArrayList<>(2);
    String key = c.measure() + SaltStatistics.SEP + c.laCode() + SaltStatistics.SEP + c.group() + SaltStatistics.SEP;
    if (c.numerator() > 0) {
      out.add(KV.of(key + NUMERATOR, c.numerator()));
    }
    if (c.denominator() > 0) {
      out.add(KV.of(key + DENOMINATOR, c.denominator()));
    }
    return out;
  }

  /** The contributions, one per (measure, council, group), of summed {@link #cells}. */
  public static List<Contribution> contributions(Map<String, Long> sums) {
    Map<List<String>, long[]> byKey = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    sums.forEach((key, value) -> {
      String[] p = key.split(SaltStatistics.SEP, -1);
      checkArgument(p.length == 4 && (p[3].equals(NUMERATOR) || p[3].equals(DENOMINATOR)),
          "not an ASCOF contribution cell");
      long[] sum = byKey.computeIfAbsent(List.of(p[0], p[1], p[2]), k -> new long[2]);
      sum[p[3].equals(NUMERATOR) ? 0 : 1] += value;
    });
    List<Contribution> out = new ArrayList<>();
    byKey.forEach((k, v) -> out.add(new Contribution(k.get(0), k.get(1), k.get(2), v[0], v[1])));
    return out;
  }

  /** A person's ASCOF contributions of every measure of {@link AscofCatalogue}, and its deviation counters. */
  static final class AscofContributions implements PersonEvaluation {
    private static final long serialVersionUID = 1L;

    @Override
    public TupleTag<KV<String, Long>> cells() {
      return CONTRIBUTIONS;
    }

    @Override
    public void evaluate(String council, CldPerson cld, Tally tally) {
      // DHSC's persons as its joined main table holds them; rows without a council-local person id are counted by
      // the SALT family (rows_without_person_id).
      ReportingPeriod period = ReportingPeriod.of(cld.salt().year().start(), cld.salt().year().end());
      for (DhscMainTable.Person dhsc : cld.dhscPersons()) {
        AscofPerson person = AscofPerson.ofMainTable(period, dhsc);
        for (Contribution c : AscofCatalogue.contributions(person)) {
          for (KV<String, Long> cell : AscofStatistics.cells(c)) {
            tally.cell(cell.getKey(), cell.getValue());
          }
        }
        AscofDeviations.of(person).forEach(tally::count);
      }
    }
  }
}
