package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cluster-size cap for a star: links that join other persons into one hub person, each bringing some persons
 * (itself and whoever joined it before). When the hub's persons plus those its links bring exceed the cap, links
 * are dropped weakest first (probabilistic before deterministic, then by lower weight, ties by entity names) until
 * the star is within the cap; those links are cut, and the persons they would have brought stay apart. A hub over
 * the cap on its own keeps no link. Deterministic for the same links.
 */
public final class StarCap {
  /** Weakest first: the reverse of {@link ScoredLink#STRONGEST_FIRST}. */
  private static final Comparator<Spoke> WEAKEST_FIRST =
      Comparator.comparing(Spoke::link, ScoredLink.STRONGEST_FIRST.reversed());

  private StarCap() {}

  /** A link into the hub and the number of persons (at least 1) it brings. */
  public record Spoke(ScoredLink link, int persons) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Spoke {
      checkNotNull(link, "link");
      checkArgument(persons >= 1, "a link brings at least one person");
    }
  }

  /**
   * What the cap made of one star.
   *
   * @param kept the links kept, strongest first
   * @param cut the links cut, weakest first
   * @param personsBefore the hub's persons plus those all links bring
   * @param personsAfter the hub's persons plus those the kept links bring
   */
  public record Star(List<Spoke> kept, List<Spoke> cut, int personsBefore, int personsAfter) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Star {
      kept = ImmutableList.copyOf(kept);
      cut = ImmutableList.copyOf(cut);
    }

    /** Whether the star was over the cap (and links were cut). */
    public boolean wasCut() {
      return !cut.isEmpty();
    }
  }

  /**
   * Caps the star of a hub of {@code hubPersons} persons.
   *
   * @param spokes links that all join the same hub ({@code to}), from different entities
   * @param maxPersons the most persons one cluster may hold (at least 2)
   */
  public static Star cap(int hubPersons, List<Spoke> spokes, int maxPersons) {
    checkArgument(hubPersons >= 1, "a hub is at least one person");
    checkNotNull(spokes, "spokes");
    checkArgument(maxPersons >= 2, "the cap on persons per cluster must be >= 2");
    List<Spoke> weakestFirst = new ArrayList<>(spokes);
    weakestFirst.sort(WEAKEST_FIRST);
    long total = hubPersons;
    for (Spoke spoke : weakestFirst) {
      checkArgument(spoke.link().to().equals(weakestFirst.get(0).link().to()), "the links of a star share its hub");
      total += spoke.persons();
    }
    int before = (int) Math.min(Integer.MAX_VALUE, total);
    List<Spoke> cut = new ArrayList<>();
    int next = 0;
    while (total > maxPersons && next < weakestFirst.size()) {
      Spoke weakest = weakestFirst.get(next++);
      cut.add(weakest);
      total -= weakest.persons();
    }
    List<Spoke> kept = new ArrayList<>(weakestFirst.subList(next, weakestFirst.size()));
    kept.sort(WEAKEST_FIRST.reversed());
    return new Star(kept, cut, before, (int) Math.min(Integer.MAX_VALUE, total));
  }
}
