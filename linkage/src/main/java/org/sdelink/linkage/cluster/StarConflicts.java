package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code must_not_differ} rule applied to a star: links into one hub person must not bring two different values
 * of such a field (e.g. two valid NHS numbers: twins' hospital records both matching one CLD client who has no NHS
 * number). Field by field, the links are grouped by the value they bring (a link without a value never conflicts);
 * when two or more values compete, the value of the strongest link ({@link ScoredLink#STRONGEST_FIRST}) wins and
 * the links bringing another value are dropped, unless the strongest link of the runner-up value is too close to
 * call (within the ambiguity margin, or both deterministic): then every link bringing a value is dropped, as
 * ambiguous. Deterministic for the same links.
 */
public final class StarConflicts {
  private StarConflicts() {}

  /**
   * What the rule made of one star.
   *
   * @param kept the links kept, in input order
   * @param dropped the links dropped because a stronger link brings another value, in input order
   * @param ambiguous the links dropped because competing values were too close to call, in input order
   */
  public record Resolution(List<ScoredLink> kept, List<ScoredLink> dropped, List<ScoredLink> ambiguous)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Resolution {
      kept = ImmutableList.copyOf(kept);
      dropped = ImmutableList.copyOf(dropped);
      ambiguous = ImmutableList.copyOf(ambiguous);
    }
  }

  /**
   * Resolves conflicts among {@code links} into one hub.
   *
   * @param valuesByLink per link, its value of each must-not-differ field in a fixed order ("" = none); every link
   *     must have an entry of the same length
   * @param ambiguityMargin the weight the winning value's strongest link must lead the runner-up's by
   */
  public static Resolution resolve(List<ScoredLink> links, Map<ScoredLink, List<String>> valuesByLink,
      double ambiguityMargin) {
    checkNotNull(links, "links");
    checkNotNull(valuesByLink, "valuesByLink");
    checkArgument(ambiguityMargin >= 0, "the ambiguity margin must be >= 0");
    int fields = links.isEmpty() ? 0 : valuesOf(valuesByLink, links.get(0)).size();
    Set<ScoredLink> dropped = new HashSet<>();
    Set<ScoredLink> ambiguous = new HashSet<>();
    for (int f = 0; f < fields; f++) {
      Map<String, ScoredLink> strongestByValue = new TreeMap<>();
      for (ScoredLink link : links) {
        List<String> values = valuesOf(valuesByLink, link);
        checkArgument(values.size() == fields, "every link needs a value per field");
        if (dropped.contains(link) || ambiguous.contains(link) || values.get(f).isEmpty()) {
          continue;
        }
        strongestByValue.merge(values.get(f), link,
            (x, y) -> ScoredLink.STRONGEST_FIRST.compare(x, y) <= 0 ? x : y);
      }
      if (strongestByValue.size() < 2) {
        continue;
      }
      List<Map.Entry<String, ScoredLink>> ranked = new ArrayList<>(strongestByValue.entrySet());
      ranked.sort((a, b) -> ScoredLink.STRONGEST_FIRST.compare(a.getValue(), b.getValue()));
      ScoredLink best = ranked.get(0).getValue();
      ScoredLink runnerUp = ranked.get(1).getValue();
      boolean tooClose = best.deterministic() == runnerUp.deterministic()
          && (best.deterministic() || best.matchWeight() - runnerUp.matchWeight() < ambiguityMargin);
      String winner = ranked.get(0).getKey();
      for (ScoredLink link : links) {
        String value = valuesOf(valuesByLink, link).get(f);
        if (value.isEmpty() || dropped.contains(link) || ambiguous.contains(link)) {
          continue;
        }
        if (tooClose) {
          ambiguous.add(link);
        } else if (!value.equals(winner)) {
          dropped.add(link);
        }
      }
    }
    List<ScoredLink> kept = new ArrayList<>();
    List<ScoredLink> droppedInOrder = new ArrayList<>();
    List<ScoredLink> ambiguousInOrder = new ArrayList<>();
    for (ScoredLink link : links) {
      (ambiguous.contains(link) ? ambiguousInOrder : dropped.contains(link) ? droppedInOrder : kept).add(link);
    }
    return new Resolution(kept, droppedInOrder, ambiguousInOrder);
  }

  private static List<String> valuesOf(Map<ScoredLink, List<String>> valuesByLink, ScoredLink link) {
    List<String> values = valuesByLink.get(link);
    checkArgument(values != null, "a link has no values");
    return values;
  }
}
