package org.sdelink.linkage.engine;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
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
import org.sdelink.linkage.cluster.Clustering;
import org.sdelink.linkage.cluster.ConnectedComponents;
import org.sdelink.linkage.cluster.Edge;
import org.sdelink.linkage.cluster.ScoredLink;
import org.sdelink.linkage.em.ParameterEstimation;
import org.sdelink.linkage.model.LinkType;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.PairScorer;

/**
 * The {@code connected_components} method of the in-memory engine, for every link type: candidate pairs by
 * blocking (within and/or across sources, as the link type says), the cascade, scoring, then clusters as the
 * connected components of the pairs at or above {@code thresholds.match_weight} (and the cascade's pairs) within
 * the cluster-size cap, as Splink clusters its pairwise predictions. A person may thus hold several records of each
 * input; no record is dropped as ambiguous.
 */
final class ClusteringLinker {
  /** Edge weight of a record-to-record edge within an entity: never cut before a link. */
  private static final double ENTITY_EDGE_WEIGHT = Double.POSITIVE_INFINITY;

  /** Edge weight of a deterministic link: cut only after every probabilistic link. */
  private static final double DETERMINISTIC_EDGE_WEIGHT = Double.MAX_VALUE;

  private ClusteringLinker() {}

  static LinkResult link(List<LinkRecord> records, LinkageModel model, Optional<ModelParameters> parameters) {
    List<LinkRecord> all = distinct(records);
    Map<String, Long> countBySource = new LinkedHashMap<>();
    for (LinkRecord record : all) {
      checkArgument(model.layout().isCompatibleWith(record.layout()),
          "records must be read by the model's reader (LinkageModel.record)");
      checkArgument(model.sources().isEmpty() || model.sources().contains(record.source()),
          "model '%s' links sources %s; records of another source were given", model.name(), model.sources());
      countBySource.merge(record.source(), 1L, Long::sum);
    }
    List<String> sourceOrder = model.sources().isEmpty()
        ? List.copyOf(countBySource.keySet()) : model.sources();
    LinkType linkType = model.linkType();
    checkArgument(linkType != LinkType.LINK_ONLY || countBySource.size() >= 2,
        "link_type link_only needs records of at least two sources");
    PairFilter filter = linkType == LinkType.LINK_ONLY ? PairFilter.differentSources() : PairFilter.allPairs();
    long possiblePairs = possiblePairs(linkType, countBySource.values());
    checkArgument(possiblePairs > 0, "there are not two records to compare");

    ScoredCandidates candidates = ScoredCandidates.of(all, model, filter, parameters,
        deterministicPairs -> ParameterEstimation.estimate(model, all, filter, possiblePairs, deterministicPairs));
    PairScorer scorer = candidates.scorer();

    Map<String, String> entityByRecord = new HashMap<>();
    Map<String, List<LinkRecord>> recordsBySource = new TreeMap<>();
    all.forEach(record -> recordsBySource.computeIfAbsent(record.source(), s -> new ArrayList<>()).add(record));
    recordsBySource.values().forEach(group -> entityByRecord.putAll(InMemoryLinker.entities(group, model)));
    Map<String, List<String>> recordsByEntity = new TreeMap<>();
    for (LinkRecord record : all) {
      recordsByEntity.computeIfAbsent(entityByRecord.get(record.key()), e -> new ArrayList<>()).add(record.key());
    }
    List<Edge> edges = new ArrayList<>();
    recordsByEntity.values().forEach(members -> {
      for (int i = 1; i < members.size(); i++) {
        edges.add(new Edge(members.get(0), members.get(i), ENTITY_EDGE_WEIGHT, InMemoryLinker.ENTITY_RULE));
      }
    });

    double threshold = model.thresholds().matchWeight();
    Map<Edge, Accepted> accepted = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      RecordPair pair = candidates.pair(i);
      String step = candidates.step(i);
      boolean deterministic = step != null;
      double weight = candidates.weight(i);
      if ((!deterministic && weight < threshold) || !candidates.notVetoed(i, model)) {
        continue;
      }
      LinkRecord l = pair.left();
      LinkRecord r = pair.right();
      if (sourceOrder.indexOf(l.source()) > sourceOrder.indexOf(r.source())) {
        LinkRecord swap = l;
        l = r;
        r = swap;
      }
      ScoredLink link = deterministic
          ? ScoredLink.byCascade(l.key(), r.key(), weight, step)
          : ScoredLink.probabilistic(l.key(), r.key(), weight);
      Edge edge = new Edge(l.key(), r.key(), deterministic ? DETERMINISTIC_EDGE_WEIGHT : weight, link.matchRule());
      edges.add(edge);
      accepted.put(edge, new Accepted(link, l, r));
    }
    Clustering clustering = ConnectedComponents.cluster(
        all.stream().map(LinkRecord::key).toList(), edges, model.thresholds().maxClusterSize());
    Set<Edge> cut = new HashSet<>(clustering.cutEdges());

    Map<String, ScoredLink> linkByRecord = new HashMap<>();
    List<AcceptedLink> links = new ArrayList<>();
    List<LinkedPair> pairRows = new ArrayList<>();
    accepted.forEach((edge, pair) -> {
      boolean wasCut = cut.contains(edge);
      var waterfall = scorer.waterfall(scorer.score(pair.l, pair.r));
      links.add(new AcceptedLink(pair.link, pair.l.key(), pair.r.key(), waterfall, wasCut));
      pairRows.add(new LinkedPair(pair.l.source(), pair.l.id(), pair.r.source(), pair.r.id(),
          pair.link.matchRule(), pair.link.matchWeight(), wasCut ? LinkedPair.CUT : LinkedPair.ACCEPTED, waterfall));
      if (!wasCut) {
        for (LinkRecord end : List.of(pair.l, pair.r)) {
          for (String record : recordsByEntity.get(entityByRecord.get(end.key()))) {
            linkByRecord.merge(record, pair.link, (x, y) -> ScoredLink.STRONGEST_FIRST.compare(x, y) <= 0 ? x : y);
          }
        }
      }
    });

    List<SpineRow> spine = new ArrayList<>();
    List<LinkRecord> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> a.source().equals(b.source())
        ? a.id().compareTo(b.id()) : a.source().compareTo(b.source()));
    for (LinkRecord record : sorted) {
      ScoredLink link = linkByRecord.get(record.key());
      spine.add(new SpineRow(record.source(), record.id(), clustering.personIdByNode().get(record.key()),
          link == null ? SpineRow.UNLINKED : link.matchRule(), link == null ? null : link.matchWeight()));
    }
    ImmutableSortedMap<String, Long> bySource = ImmutableSortedMap.copyOf(countBySource);
    LinkStatistics statistics = new LinkStatistics(
        bySource,
        candidates.pairsByRule(),
        candidates.deterministicPairs(),
        candidates.size(),
        accepted.size(),
        0,
        clustering.clusterCount(),
        clustering.oversizedComponents(),
        clustering.cutEdges().size());
    return new LinkResult(candidates.parameters(), spine, links, pairRows, ImmutableList.of(), clustering.cutEdges(), statistics);
  }

  /** The pairs {@code linkType} compares among sources of the given sizes. */
  static long possiblePairs(LinkType linkType, java.util.Collection<Long> sizes) {
    long total = 0;
    long sumOfSquares = 0;
    for (long size : sizes) {
      total += size;
      sumOfSquares += size * size;
    }
    long allPairs = total * (total - 1) / 2;
    long withinSources = (sumOfSquares - total) / 2;
    return linkType == LinkType.LINK_ONLY ? allPairs - withinSources : allPairs;
  }

  /** The records with repeated (source, id) dropped, first kept. */
  private static List<LinkRecord> distinct(List<LinkRecord> records) {
    checkArgument(records != null && !records.isEmpty(), "there are no records to link");
    Set<String> seen = new HashSet<>();
    List<LinkRecord> result = new ArrayList<>();
    for (LinkRecord record : records) {
      if (seen.add(record.key())) {
        result.add(record);
      }
    }
    return ImmutableList.copyOf(result);
  }

  private record Accepted(ScoredLink link, LinkRecord l, LinkRecord r) {}
}
