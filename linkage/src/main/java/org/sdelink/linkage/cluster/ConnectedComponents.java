package org.sdelink.linkage.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Clusters nodes into people: the connected components of the accepted edges (union-find), with a cap on
 * component size. A component over the cap is rebuilt from its edges strongest first, skipping any edge that would
 * join two parts into one larger than the cap; those edges are cut and reported. Each cluster's person id comes
 * from {@link PersonIds}. Deterministic for the same nodes and edges.
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * Clusters {@code nodes} by {@code edges}.
   *
   * @throws IllegalArgumentException if an edge names a node not in {@code nodes}, or the cap is below 1
   */
  public static Clustering cluster(Collection<String> nodes, Collection<Edge> edges, int maxComponentSize) {
    checkNotNull(nodes, "nodes");
    checkNotNull(edges, "edges");
    checkArgument(maxComponentSize >= 1, "the component size cap must be >= 1");
    List<String> sorted = new ArrayList<>(new TreeSet<>(nodes));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      index.put(sorted.get(i), i);
    }
    List<Edge> ordered = new ArrayList<>(edges);
    ordered.sort(Edge.STRONGEST_FIRST);
    int[][] endpoints = new int[ordered.size()][];
    for (int e = 0; e < ordered.size(); e++) {
      Edge edge = ordered.get(e);
      Integer a = index.get(edge.a());
      Integer b = index.get(edge.b());
      checkArgument(a != null && b != null, "an edge joins a node that is not in the node set");
      endpoints[e] = new int[] {a, b};
    }

    UnionFind unbounded = new UnionFind(sorted.size());
    for (int[] ends : endpoints) {
      unbounded.union(ends[0], ends[1]);
    }
    boolean[] oversized = new boolean[sorted.size()];
    int oversizedComponents = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (unbounded.find(i) == i && unbounded.size(i) > maxComponentSize) {
        oversized[i] = true;
        oversizedComponents++;
      }
    }

    UnionFind capped = new UnionFind(sorted.size());
    List<Edge> cut = new ArrayList<>();
    for (int e = 0; e < ordered.size(); e++) {
      int a = endpoints[e][0];
      int b = endpoints[e][1];
      boolean inOversized = oversized[unbounded.find(a)];
      int rootA = capped.find(a);
      int rootB = capped.find(b);
      if (rootA == rootB) {
        continue;
      }
      if (inOversized && capped.size(rootA) + capped.size(rootB) > maxComponentSize) {
        cut.add(ordered.get(e));
        continue;
      }
      capped.union(a, b);
    }

    String[] smallestMember = new String[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      int root = capped.find(i);
      if (smallestMember[root] == null) {
        smallestMember[root] = sorted.get(i); // nodes are visited in sorted order
      }
    }
    ImmutableSortedMap.Builder<String, String> personIds = ImmutableSortedMap.naturalOrder();
    Map<Integer, String> idByRoot = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      int root = capped.find(i);
      String id = idByRoot.computeIfAbsent(root, r -> PersonIds.forSmallestMember(smallestMember[r]));
      personIds.put(sorted.get(i), id);
    }
    return new Clustering(personIds.buildOrThrow(), cut, oversizedComponents);
  }

  /** Union-find with union by size and path halving. */
  private static final class UnionFind {
    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
      parent = new int[n];
      size = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        size[i] = 1;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    int size(int root) {
      return size[root];
    }

    void union(int a, int b) {
      int rootA = find(a);
      int rootB = find(b);
      if (rootA == rootB) {
        return;
      }
      if (size[rootA] < size[rootB]) {
        int swap = rootA;
        rootA = rootB;
        rootB = swap;
      }
      parent[rootB] = rootA;
      size[rootA] += size[rootB];
    }
  }
}
