package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.sdelink.metrics.ascof.AscofCatalogue;
import org.sdelink.metrics.ascof.AscofDeviations;
import org.sdelink.metrics.ascof.AscofPerson;
import org.sdelink.metrics.ascof.Contribution;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.grouping.SumInBuckets;

/**
 * The ASCOF measures of {@link AscofCatalogue} as a composite: CLD rows (the columns {@code columns}, in order) in; the
 * summed contributions out ({@link #CONTRIBUTIONS}: key {@code measure NUL la_code NUL group NUL part}, part
 * {@code numerator} or {@code denominator}), with the deviation counters ({@link #COUNTS}). Rows are keyed by person
 * (council and council-local token), gathered a bucket at a time as {@link SaltStatistics} does, each person's
 * de-duplicated history evaluated with the plain rules of {@code org.sdelink.metrics.ascof}, and the contributions
 * summed. The driver turns the sums into {@code ascof.csv} with {@code AscofTally} (a few cells per council).
 *
 * <p>Measures computed elsewhere (ASCOF 2D on the linked hospital data) join by emitting their own {@link #cells} into
 * the same sink before the sums are read: {@link StatisticsStage#ascofContributions} lists them.
 */
public final class AscofStatistics extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  public static final TupleTag<KV<String, Long>> CONTRIBUTIONS = new TupleTag<>("ascof-contributions") {};
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("ascof-counts") {};
  static final String NUMERATOR = "numerator";
  static final String DENOMINATOR = "denominator";

  private final ImmutableList<String> columns;
  private final FinancialYear year;
  private final SubmissionWindow window;
  private final ImmutableMap<String, String> chosenFiles;
  private final int buckets;

  private AscofStatistics(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    this.columns = ImmutableList.copyOf(columns);
    this.year = year;
    this.window = window;
    this.chosenFiles = ImmutableMap.copyOf(chosenFiles);
    this.buckets = buckets;
  }

  /** The measures of {@code year} (its reporting period) under {@code window}. */
  public static AscofStatistics of(List<String> columns, FinancialYear year, SubmissionWindow window,
      Map<String, String> chosenFiles, int buckets) {
    checkNotNull(columns, "columns");
    checkArgument(buckets > 0, "buckets must be positive");
    return new AscofStatistics(columns, checkNotNull(year), checkNotNull(window), checkNotNull(chosenFiles), buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    PCollectionTuple evaluated = PersonBucketFn.groupByPerson(rows, columns, buckets)
        .apply("EvaluatePersons", ParDo.of(new EvaluateFn(columns, year, window, chosenFiles))
            .withOutputTags(CONTRIBUTIONS, TupleTagList.of(COUNTS)));
    PCollection<KV<String, Long>> sums = evaluated.get(CONTRIBUTIONS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumContributions", SumInBuckets.of(buckets));
    PCollection<KV<String, Long>> counts = evaluated.get(COUNTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return PCollectionTuple.of(CONTRIBUTIONS, sums).and(COUNTS, counts);
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

  /** Evaluates the persons of a bucket; sums contributions and counters per bundle (a small map). */
  static final class EvaluateFn extends PersonBucketFn {
    EvaluateFn(ImmutableList<String> columns, FinancialYear year, SubmissionWindow window,
        ImmutableMap<String, String> chosenFiles) {
      super(columns, year, window, chosenFiles, CONTRIBUTIONS, COUNTS);
    }

    @Override
    void evaluate(String council, PersonStatistics salt) {
      // Rows without a council-local person id are counted by the SALT pass (rows_without_person_id).
      if (salt.history().isEmpty()) {
        return;
      }
      AscofPerson person = AscofPerson.of(salt);
      for (Contribution c : AscofCatalogue.contributions(person)) {
        for (KV<String, Long> cell : cells(c)) {
          addCell(cell.getKey(), cell.getValue());
        }
      }
      AscofDeviations.of(person).forEach((name, n) -> addCount(name, n));
    }
  }
}
