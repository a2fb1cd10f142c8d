package org.sdelink.linkage.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sdelink.linkage.blocking.PairFilter;
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.cluster.AmbiguousLink;
import org.sdelink.linkage.cluster.Assignment;
import org.sdelink.linkage.cluster.Clustering;
import org.sdelink.linkage.cluster.ConnectedComponents;
import org.sdelink.linkage.cluster.Edge;
import org.sdelink.linkage.cluster.OneToOneAssignment;
import org.sdelink.linkage.cluster.ScoredLink;
import org.sdelink.linkage.em.ParameterEstimation;
import org.sdelink.linkage.model.ClusteringMethod;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.model.Thresholds;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.Waterfall;

/**
 * Links two record sets in memory: blocking, the deterministic cascade, parameter estimation if no parameters are
 * given, scoring, entity assignment and clustering. For small inputs ({@code sdelink link} on files, tests); the
 * Beam engine runs the same pieces at scale. Same inputs and parameters, same result.
 */
public final class InMemoryLinker {
  /** The rule of the edges that join records of one entity. */
  public static final String ENTITY_RULE = "entity";

  /** Edge weight of a record-to-record edge within an entity: never cut before a link. */
  private static final double ENTITY_EDGE_WEIGHT = Double.POSITIVE_INFINITY;

  /** Edge weight of a deterministic link: cut only after every probabilistic link. */
  private static final double DETERMINISTIC_EDGE_WEIGHT = Double.MAX_VALUE;

  private InMemoryLinker() {}

  /**
   * Links or de-duplicates {@code records} (of one or more sources) under {@code model}, as its link type and
   * clustering method say: {@code best_match} (link_only, two sources: the model's first source is the left)
   * assigns entities as {@link #link(List, List, LinkageModel, Optional)} does; {@code connected_components}
   * clusters every pair at or above the threshold.
   *
   * @param parameters parameters to score with; if empty they are estimated from these records
   * @throws IllegalArgumentException if the records contradict the model (sources, layout) or hold no pair
   */
  public static LinkResult link(
      List<LinkRecord> records, LinkageModel model, Optional<ModelParameters> parameters) {
    checkNotNull(records, "records");
    checkNotNull(model, "model");
    checkNotNull(parameters, "parameters");
    if (model.clusteringMethod() == ClusteringMethod.CONNECTED_COMPONENTS) {
      return ClusteringLinker.link(records, model, parameters);
    }
    List<String> sources = model.sources().isEmpty()
        ? records.stream().map(LinkRecord::source).distinct().toList() : model.sources();
    checkArgument(sources.size() == 2, "best_match links exactly two sources; the records hold %s", sources.size());
    List<LinkRecord> left = records.stream().filter(r -> r.source().equals(sources.get(0))).toList();
    List<LinkRecord> right = records.stream().filter(r -> r.source().equals(sources.get(1))).toList();
    checkArgument(left.size() + right.size() == records.size(),
        "model '%s' links sources %s; records of another source were given", model.name(), sources);
    return link(left, right, model, parameters);
  }

  /**
   * Links {@code left} to {@code right} under {@code model}. A record id repeated within a side counts once (the
   * first occurrence is kept).
   *
   * @param parameters parameters to score with; if empty they are estimated from these records
   * @throws IllegalArgumentException if a side is empty, mixes sources, or the sources contradict the model
   */
  public static LinkResult link(
      List<LinkRecord> left, List<LinkRecord> right, LinkageModel model, Optional<ModelParameters> parameters) {
    checkNotNull(model, "model");
    checkNotNull(parameters, "parameters");
    if (model.clusteringMethod() == ClusteringMethod.CONNECTED_COMPONENTS) {
      List<LinkRecord> both = new ArrayList<>(checkNotNull(left, "left"));
      both.addAll(checkNotNull(right, "right"));
      return ClusteringLinker.link(both, model, parameters);
    }
    List<LinkRecord> lefts = distinct(left, "left");
    List<LinkRecord> rights = distinct(right, "right");
    String leftSource = lefts.get(0).source();
    String rightSource = rights.get(0).source();
    checkArgument(!leftSource.equals(rightSource), "left and right records must come from different sources");
    checkArgument(
        model.sources().isEmpty() || model.sources().equals(List.of(leftSource, rightSource)),
        "model '%s' links sources %s, but the records are from [%s, %s]",
        model.name(),
        model.sources(),
        leftSource,
        rightSource);
    List<LinkRecord> all = new ArrayList<>(lefts.size() + rights.size());
    all.addAll(lefts);
    all.addAll(rights);
    for (LinkRecord record : all) {
      checkArgument(model.layout().isCompatibleWith(record.layout()),
          "records must be read by the model's reader (LinkageModel.record)");
    }
    PairFilter filter = PairFilter.crossSource(leftSource, rightSource);
    ScoredCandidates candidates = ScoredCandidates.of(all, model, filter, parameters,
        deterministicPairs -> ParameterEstimation.estimate(model, lefts, rights, deterministicPairs));
    PairScorer scorer = candidates.scorer();

    String fromSource = model.assignment().each() == null ? leftSource : model.assignment().each();
    checkArgument(
        fromSource.equals(leftSource) || fromSource.equals(rightSource),
        "assignment.each names '%s', which is neither source", fromSource);
    Map<String, String> entityByRecord = new HashMap<>(entities(lefts, model));
    entityByRecord.putAll(entities(rights, model));
    Map<String, List<String>> recordsByEntity = new TreeMap<>();
    for (LinkRecord record : all) {
      recordsByEntity.computeIfAbsent(entityByRecord.get(record.key()), e -> new ArrayList<>()).add(record.key());
    }

    Map<List<String>, Candidate> best = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (!candidates.notVetoed(i, model)) {
        continue;
      }
      RecordPair pair = candidates.pair(i);
      boolean leftIsFrom = pair.left().source().equals(fromSource);
      LinkRecord fromRecord = leftIsFrom ? pair.left() : pair.right();
      LinkRecord toRecord = leftIsFrom ? pair.right() : pair.left();
      String from = entityByRecord.get(fromRecord.key());
      String to = entityByRecord.get(toRecord.key());
      String step = candidates.step(i);
      ScoredLink link = step == null
          ? ScoredLink.probabilistic(from, to, candidates.weight(i))
          : ScoredLink.byCascade(from, to, candidates.weight(i), step);
      Candidate candidate = new Candidate(link, fromRecord.key(), toRecord.key(), pair);
      best.merge(List.of(from, to), candidate,
          (x, y) -> ScoredLink.STRONGEST_FIRST.compare(x.link, y.link) <= 0 ? x : y);
    }

    Thresholds thresholds = model.thresholds();
    Assignment assignment =
        OneToOneAssignment.create(thresholds.matchWeight(), thresholds.ambiguityMargin(), model.assignment().oneToOne())
            .assign(best.values().stream().map(Candidate::link).toList());

    List<Edge> edges = new ArrayList<>();
    recordsByEntity.values().forEach(members -> {
      for (int i = 1; i < members.size(); i++) {
        edges.add(new Edge(members.get(0), members.get(i), ENTITY_EDGE_WEIGHT, ENTITY_RULE));
      }
    });
    Map<Edge, Candidate> linkEdges = new LinkedHashMap<>();
    for (ScoredLink link : assignment.accepted()) {
      Candidate candidate = best.get(List.of(link.from(), link.to()));
      double weight = link.deterministic() ? DETERMINISTIC_EDGE_WEIGHT : link.matchWeight();
      Edge edge = new Edge(candidate.fromRecord, candidate.toRecord, weight, link.matchRule());
      edges.add(edge);
      linkEdges.put(edge, candidate);
    }
    Clustering clustering = ConnectedComponents.cluster(
        all.stream().map(LinkRecord::key).toList(), edges, thresholds.maxClusterSize());
    Set<Edge> cut = new HashSet<>(clustering.cutEdges());

    Map<String, LinkRecord> recordByKey = new HashMap<>();
    all.forEach(record -> recordByKey.put(record.key(), record));
    Map<String, ScoredLink> linkByRecord = new HashMap<>();
    List<AcceptedLink> links = new ArrayList<>();
    List<LinkedPair> pairRows = new ArrayList<>();
    linkEdges.forEach((edge, candidate) -> {
      boolean wasCut = cut.contains(edge);
      Waterfall waterfall = candidate.waterfall(scorer);
      links.add(new AcceptedLink(candidate.link, candidate.fromRecord, candidate.toRecord, waterfall, wasCut));
      pairRows.add(pairRow(recordByKey, leftSource, candidate, wasCut ? LinkedPair.CUT : LinkedPair.ACCEPTED,
          waterfall));
      if (!wasCut) {
        for (String entity : List.of(candidate.link.from(), candidate.link.to())) {
          for (String record : recordsByEntity.get(entity)) {
            linkByRecord.merge(record, candidate.link,
                (x, y) -> ScoredLink.STRONGEST_FIRST.compare(x, y) <= 0 ? x : y);
          }
        }
      }
    });

    Set<List<String>> ambiguousWritten = new HashSet<>();
    for (AmbiguousLink ambiguous : assignment.ambiguous()) {
      for (ScoredLink rival : List.of(ambiguous.best(), ambiguous.runnerUp())) {
        List<String> entities = List.of(rival.from(), rival.to());
        Candidate candidate = best.get(entities);
        if (candidate != null && ambiguousWritten.add(entities)) {
          pairRows.add(pairRow(recordByKey, leftSource, candidate, LinkedPair.AMBIGUOUS,
              candidate.waterfall(scorer)));
        }
      }
    }

    List<SpineRow> spine = new ArrayList<>();
    List<LinkRecord> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> a.source().equals(b.source())
        ? a.id().compareTo(b.id()) : a.source().compareTo(b.source()));
    for (LinkRecord record : sorted) {
      ScoredLink link = linkByRecord.get(record.key());
      spine.add(new SpineRow(
          record.source(),
          record.id(),
          clustering.personIdByNode().get(record.key()),
          link == null ? SpineRow.UNLINKED : link.matchRule(),
          link == null ? null : link.matchWeight()));
    }

    LinkStatistics statistics = new LinkStatistics(
        ImmutableSortedMap.of(leftSource, (long) lefts.size(), rightSource, (long) rights.size()),
        candidates.pairsByRule(),
        candidates.deterministicPairs(),
        best.size(),
        assignment.accepted().size(),
        assignment.ambiguous().size(),
        clustering.clusterCount(),
        clustering.oversizedComponents(),
        clustering.cutEdges().size());
    return new LinkResult(
        candidates.parameters(), spine, links, pairRows, assignment.ambiguous(), clustering.cutEdges(), statistics);
  }

  /** The pairs.csv row of a candidate, the record of {@code firstSource} first. */
  private static LinkedPair pairRow(
      Map<String, LinkRecord> recordByKey, String firstSource, Candidate candidate, String status,
      Waterfall waterfall) {
    LinkRecord from = recordByKey.get(candidate.fromRecord);
    LinkRecord to = recordByKey.get(candidate.toRecord);
    boolean fromFirst = from.source().equals(firstSource);
    LinkRecord l = fromFirst ? from : to;
    LinkRecord r = fromFirst ? to : from;
    return new LinkedPair(l.source(), l.id(), r.source(), r.id(), candidate.link.matchRule(),
        candidate.link.matchWeight(), status, waterfall);
  }

  /** The records with repeated (source, id) dropped, first kept. */
  private static List<LinkRecord> distinct(List<LinkRecord> records, String side) {
    checkNotNull(records, side);
    checkArgument(!records.isEmpty(), "there are no %s records to link", side);
    String source = records.get(0).source();
    Set<String> seen = new HashSet<>();
    List<LinkRecord> result = new ArrayList<>();
    for (LinkRecord record : records) {
      checkArgument(record.source().equals(source), "the %s records mix sources", side);
      if (seen.add(record.id())) {
        result.add(record);
      }
    }
    return ImmutableList.copyOf(result);
  }

  /**
   * The entity of each record of one source, by record key: records sharing the values of any of the source's
   * entity keys are one entity (transitively), named {@code source:E} + 16 hex digits of SHA-256 of its smallest
   * record key; a record with no complete key is its own entity, named by its record key. Union-find, with the
   * smallest record key as each root.
   */
  static Map<String, String> entities(List<LinkRecord> records, LinkageModel model) {
    Map<String, String> entityByRecord = new HashMap<>();
    if (records.isEmpty()) {
      return entityByRecord;
    }
    List<List<String>> keys = model.assignment().entityKeys(records.get(0).source());
    List<String> recordKeys = records.stream().map(LinkRecord::key).sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < recordKeys.size(); i++) {
      index.put(recordKeys.get(i), i);
    }
    int[] parent = new int[recordKeys.size()];
    boolean[] keyed = new boolean[recordKeys.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (List<String> key : keys) {
      Map<String, Integer> firstWithValue = new HashMap<>();
      for (LinkRecord record : records) {
        String value = entityKeyValue(record, key);
        if (value == null) {
          continue;
        }
        int i = index.get(record.key());
        keyed[i] = true;
        Integer first = firstWithValue.putIfAbsent(value, i);
        if (first != null) {
          int rootA = root(parent, first);
          int rootB = root(parent, i);
          parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB); // the root is the smallest record key
        }
      }
    }
    for (int i = 0; i < recordKeys.size(); i++) {
      int root = root(parent, i);
      String entity = keyed[i]
          ? records.get(0).source() + ":E" + Hashing.sha256()
              .hashString(recordKeys.get(root), StandardCharsets.UTF_8).toString().substring(0, 16)
          : recordKeys.get(i);
      entityByRecord.put(recordKeys.get(i), entity);
    }
    return entityByRecord;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static String entityKeyValue(LinkRecord record, List<String> fields) {
    StringBuilder value = new StringBuilder();
    for (String field : fields) {
      String part = record.value(field);
      if (part == null) {
        return null;
      }
      value.append(part).append('\u001f');
    }
    return value.toString();
  }

  /** An entity link with the record pair behind it (scored as blocking oriented it). */
  private record Candidate(ScoredLink link, String fromRecord, String toRecord, RecordPair pair) {
    Waterfall waterfall(PairScorer scorer) {
      return scorer.waterfall(scorer.score(pair.left(), pair.right()));
    }
  }
}
