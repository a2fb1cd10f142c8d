package org.sdelink.pipelines.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.sdelink.linkage.blocking.Blocking;
import org.sdelink.linkage.blocking.BlockingRule;
import org.sdelink.linkage.cascade.DeterministicCascade;
import org.sdelink.linkage.cluster.AmbiguousLink;
import org.sdelink.linkage.cluster.Assignment;
import org.sdelink.linkage.cluster.OneToOneAssignment;
import org.sdelink.linkage.cluster.ScoredLink;
import org.sdelink.linkage.cluster.StarCap;
import org.sdelink.linkage.cluster.StarConflicts;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.ScoredPair;
import org.sdelink.linkage.scoring.TermFrequencies;
import org.sdelink.linkage.scoring.Waterfall;
import org.sdelink.pipelines.grouping.Buckets;
import org.sdelink.pipelines.io.CsvLines;

/** The DoFns of the probabilistic phase: blocking keys, pair counting, scoring, assignment, applying links. */
final class PairFns {
  static final char SEP = '\u001e';
  static final int HISTOGRAM_MIN = -30;
  static final int HISTOGRAM_MAX = 40;

  private PairFns() {}

  static String weight4(double weight) {
    return String.format(Locale.ROOT, "%.4f", weight);
  }

  static int histogramBin(double weight) {
    return (int) Math.max(HISTOGRAM_MIN, Math.min(HISTOGRAM_MAX, Math.floor(weight)));
  }

  /** Keys each entity by {@code ruleIndex SEP blockingKey} for every rule (of {@code rules}) it has a key under. */
  static final class BlockingKeysFn extends DoFn<List<String>, KV<String, List<String>>> {
    private final LinkageModel model;
    private final boolean training;
    private final boolean residualOnly;

    BlockingKeysFn(LinkageModel model, boolean training, boolean residualOnly) {
      this.model = model;
      this.training = training;
      this.residualOnly = residualOnly;
    }

    @ProcessElement
    public void process(@Element List<String> entity, OutputReceiver<KV<String, List<String>>> out) {
      if (residualOnly && !Entities.residual(entity) && !entity.get(0).equals(model.assignment().each())) {
        return;
      }
      LinkRecord record = Entities.decode(model.layout(), entity);
      List<BlockingRule> rules = training ? model.trainingRules() : model.blockingRules();
      for (int i = 0; i < rules.size(); i++) {
        String key = rules.get(i).keyOrNull(record);
        if (key != null) {
          out.output(KV.of(i + String.valueOf(SEP) + key, entity));
        }
      }
    }
  }

  /**
   * Keys each entity by a u-sample group: {@code hash(entity) mod S}, with S chosen so that the cross pairs within
   * groups number about {@code u_sample_pairs}. Independent of bucket counts and runners.
   */
  static final class USampleKeysFn extends DoFn<List<String>, KV<String, List<String>>> {
    private final long samplePairs;
    private final long seed;
    private final PCollectionView<Map<String, Long>> sizes;

    USampleKeysFn(long samplePairs, long seed, PCollectionView<Map<String, Long>> sizes) {
      this.samplePairs = samplePairs;
      this.seed = seed;
      this.sizes = sizes;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<String> entity = context.element();
      Map<String, Long> bySource = context.sideInput(sizes);
      double possible = 1;
      for (long n : bySource.values()) {
        possible *= n;
      }
      int groups = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(possible / samplePairs)));
      int group = Buckets.of(seed + "|u|" + Entities.key(entity), groups);
      context.output(KV.of("u" + SEP + group, entity));
    }
  }

  /**
   * Counts comparison vectors of the cross-source pairs within each key of a bucket: training keys
   * ({@code ruleIndex SEP key}, counted per training rule as {@code em\t<rule>\t<vector>}) or u-sample groups
   * ({@code u\t<vector>}).
   */
  static final class CountVectorsFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, Long>> {
    private final LinkageModel model;

    CountVectorsFn(LinkageModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket,
        OutputReceiver<KV<String, Long>> out) {
      PairComparator comparator = PairComparator.create(model);
      String left = model.sources().get(0);
      Map<String, List<List<LinkRecord>>> groups = group(model.layout(), left, bucket.getValue());
      Map<String, Long> counts = new TreeMap<>();
      groups.forEach((key, sides) -> {
        int sep = key.indexOf(SEP);
        String prefix = key.startsWith("u" + SEP) ? "u"
            : "em\t" + model.trainingRules().get(Integer.parseInt(key.substring(0, sep))).name();
        for (LinkRecord l : sides.get(0)) {
          for (LinkRecord r : sides.get(1)) {
            counts.merge(prefix + "\t" + comparator.vector(l, r), 1L, Long::sum);
          }
        }
      });
      counts.forEach((k, v) -> out.output(KV.of(k, v)));
    }
  }

  /** The records of a bucket by key, as [left-source records, right-source records]. */
  static Map<String, List<List<LinkRecord>>> group(RecordLayout layout, String leftSource,
      Iterable<KV<String, List<String>>> elements) {
    Map<String, List<List<LinkRecord>>> groups = new TreeMap<>();
    Map<String, LinkRecord> decoded = new HashMap<>();
    List<KV<String, List<String>>> sorted = new ArrayList<>();
    elements.forEach(sorted::add);
    sorted.sort((a, b) -> {
      int byKey = a.getKey().compareTo(b.getKey());
      return byKey != 0 ? byKey : Entities.rowKey(a.getValue()).compareTo(Entities.rowKey(b.getValue()));
    });
    for (KV<String, List<String>> kv : sorted) {
      LinkRecord record = decoded.computeIfAbsent(Entities.rowKey(kv.getValue()),
          k -> Entities.decode(layout, kv.getValue()));
      List<List<LinkRecord>> sides = groups.computeIfAbsent(kv.getKey(),
          k -> List.of(new ArrayList<>(), new ArrayList<>()));
      sides.get(record.source().equals(leftSource) ? 0 : 1).add(record);
    }
    return groups;
  }

  /**
   * Scores each cross-source pair of a blocking bucket once (under the first rule that blocks it) and emits the
   * candidate entity links (an entity of the {@code each} source whose person the deterministic phase already
   * linked is paired only with entities of councils where that person has no records: a client known to a second
   * council without an NHS number) (cascade links and links at or above the threshold) keyed by their {@code from}
   * entity, with the pair's waterfall; counts pairs per rule and the match-weight histogram.
   */
  static final class ScorePairsFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, List<String>>> {
    private final LinkageModel model;
    private final ModelParameters parameters;
    private final TermFrequencies frequencies;
    private final TupleTag<KV<String, Long>> countsTag;
    private transient PairScorer scorer;
    private transient DeterministicCascade cascade;

    ScorePairsFn(LinkageModel model, ModelParameters parameters, TermFrequencies frequencies,
        TupleTag<KV<String, Long>> countsTag) {
      this.model = model;
      this.parameters = parameters;
      this.frequencies = frequencies;
      this.countsTag = countsTag;
    }

    @Setup
    public void setup() {
      scorer = PairScorer.create(model, parameters, frequencies);
      cascade = DeterministicCascade.create(model);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      List<BlockingRule> rules = model.blockingRules();
      String left = model.sources().get(0);
      String each = model.assignment().each() == null ? left : model.assignment().each();
      double threshold = model.thresholds().matchWeight();
      int council = model.layout().contains("council") ? model.layout().indexOf("council") : -1;
      int[] mustNotDiffer = model.thresholds().mustNotDiffer().stream().mapToInt(model.layout()::indexOf).toArray();
      Map<String, Long> counts = new TreeMap<>();
      List<KV<String, List<String>>> elements = new ArrayList<>();
      Map<String, List<String>> entityByKey = new HashMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        elements.add(kv);
        entityByKey.putIfAbsent(Entities.key(kv.getValue()), kv.getValue());
      }
      group(model.layout(), left, elements).forEach((key, sides) -> {
        int rule = Integer.parseInt(key.substring(0, key.indexOf(SEP)));
        for (LinkRecord l : sides.get(0)) {
          for (LinkRecord r : sides.get(1)) {
            if (!Blocking.isFirstRuleFor(l, r, rules, rule)) {
              continue;
            }
            boolean leftIsEach = l.source().equals(each);
            List<String> eachEntity = entityByKey.get((leftIsEach ? l : r).key());
            boolean alreadyLinked = !Entities.residual(eachEntity);
            if (alreadyLinked) {
              // A person already linked across sources may link to a client of another council only.
              LinkRecord other = leftIsEach ? r : l;
              String otherCouncil = council < 0 ? null : other.value(council);
              if (otherCouncil == null || eachEntity.get(4).isEmpty()
                  || Entities.linkedIn(eachEntity, otherCouncil)) {
                continue;
              }
            }
            ScoredPair scored = scorer.score(l, r);
            String step = cascade.firstMatchingStepOrNull(l, r);
            counts.merge("pairs\t" + rules.get(rule).name(), 1L, Long::sum);
            counts.merge("hist\t" + histogramBin(scored.matchWeight()), 1L, Long::sum);
            if (step == null && scored.matchWeight() < threshold) {
              continue;
            }
            if (step == null && model.vetoesProbabilisticLink(l, r, scored.matchWeight())) {
              counts.merge("vetoed\t" + String.join("+", model.thresholds().mustNotDiffer()), 1L, Long::sum);
              continue;
            }
            boolean leftIsFrom = l.source().equals(each);
            LinkRecord from = leftIsFrom ? l : r;
            LinkRecord to = leftIsFrom ? r : l;
            List<String> link = new ArrayList<>();
            link.add(from.key());
            link.add(to.key());
            link.add(Double.toString(scored.matchWeight()));
            link.add(step == null ? ScoredLink.PROBABILISTIC : step);
            link.add(step == null ? "0" : "1");
            link.add(l.key());
            link.add(r.key());
            Waterfall waterfall = scorer.waterfall(scored);
            for (Waterfall.Step s : waterfall.steps()) {
              link.add(s.level());
              link.add(weight4(s.partialWeight()));
            }
            List<String> distinct = new ArrayList<>();
            for (int field : mustNotDiffer) {
              String value = from.value(field);
              distinct.add(value == null ? "" : value);
            }
            link.add(String.join(String.valueOf(SEP), distinct));
            link.add(entityByKey.get(l.key()).get(5));
            link.add(alreadyLinked ? "1" : "0");
            out.get(CANDIDATES).output(KV.of(from.key(), link));
          }
        }
      });
      counts.forEach((k, v) -> out.get(countsTag).output(KV.of(k, v)));
    }
  }

  static final TupleTag<KV<String, List<String>>> CANDIDATES = new TupleTag<>("candidates") {};
  static final TupleTag<KV<String, String>> PAIR_LINES = new TupleTag<>("pairLines") {};
  static final TupleTag<KV<String, List<String>>> JOIN = new TupleTag<>("join") {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>("counts") {};

  /**
   * Index of the first waterfall value in a candidate link list {@code [from, to, weight, rule, deterministic (1/0),
   * left record, right record, (level, partial weight) per comparison, the from record's must_not_differ values
   * (SEP-separated), the CLD entity's report groups, already linked (1/0)]}.
   */
  static final int WATERFALL_FROM = 7;

  /**
   * Assigns the candidate links of a bucket of {@code from} entities with the library's one-to-one rules (each
   * {@code from} entity's decision depends only on its own candidates when {@code one_to_one} is false). Accepted
   * links go on to the cluster cap ({@link CapStarsFn}) keyed by the {@code to} person, as {@code [link, persons,
   * candidate...]} where {@code persons} is the number of persons the {@code from} person stands for (1, or more
   * if APC episodes joined it: {@link #PERSONS} messages in the same bucket); ambiguous pairs are written out.
   */
  static final class AssignFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    private final LinkageModel model;

    AssignFn(LinkageModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<List<String>, List<String>> byPair = new LinkedHashMap<>();
      Map<String, String> personsByEntity = new HashMap<>();
      List<ScoredLink> links = new ArrayList<>();
      List<KV<String, List<String>>> sorted = new ArrayList<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        if (PERSONS.equals(kv.getValue().get(0))) {
          personsByEntity.put(kv.getKey(), kv.getValue().get(1));
        } else {
          sorted.add(kv);
        }
      }
      // Strongest candidate of each entity pair first (several address variants may score one pair).
      sorted.sort((a, b) -> {
        List<String> x = a.getValue();
        List<String> y = b.getValue();
        int c = (x.get(0) + SEP + x.get(1)).compareTo(y.get(0) + SEP + y.get(1));
        if (c == 0) {
          c = y.get(4).compareTo(x.get(4));
        }
        if (c == 0) {
          c = Double.compare(Double.parseDouble(y.get(2)), Double.parseDouble(x.get(2)));
        }
        return c != 0 ? c : String.join(String.valueOf(SEP), x).compareTo(String.join(String.valueOf(SEP), y));
      });
      for (KV<String, List<String>> kv : sorted) {
        List<String> v = kv.getValue();
        if (byPair.putIfAbsent(List.of(v.get(0), v.get(1)), v) != null) {
          continue;
        }
        links.add(link(v));
      }
      Assignment assignment = OneToOneAssignment.create(model.thresholds().matchWeight(),
          model.thresholds().ambiguityMargin(), false).assign(links);
      for (ScoredLink link : assignment.accepted()) {
        List<String> v = byPair.get(List.of(link.from(), link.to()));
        List<String> message = new ArrayList<>(v.size() + 2);
        message.add(LINK);
        message.add(personsByEntity.getOrDefault(link.from(), "1"));
        message.addAll(v);
        out.get(ACCEPTED).output(KV.of(person(link.to()), message));
      }
      for (AmbiguousLink ambiguous : assignment.ambiguous()) {
        out.get(COUNTS).output(KV.of("ambiguous\t" + ambiguous.side().name().toLowerCase(Locale.ROOT), 1L));
        for (ScoredLink link : List.of(ambiguous.best(), ambiguous.runnerUp())) {
          out.get(PAIR_LINES).output(pairLine("ambiguous", byPair.get(List.of(link.from(), link.to()))));
        }
      }
    }
  }

  /** The library link of a candidate list. */
  static ScoredLink link(List<String> v) {
    double weight = Double.parseDouble(v.get(2));
    return "1".equals(v.get(4)) ? ScoredLink.byCascade(v.get(0), v.get(1), weight, v.get(3))
        : ScoredLink.probabilistic(v.get(0), v.get(1), weight);
  }

  /** A line of pairs.csv for a candidate list: its record pair, status, rule, weight and waterfall. */
  static KV<String, String> pairLine(String status, List<String> v) {
    List<String> line = new ArrayList<>();
    line.add(v.get(5));
    line.add(v.get(6));
    line.add(status);
    line.add(v.get(3));
    line.add(weight4(Double.parseDouble(v.get(2))));
    line.addAll(v.subList(WATERFALL_FROM, v.size() - 3));
    return KV.of(v.get(5) + SEP + v.get(6) + SEP + status, CsvLines.format(line));
  }

  /** First value of a message giving the persons an entity or person stands for: {@code [#persons, n]}. */
  static final String PERSONS = "#persons";
  /** First value of an accepted link on its way to the cap. */
  static final String LINK = "link";
  static final TupleTag<KV<String, List<String>>> ACCEPTED = new TupleTag<>("accepted") {};

  /**
   * The clusters of the accepted links of a bucket of {@code to} persons: the links into one person form a star.
   * First the links that would bring two different values of a {@code must_not_differ} field into the person are
   * dropped ({@link StarConflicts}: {@code conflict} or {@code ambiguous} pair lines); then the cluster cap
   * ({@code thresholds.max_cluster_persons}, {@link StarCap}) cuts its weakest links if it is over the cap.
   * Kept links become the messages that move the {@code from} persons ({@link ApplyLinksFn}) and {@code accepted}
   * pair lines; cut links become {@code cut} pair lines. Counts the stars over the cap, the links cut and the
   * persons per linked cluster.
   */
  static final class CapStarsFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    private final int maxPersons;
    private final double ambiguityMargin;
    private final String distinctFields;

    CapStarsFn(LinkageModel model) {
      this.maxPersons = model.thresholds().maxClusterPersons();
      this.ambiguityMargin = model.thresholds().ambiguityMargin();
      this.distinctFields = String.join("+", model.thresholds().mustNotDiffer());
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, Integer> hubPersons = new TreeMap<>();
      Map<String, List<List<String>>> byHub = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        List<String> m = kv.getValue();
        if (PERSONS.equals(m.get(0))) {
          hubPersons.put(kv.getKey(), Integer.parseInt(m.get(1)));
        } else {
          byHub.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(m);
        }
      }
      byHub.forEach((hub, messages) -> {
        messages.sort((a, b) -> String.join(String.valueOf(SEP), a).compareTo(String.join(String.valueOf(SEP), b)));
        Map<ScoredLink, List<String>> candidateByLink = new HashMap<>();
        Map<ScoredLink, List<String>> distinctValues = new HashMap<>();
        Map<ScoredLink, Integer> persons = new HashMap<>();
        List<ScoredLink> links = new ArrayList<>();
        for (List<String> m : messages) {
          List<String> v = m.subList(2, m.size());
          ScoredLink link = link(v);
          links.add(link);
          candidateByLink.put(link, v);
          distinctValues.put(link, List.of(v.get(v.size() - 3).split(String.valueOf(SEP), -1)));
          persons.put(link, Integer.parseInt(m.get(1)));
        }
        StarConflicts.Resolution resolution = distinctFields.isEmpty()
            ? new StarConflicts.Resolution(links, List.of(), List.of())
            : StarConflicts.resolve(links, distinctValues, ambiguityMargin);
        for (ScoredLink link : resolution.dropped()) {
          out.get(PAIR_LINES).output(pairLine("conflict", candidateByLink.get(link)));
          out.get(COUNTS).output(KV.of("conflict\t" + distinctFields + "\tlinks_dropped", 1L));
        }
        for (ScoredLink link : resolution.ambiguous()) {
          out.get(PAIR_LINES).output(pairLine("ambiguous", candidateByLink.get(link)));
          out.get(COUNTS).output(KV.of("conflict\t" + distinctFields + "\tlinks_ambiguous", 1L));
        }
        List<StarCap.Spoke> spokes = new ArrayList<>();
        for (ScoredLink link : resolution.kept()) {
          spokes.add(new StarCap.Spoke(link, persons.get(link)));
        }
        if (spokes.isEmpty()) {
          return;
        }
        StarCap.Star star = StarCap.cap(hubPersons.getOrDefault(hub, 1), spokes, maxPersons);
        for (StarCap.Spoke spoke : star.kept()) {
          ScoredLink link = spoke.link();
          List<String> v = candidateByLink.get(link);
          out.get(PAIR_LINES).output(pairLine("accepted", v));
          out.get(COUNTS).output(KV.of("accepted\t" + link.matchRule(), 1L));
          String weight = link.deterministic() ? "" : weight4(link.matchWeight());
          out.get(JOIN).output(KV.of(person(link.from()),
              List.of("to", person(link.to()), link.matchRule(), weight, v.get(v.size() - 1))));
          out.get(JOIN).output(KV.of(person(link.to()), List.of("from", link.matchRule(), weight, v.get(2),
              link.deterministic() ? "1" : "0", v.get(v.size() - 2))));
        }
        for (StarCap.Spoke spoke : star.cut()) {
          out.get(PAIR_LINES).output(pairLine("cut", candidateByLink.get(spoke.link())));
          out.get(COUNTS).output(KV.of("cap\tcld_apc\tlinks_cut", 1L));
        }
        if (star.wasCut()) {
          out.get(COUNTS).output(KV.of("cap\tcld_apc\tclusters_over_cap", 1L));
        }
        out.get(COUNTS).output(KV.of("cluster_persons\t" + star.personsAfter(), 1L));
      });
    }
  }

  static String person(String entityKey) {
    return entityKey.substring(entityKey.indexOf(':') + 1);
  }

  /**
   * Applies accepted links to the deterministic persons: the records of a linked {@code from} person take the
   * {@code to} person's id and the link's rule and weight; a {@code to} person's unlinked records take its
   * strongest link's rule and weight.
   */
  static final class ApplyLinksFn extends DoFn<KV<Integer, Iterable<KV<String, List<String>>>>, KV<String, String>> {
    static final TupleTag<KV<String, String>> SPINE = new TupleTag<>("finalSpine") {};

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, List<String>>>> bucket, MultiOutputReceiver out) {
      Map<String, List<List<String>>> byPerson = new TreeMap<>();
      for (KV<String, List<String>> kv : bucket.getValue()) {
        byPerson.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      byPerson.forEach((person, messages) -> {
        messages.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        List<String> to = null;
        List<String> strongestFrom = null;
        for (List<String> m : messages) {
          if (m.get(0).equals("to")) {
            to = m;
          } else if (m.get(0).equals("from")) {
            if (strongestFrom == null || stronger(m, strongestFrom)) {
              strongestFrom = m;
            }
          }
        }
        if (strongestFrom != null) {
          List<String> groups = List.of(strongestFrom.get(5).split("\\|", -1));
          for (int d = 0; d < Entities.SUBGROUP_DIMENSIONS.size(); d++) {
            out.get(COUNTS).output(KV.of("rate\t" + Entities.SUBGROUP_DIMENSIONS.get(d) + "\t"
                + groups.get(d) + "\tlinked_phase2", 1L));
          }
        }
        for (List<String> m : messages) {
          if (!m.get(0).equals("m")) {
            continue;
          }
          String source = m.get(1);
          String recordId = m.get(2);
          String personId = person;
          String rule = m.get(3);
          String weight = m.size() > 4 ? m.get(4) : "";
          if (to != null && to.size() > 4 && "1".equals(to.get(4))) {
            // The person was already linked across sources: its records keep their rules.
            personId = to.get(1);
            if (DeterministicPersonLinker.RULE_UNLINKED.equals(rule)) {
              rule = to.get(2);
              weight = to.get(3);
            }
          } else if (to != null) {
            personId = to.get(1);
            rule = to.get(2);
            weight = to.get(3);
          } else if (strongestFrom != null && DeterministicPersonLinker.RULE_UNLINKED.equals(rule)) {
            rule = strongestFrom.get(1);
            weight = strongestFrom.get(2);
          }
          out.get(SPINE).output(KV.of(source + "\u0000" + recordId,
              CsvLines.format(source, recordId, personId, rule, weight)));
          out.get(COUNTS).output(KV.of("rule\t" + source + "\t" + rule, 1L));
        }
      });
    }

    private static boolean stronger(List<String> a, List<String> b) {
      boolean detA = "1".equals(a.get(4));
      boolean detB = "1".equals(b.get(4));
      if (detA != detB) {
        return detA;
      }
      return Double.parseDouble(a.get(3)) > Double.parseDouble(b.get(3));
    }
  }
}
