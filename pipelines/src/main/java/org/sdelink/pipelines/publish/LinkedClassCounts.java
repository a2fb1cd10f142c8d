package org.sdelink.pipelines.publish;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;
import org.sdelink.pipelines.grouping.SumInBuckets;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.SortedCsvSink;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.policies.kanonymity.LinkedClassFigures;
import org.sdelink.policies.kanonymity.LinkedKAnonymityGate;
import org.sdelink.policies.kanonymity.LinkedQuasiIdentifiers;
import org.sdelink.policies.kanonymity.PersonQuasiIdentifiers;

/**
 * The person-level gate's counting, as Beam passes over the persons file ({@code person_id, quasi_identifiers}, one
 * encoded {@link PersonQuasiIdentifiers} per person): one pass counts several level vectors at once. Each person's
 * linked key at each vector is grouped in a bounded number of buckets, each bucket adds up its classes into
 * {@link LinkedClassFigures} counts, and the counts are summed in buckets; only those sums (a few numbers per vector)
 * reach the driver. Also the transform that lists the persons to leave out at the chosen levels.
 */
final class LinkedClassCounts implements LinkedKAnonymityGate.ClassCounter {
  static final List<String> PERSON_COLUMNS = List.of("person_id", "quasi_identifiers");

  private final LinkedQuasiIdentifiers linked;
  private final Path persons;
  private final SdelinkPipelineOptions options;
  private final StageDirectory stage;
  private int passes;

  LinkedClassCounts(LinkedQuasiIdentifiers linked, Path persons, SdelinkPipelineOptions options,
      StageDirectory stage) {
    this.linked = linked;
    this.persons = persons;
    this.options = options;
    this.stage = stage;
  }

  /** The number of counting passes run so far. */
  int passes() {
    return passes;
  }

  @Override
  public List<LinkedClassFigures> figuresAt(List<ImmutableList<Integer>> vectors) throws Exception {
    int buckets = options.getBuckets();
    Path out = stage.scratch("linked-counts-" + (++passes));
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("ReadPersons", ReadCsvColumns.of(persons, PERSON_COLUMNS))
        .apply("LinkedKeys", ParDo.of(new LinkedKeysFn(linked, vectors)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("GroupByLinkedKey", GroupIntoBuckets.of(buckets))
        .apply("CountClasses", ParDo.of(new ClassCountsFn(linked.k(), linked.datasets())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumCounts", SumInBuckets.of(buckets))
        .apply("Format", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((KV<String, Long> kv) -> KV.of(kv.getKey(), kv.getKey() + "\u0002" + kv.getValue())))
        .apply("Write", SortedCsvSink.to(out.toString()));
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the publish (person-level k-anonymity) pipeline ended in state " + state);
    }
    List<Map<String, Long>> counts = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      counts.add(new TreeMap<>());
    }
    for (String line : SortedCsvSink.readLines(out)) {
      String[] parts = line.split("\u0002", -1);
      int at = parts[0].indexOf('\u0001');
      counts.get(Integer.parseInt(parts[0].substring(0, at))).put(parts[0].substring(at + 1),
          Long.parseLong(parts[1]));
    }
    List<LinkedClassFigures> figures = new ArrayList<>();
    counts.forEach(c -> figures.add(LinkedClassFigures.fromCounts(c)));
    return figures;
  }

  /** The persons (by released person id) whose linked key at {@code levels} is shared by fewer than k persons. */
  static PTransform<PCollection<List<String>>, PCollection<String>> suppressedPersons(
      LinkedQuasiIdentifiers linked, List<Integer> levels, int buckets) {
    ImmutableList<Integer> chosen = ImmutableList.copyOf(levels);
    return new PTransform<>() {
      @Override
      public PCollection<String> expand(PCollection<List<String>> persons) {
        return persons
            .apply("KeyByLinkedKey", ParDo.of(new LinkedKeysFn(linked, List.of(chosen), true)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("GroupByLinkedKey", GroupIntoBuckets.of(buckets))
            .apply("SmallGroups", ParDo.of(new SmallGroupsFn(linked.k())))
            .setCoder(StringUtf8Coder.of());
      }
    };
  }

  /**
   * For each person and level vector j: {@code j \u0001 linked key} with the person's row counts ({@code 1,rows of
   * each dataset}), or with the person id when {@code personIds}. Row counts of persons sharing a key are added up
   * within a bundle first ({@code persons,rows of each dataset}), in a map of bounded size, so that a coarse vector
   * sends a few sums through the shuffle instead of one element per person; downstream sums do not depend on it.
   */
  private static final class LinkedKeysFn extends DoFn<List<String>, KV<String, String>> {
    /** Keys a bundle adds up before it sends its sums on and starts again. */
    private static final int MAX_KEYS = 50_000;

    private final LinkedQuasiIdentifiers linked;
    private final List<ImmutableList<Integer>> vectors;
    private final boolean personIds;
    private transient Map<String, long[]> sums;

    LinkedKeysFn(LinkedQuasiIdentifiers linked, List<ImmutableList<Integer>> vectors) {
      this(linked, vectors, false);
    }

    LinkedKeysFn(LinkedQuasiIdentifiers linked, List<ImmutableList<Integer>> vectors, boolean personIds) {
      this.linked = linked;
      this.vectors = List.copyOf(vectors);
      this.personIds = personIds;
    }

    @StartBundle
    public void startBundle() {
      sums = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element List<String> row, OutputReceiver<KV<String, String>> out) {
      PersonQuasiIdentifiers person = PersonQuasiIdentifiers.decode(row.get(1));
      if (personIds) {
        for (int j = 0; j < vectors.size(); j++) {
          out.output(KV.of(j + "\u0001" + linked.linkedKey(person, vectors.get(j)), row.get(0)));
        }
        return;
      }
      List<String> datasets = linked.datasets();
      for (int j = 0; j < vectors.size(); j++) {
        long[] counts = sums.computeIfAbsent(j + "\u0001" + linked.linkedKey(person, vectors.get(j)),
            key -> new long[datasets.size() + 1]);
        counts[0]++;
        for (int d = 0; d < datasets.size(); d++) {
          counts[d + 1] += person.rows(datasets.get(d));
        }
      }
      if (sums.size() >= MAX_KEYS) {
        flush(out::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      flush(kv -> context.output(kv, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
      sums = null;
    }

    private void flush(java.util.function.Consumer<KV<String, String>> out) {
      sums.forEach((key, counts) -> {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
          value.append(i == 0 ? "" : ",").append(counts[i]);
        }
        out.accept(KV.of(key, value.toString()));
      });
      sums.clear();
    }
  }

  /**
   * Adds up the classes of the buckets of a bundle, per level vector, into additive counts, emitted once per bundle
   * (every class lies whole in one bucket, so the counts of several buckets simply add up).
   */
  private static final class ClassCountsFn
      extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, Long>> {
    private final int k;
    private final List<String> datasets;
    private transient Map<String, LinkedClassFigures.Accumulator> byVector;

    ClassCountsFn(int k, List<String> datasets) {
      this.k = k;
      this.datasets = List.copyOf(datasets);
    }

    @StartBundle
    public void startBundle() {
      byVector = new TreeMap<>();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket) {
      Map<String, long[]> classes = new HashMap<>();
      for (KV<String, String> person : bucket.getValue()) {
        long[] sums = classes.computeIfAbsent(person.getKey(), key -> new long[datasets.size() + 1]);
        String[] counts = person.getValue().split(",", -1);
        for (int i = 0; i < sums.length; i++) {
          sums[i] += Long.parseLong(counts[i]);
        }
      }
      classes.forEach((key, sums) -> {
        Map<String, Long> rows = new TreeMap<>();
        for (int d = 0; d < datasets.size(); d++) {
          rows.put(datasets.get(d), sums[d + 1]);
        }
        byVector.computeIfAbsent(key.substring(0, key.indexOf('\u0001')), j -> LinkedClassFigures.accumulator(k))
            .addClass(sums[0], rows);
      });
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      byVector.forEach((j, accumulator) -> accumulator.counts().forEach((name, value) ->
          context.output(KV.of(j + "\u0001" + name, value), GlobalWindow.INSTANCE.maxTimestamp(),
              GlobalWindow.INSTANCE)));
      byVector = null;
    }
  }

  /** The person ids of the groups (persons sharing a linked key) smaller than k, in one bucket. */
  private static final class SmallGroupsFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, String> {
    private final int k;

    SmallGroupsFn(int k) {
      this.k = k;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<String> out) {
      Map<String, List<String>> groups = new HashMap<>();
      for (KV<String, String> person : bucket.getValue()) {
        groups.computeIfAbsent(person.getKey(), key -> new ArrayList<>()).add(person.getValue());
      }
      groups.values().stream().filter(g -> g.size() < k).forEach(g -> g.forEach(out::output));
    }
  }
}
