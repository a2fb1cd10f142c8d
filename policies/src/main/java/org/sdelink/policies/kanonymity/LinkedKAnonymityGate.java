package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The person-level k-anonymity gate of a linked release. It chooses one generalisation level per (dataset, field) so
 * that persons whose linked key ({@link LinkedQuasiIdentifiers#linkedKey}) is shared by fewer than k persons, who
 * are then left out of every dataset, stay within the policy's limit (of persons, and of each dataset's rows).
 *
 * <p>The search is a greedy climb, so that it needs few passes over data that may not fit in one machine: start from
 * the given levels (the per-dataset gates' choices, a good first guess); while the suppression is over the limit,
 * count every level vector one step coarser in one field, and take the one that suppresses fewest persons (then
 * fewest rows, then the first field). It stops within the limit or when every field is at its coarsest level. The
 * same counts always give the same decision. The counting is supplied by the caller (a pipeline, or
 * {@link LinkedClassFigures#of} in memory).
 */
public final class LinkedKAnonymityGate {
  /** Counts the figures of several level vectors (in one pass over the persons, if the caller can). */
  @FunctionalInterface
  public interface ClassCounter {
    List<LinkedClassFigures> figuresAt(List<ImmutableList<Integer>> levelVectors) throws Exception;
  }

  private final LinkedQuasiIdentifiers linked;

  private LinkedKAnonymityGate(LinkedQuasiIdentifiers linked) {
    this.linked = linked;
  }

  public static LinkedKAnonymityGate of(LinkedQuasiIdentifiers linked) {
    return new LinkedKAnonymityGate(checkNotNull(linked, "linked"));
  }

  /**
   * Searches from {@code start}; the result says whether it is within the limit (see
   * {@link LinkedKAnonymityResult#requireWithinLimit()}).
   */
  public LinkedKAnonymityResult search(List<Integer> start, ClassCounter counter) throws Exception {
    checkNotNull(counter, "counter");
    ImmutableList<Integer> current = linked.levelsOf(java.util.Map.of());
    ImmutableList<Integer> asReleased = current;
    current = ImmutableList.copyOf(checkNotNull(start, "start"));
    List<ImmutableList<Integer>> first = new ArrayList<>(new LinkedHashSet<>(List.of(asReleased, current)));
    List<LinkedClassFigures> firstFigures = count(counter, first);
    LinkedClassFigures before = firstFigures.get(0);
    LinkedClassFigures figures = firstFigures.get(first.size() - 1);
    List<ImmutableList<Integer>> path = new ArrayList<>();
    path.add(current);
    while (!figures.withinLimit(linked)) {
      ImmutableList<ImmutableList<Integer>> next = linked.successors(current);
      if (next.isEmpty()) {
        break;
      }
      List<LinkedClassFigures> candidates = count(counter, next);
      int best = 0;
      for (int i = 1; i < next.size(); i++) {
        LinkedClassFigures c = candidates.get(i);
        LinkedClassFigures b = candidates.get(best);
        if (c.personsSuppressed() < b.personsSuppressed() || (c.personsSuppressed() == b.personsSuppressed()
            && c.totalRowsSuppressed() < b.totalRowsSuppressed())) {
          best = i;
        }
      }
      current = next.get(best);
      figures = candidates.get(best);
      path.add(current);
    }
    return new LinkedKAnonymityResult(linked, current, before, figures, figures.withinLimit(linked), path);
  }

  private static List<LinkedClassFigures> count(ClassCounter counter, List<ImmutableList<Integer>> vectors)
      throws Exception {
    List<LinkedClassFigures> figures = counter.figuresAt(vectors);
    checkState(figures != null && figures.size() == vectors.size(), "the counter must give one figure per vector");
    return figures;
  }
}
