package org.sdelink.linkage.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  @Test
  void nodesJoinedByEdgesShareAPersonId() {
    Clustering clustering = ConnectedComponents.cluster(
        List.of("a", "b", "c", "d", "e"),
        List.of(new Edge("a", "b", 10, "r"), new Edge("c", "b", 9, "r"), new Edge("d", "e", 8, "r")),
        10);
    Map<String, String> ids = clustering.personIdByNode();
    assertEquals(ids.get("a"), ids.get("b"));
    assertEquals(ids.get("a"), ids.get("c"));
    assertEquals(ids.get("d"), ids.get("e"));
    assertNotEquals(ids.get("a"), ids.get("d"));
    assertEquals(2, clustering.clusterCount());
    assertEquals(PersonIds.forSmallestMember("a"), ids.get("a"));
    assertEquals(PersonIds.forSmallestMember("d"), ids.get("e"));
    assertTrue(ids.get("a").matches("P[0-9a-f]{16}"));
    assertTrue(clustering.cutEdges().isEmpty());
  }

  @Test
  void aGiantComponentIsSplitAtItsWeakestEdgesAndTheCutIsReported() {
    List<String> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      nodes.add(String.format("n%02d", i));
    }
    for (int i = 0; i < 11; i++) {
      double weight = i == 3 || i == 7 ? 1.0 : 20.0 + i; // two weak links in a chain of 12
      edges.add(new Edge(nodes.get(i), nodes.get(i + 1), weight, "r"));
    }
    Clustering clustering = ConnectedComponents.cluster(nodes, edges, 5);
    assertEquals(1, clustering.oversizedComponents());
    assertEquals(List.of(edges.get(3), edges.get(7)), clustering.cutEdges().stream()
        .sorted((x, y) -> x.a().compareTo(y.a())).toList());
    Map<String, Long> sizes = new HashMap<>();
    clustering.personIdByNode().values().forEach(id -> sizes.merge(id, 1L, Long::sum));
    assertEquals(List.of(4L, 4L, 4L), sizes.values().stream().sorted().toList());
  }

  @Test
  void everyComponentRespectsTheCapAndComponentsUnderItAreUntouched() {
    Random random = new Random(11);
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      nodes.add("r" + i);
    }
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      edges.add(new Edge("r" + random.nextInt(300), "r" + random.nextInt(300), random.nextInt(1000), "r"));
    }
    edges.add(new Edge("solo1", "solo2", 1, "weak"));
    nodes.add("solo1");
    nodes.add("solo2");
    Clustering clustering = ConnectedComponents.cluster(nodes, edges, 8);
    Map<String, Long> sizes = new HashMap<>();
    clustering.personIdByNode().values().forEach(id -> sizes.merge(id, 1L, Long::sum));
    assertTrue(sizes.values().stream().allMatch(size -> size <= 8));
    assertTrue(clustering.oversizedComponents() >= 1);
    assertTrue(!clustering.cutEdges().isEmpty());
    assertEquals(clustering.personIdByNode().get("solo1"), clustering.personIdByNode().get("solo2"),
        "a weak edge in a small component is kept");
    Collections.shuffle(edges, random);
    assertEquals(clustering, ConnectedComponents.cluster(nodes, edges, 8), "independent of edge order");
  }

  @Test
  void edgesMustJoinKnownNodes() {
    assertThrows(IllegalArgumentException.class,
        () -> ConnectedComponents.cluster(List.of("a"), List.of(new Edge("a", "z", 1, "r")), 5));
  }
}
