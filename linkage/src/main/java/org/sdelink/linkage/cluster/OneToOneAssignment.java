package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Assigns candidate links so that each {@code from} entity links to at most one {@code to} entity (and, if
 * exclusive, each {@code to} entity takes at most one {@code from} entity). A link is eligible if it is
 * deterministic or its weight reaches the threshold. An entity whose best two eligible candidates are within the
 * ambiguity margin of each other (or both deterministic) is left unlinked and reported as ambiguous. The rest are
 * assigned greedily, strongest link first. Deterministic: ties are broken by entity names.
 */
public final class OneToOneAssignment {
  private final double threshold;
  private final double margin;
  private final boolean exclusiveTo;

  private OneToOneAssignment(double threshold, double margin, boolean exclusiveTo) {
    this.threshold = threshold;
    this.margin = margin;
    this.exclusiveTo = exclusiveTo;
  }

  /**
   * @param matchWeightThreshold the weight a probabilistic link needs to be eligible
   * @param ambiguityMargin the smallest weight between best and second best for a choice to be made
   * @param exclusiveTo whether each {@code to} entity takes at most one link too (one-to-one)
   */
  public static OneToOneAssignment create(double matchWeightThreshold, double ambiguityMargin, boolean exclusiveTo) {
    checkArgument(!Double.isNaN(matchWeightThreshold), "the threshold must be a number");
    checkArgument(ambiguityMargin >= 0, "the ambiguity margin must be >= 0");
    return new OneToOneAssignment(matchWeightThreshold, ambiguityMargin, exclusiveTo);
  }

  /** Assigns {@code links}; a repeated (from, to) pair counts once, as its strongest link. */
  public Assignment assign(Collection<ScoredLink> links) {
    checkNotNull(links, "links");
    Map<List<String>, ScoredLink> strongest = new HashMap<>();
    for (ScoredLink link : links) {
      if (link.deterministic() || link.matchWeight() >= threshold) {
        strongest.merge(
            List.of(link.from(), link.to()),
            link,
            (x, y) -> ScoredLink.STRONGEST_FIRST.compare(x, y) <= 0 ? x : y);
      }
    }
    List<ScoredLink> eligible = new ArrayList<>(strongest.values());
    eligible.sort(ScoredLink.STRONGEST_FIRST);

    List<AmbiguousLink> ambiguous = new ArrayList<>();
    Set<String> ambiguousFrom = findAmbiguous(eligible, ScoredLink::from, AmbiguousLink.Side.FROM, ambiguous);
    Set<String> ambiguousTo =
        exclusiveTo ? findAmbiguous(eligible, ScoredLink::to, AmbiguousLink.Side.TO, ambiguous) : Set.of();
    ambiguous.sort(Comparator.comparing(AmbiguousLink::entity).thenComparing(AmbiguousLink::side));

    Set<String> linkedFrom = new HashSet<>();
    Set<String> linkedTo = new HashSet<>();
    List<ScoredLink> accepted = new ArrayList<>();
    for (ScoredLink link : eligible) {
      if (ambiguousFrom.contains(link.from()) || ambiguousTo.contains(link.to())) {
        continue;
      }
      if (linkedFrom.contains(link.from()) || (exclusiveTo && linkedTo.contains(link.to()))) {
        continue;
      }
      linkedFrom.add(link.from());
      linkedTo.add(link.to());
      accepted.add(link);
    }
    return new Assignment(accepted, ambiguous);
  }

  /** Entities (by {@code end}) whose two best links (in strongest-first order) are too close to call. */
  private Set<String> findAmbiguous(
      List<ScoredLink> sortedLinks,
      Function<ScoredLink, String> end,
      AmbiguousLink.Side side,
      List<AmbiguousLink> report) {
    Map<String, List<ScoredLink>> byEntity = new TreeMap<>();
    for (ScoredLink link : sortedLinks) {
      List<ScoredLink> best = byEntity.computeIfAbsent(end.apply(link), e -> new ArrayList<>(2));
      if (best.size() < 2) {
        best.add(link);
      }
    }
    Set<String> result = new HashSet<>();
    byEntity.forEach(
        (entity, best) -> {
          if (best.size() == 2 && tooClose(best.get(0), best.get(1))) {
            result.add(entity);
            report.add(new AmbiguousLink(entity, side, best.get(0), best.get(1)));
          }
        });
    return result;
  }

  /**
   * Whether the best two candidates are too close to call: a deterministic link beats any probabilistic one; two
   * of a kind are too close when their weights differ by less than the margin, or when both are deterministic
   * (a conflict). With a margin of 0 nothing is ever too close: the best candidate is taken (the first in
   * strongest-first order on ties).
   */
  private boolean tooClose(ScoredLink best, ScoredLink runnerUp) {
    if (margin <= 0 || best.deterministic() != runnerUp.deterministic()) {
      return false;
    }
    return best.deterministic() || best.matchWeight() - runnerUp.matchWeight() < margin;
  }
}
