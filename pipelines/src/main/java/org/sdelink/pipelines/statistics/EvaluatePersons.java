package org.sdelink.pipelines.statistics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.sdelink.metrics.salt.PersonStatistics;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;

/**
 * Every CLD person evaluated once for every family of statistics: CLD rows (the columns of
 * {@link StatisticsSettings#columns}, in order) in; each {@link PersonEvaluation}'s summable cells out on its tag, and
 * the stage's counters on {@link #COUNTS}. The rows are keyed by person (council and council-local token) and gathered
 * a bucket at a time (one grouping for all families), each row typed once, each person's rows evaluated once
 * ({@link PersonStatistics}: the year's de-duplicated history and chosen submission) and given to every family. Cells
 * and counters are summed per bundle in small maps (councils x cells) and sent on in key order when the bundle ends;
 * the families sum them across bundles.
 */
public final class EvaluatePersons extends PTransform<PCollection<List<String>>, PCollectionTuple> {
  /** The stage's counters (persons, rows per council, deviations), of every family. */
  public static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};

  private final StatisticsSettings settings;
  private final ImmutableList<PersonEvaluation> evaluations;

  private EvaluatePersons(StatisticsSettings settings, List<PersonEvaluation> evaluations) {
    this.settings = settings;
    this.evaluations = ImmutableList.copyOf(evaluations);
  }

  /** Each person evaluated under {@code settings} for each of {@code evaluations} (distinct tags). */
  static EvaluatePersons of(StatisticsSettings settings, List<PersonEvaluation> evaluations) {
    checkNotNull(settings, "settings");
    checkArgument(!evaluations.isEmpty(), "at least one evaluation");
    checkArgument(evaluations.stream().map(e -> e.cells().getId()).distinct().count() == evaluations.size(),
        "every evaluation needs its own tag");
    return new EvaluatePersons(settings, evaluations);
  }

  @Override
  public PCollectionTuple expand(PCollection<List<String>> rows) {
    int la = settings.columns().indexOf("LA_Code");
    int token = settings.columns().indexOf("la_person_token");
    List<TupleTag<?>> tags = new ArrayList<>();
    evaluations.stream().skip(1).forEach(e -> tags.add(e.cells()));
    tags.add(COUNTS);
    PCollectionTuple evaluated = rows
        .apply("KeyByPerson", MapElements.into(new TypeDescriptor<KV<String, List<String>>>() {})
            .via((List<String> row) -> KV.of(row.get(la) + SaltStatistics.SEP + row.get(token), row)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("GroupByPerson", GroupIntoBuckets.of(settings.buckets()))
        .apply("EvaluateEachPersonOnce", ParDo.of(new EvaluateFn(settings, evaluations))
            .withOutputTags(evaluations.get(0).cells(), TupleTagList.of(tags)));
    KvCoder<String, Long> coder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    PCollectionTuple out = PCollectionTuple.of(COUNTS, evaluated.get(COUNTS).setCoder(coder));
    for (PersonEvaluation evaluation : evaluations) {
      out = out.and(evaluation.cells(), evaluated.get(evaluation.cells()).setCoder(coder));
    }
    return out;
  }

  /** Evaluates the persons of a bucket for every family; sums cells and counters per bundle. */
  static final class EvaluateFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, Long>> {
    private final StatisticsSettings settings;
    private final ImmutableList<PersonEvaluation> evaluations;
    private final ImmutableMap<String, Integer> columnIndex;
    private transient List<Map<String, Long>> cells;
    private transient Map<String, Long> counts;
    private transient List<PersonEvaluation.Tally> tallies;

    EvaluateFn(StatisticsSettings settings, ImmutableList<PersonEvaluation> evaluations) {
      this.settings = settings;
      this.evaluations = evaluations;
      ImmutableMap.Builder<String, Integer> index = ImmutableMap.builder();
      for (int i = 0; i < settings.columns().size(); i++) {
        index.put(settings.columns().get(i), i);
      }
      this.columnIndex = index.buildOrThrow();
    }

    @StartBundle
    public void startBundle() {
      counts = new HashMap<>();
      cells = new ArrayList<>();
      tallies = new ArrayList<>();
      for (int i = 0; i < evaluations.size(); i++) {
        Map<String, Long> mine = new HashMap<>();
        cells.add(mine);
        tallies.add(new PersonEvaluation.Tally() {
          @Override
          public void cell(String key, long n) {
            mine.merge(key, n, Long::sum);
          }

          @Override
          public void count(String key, long n) {
            counts.merge(key, n, Long::sum);
          }
        });
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (int i = 0; i < evaluations.size(); i++) {
        TupleTag<KV<String, Long>> tag = evaluations.get(i).cells();
        new TreeMap<>(cells.get(i)).forEach((k, v) ->
            context.output(tag, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      }
      new TreeMap<>(counts).forEach((k, v) ->
          context.output(COUNTS, KV.of(k, v), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      cells = null;
      counts = null;
      tallies = null;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket) {
      Map<String, List<SaltEvent>> persons = new TreeMap<>();
      for (KV<String, List<String>> entry : bucket.getValue()) {
        if (entry.getKey().endsWith(SaltStatistics.SEP)) {
          String council = entry.getKey().substring(0, entry.getKey().length() - SaltStatistics.SEP.length());
          for (int i = 0; i < evaluations.size(); i++) {
            evaluations.get(i).rowWithoutPersonId(council, tallies.get(i));
          }
          continue;
        }
        persons.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .add(SaltEvent.fromRow(new IndexedRow(columnIndex, entry.getValue())));
      }
      for (List<SaltEvent> rows : persons.values()) {
        String council = rows.get(0).laCode();
        PersonStatistics person = PersonStatistics.of(settings.year(), settings.window(),
            settings.chosenFile(council), rows);
        CldPerson cld = new CldPerson(council, rows, person, settings.joined());
        for (int i = 0; i < evaluations.size(); i++) {
          evaluations.get(i).evaluate(council, cld, tallies.get(i));
        }
      }
    }
  }

  /**
   * A CLD row read as a map from column name to value without copying it: the column index is built once per worker,
   * so typing a row ({@link SaltEvent#fromRow}) allocates no map of its own.
   */
  static final class IndexedRow extends AbstractMap<String, String> {
    private final ImmutableMap<String, Integer> index;
    private final List<String> values;

    IndexedRow(ImmutableMap<String, Integer> index, List<String> values) {
      checkArgument(values.size() == index.size(), "a CLD row has %s values for %s columns", values.size(),
          index.size());
      this.index = index;
      this.values = values;
    }

    @Override
    public String get(Object column) {
      Integer i = index.get(column);
      return i == null ? null : values.get(i);
    }

    @Override
    public boolean containsKey(Object column) {
      return index.containsKey(column);
    }

    @Override
    public int size() {
      return index.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      List<String> names = index.keySet().asList();
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Entry<String, String>> iterator() {
          return new AbstractList<Entry<String, String>>() {
            @Override
            public Entry<String, String> get(int i) {
              return new SimpleImmutableEntry<>(names.get(i), values.get(index.get(names.get(i))));
            }

            @Override
            public int size() {
              return names.size();
            }
          }.iterator();
        }

        @Override
        public int size() {
          return names.size();
        }
      };
    }
  }
}
