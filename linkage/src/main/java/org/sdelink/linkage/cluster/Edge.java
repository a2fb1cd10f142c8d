package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An accepted link between two nodes (record keys) with its weight ({@code +Infinity} for links that are never
 * cut before others, e.g. records of one entity) and the rule that made it.
 */
public record Edge(String a, String b, double weight, String rule) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Strongest first, ties broken by node names and rule, so that capping is deterministic. */
  public static final Comparator<Edge> STRONGEST_FIRST =
      Comparator.comparingDouble(Edge::weight)
          .reversed()
          .thenComparing(Edge::a)
          .thenComparing(Edge::b)
          .thenComparing(Edge::rule);

  public Edge {
    checkNotNull(a, "a");
    checkNotNull(b, "b");
    checkNotNull(rule, "rule");
    checkArgument(!Double.isNaN(weight), "an edge weight must be a number");
  }
}
