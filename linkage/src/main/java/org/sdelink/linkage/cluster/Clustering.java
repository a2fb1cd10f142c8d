package org.sdelink.linkage.cluster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.List;

/**
 * The clusters made by {@link ConnectedComponents}: a person id per node, the edges cut to keep clusters within
 * the size cap, and how many components were over the cap.
 *
 * @param personIdByNode every node's person id, by node
 * @param cutEdges edges dropped from oversized components, strongest first
 * @param oversizedComponents components that exceeded the cap before cutting
 */
public record Clustering(
    ImmutableSortedMap<String, String> personIdByNode, List<Edge> cutEdges, int oversizedComponents)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Clustering {
    cutEdges = ImmutableList.copyOf(cutEdges);
  }

  /** The number of distinct person ids. */
  public long clusterCount() {
    return personIdByNode.values().stream().distinct().count();
  }
}
