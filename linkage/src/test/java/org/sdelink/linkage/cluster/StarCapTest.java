package org.sdelink.linkage.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.cluster.StarCap.Spoke;
import org.sdelink.linkage.cluster.StarCap.Star;

class StarCapTest {
  private static Spoke probabilistic(String from, double weight, int persons) {
    return new Spoke(ScoredLink.probabilistic(from, "hub", weight), persons);
  }

  private static Spoke cascade(String from, double weight, int persons) {
    return new Spoke(ScoredLink.byCascade(from, "hub", weight, "name+dob+postcode"), persons);
  }

  @Test
  void aStarWithinTheCapKeepsEveryLink() {
    List<Spoke> spokes = List.of(probabilistic("a", 9, 1), probabilistic("b", 12, 2));
    Star star = StarCap.cap(1, spokes, 4);
    assertFalse(star.wasCut());
    assertEquals(List.of(spokes.get(1), spokes.get(0)), star.kept());
    assertEquals(4, star.personsBefore());
    assertEquals(4, star.personsAfter());
  }

  @Test
  void probabilisticLinksAreCutBeforeDeterministicOnesWeakestFirst() {
    Spoke det = cascade("d", 2, 1); // a cascade link is kept before any probabilistic link, whatever its weight
    Spoke strong = probabilistic("s", 20, 1);
    Spoke middle = probabilistic("m", 12, 3);
    Spoke weak = probabilistic("w", 8.5, 1);
    Star star = StarCap.cap(2, List.of(weak, det, strong, middle), 5);
    // 2 + 1 + 1 + 3 + 1 = 8 > 5: cut w (7), then m (4).
    assertEquals(List.of(weak, middle), star.cut());
    assertEquals(List.of(det, strong), star.kept());
    assertEquals(8, star.personsBefore());
    assertEquals(4, star.personsAfter());
  }

  @Test
  void equalWeightsAreCutInAFixedOrder() {
    List<Spoke> spokes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      spokes.add(probabilistic(String.format("e%02d", i), 10, 1));
    }
    Star first = StarCap.cap(1, spokes, 10);
    Collections.shuffle(spokes, new Random(3));
    Star second = StarCap.cap(1, spokes, 10);
    assertEquals(first, second);
    assertEquals(9, first.kept().size());
    assertEquals(21, first.cut().size());
    assertEquals(10, first.personsAfter());
  }

  @Test
  void aHubOverTheCapOnItsOwnKeepsNoLink() {
    Star star = StarCap.cap(12, List.of(cascade("a", 30, 1)), 10);
    assertTrue(star.kept().isEmpty());
    assertEquals(12, star.personsAfter());
  }

  @Test
  void refusesLinksOfDifferentHubsAndBadSizes() {
    Spoke other = new Spoke(ScoredLink.probabilistic("x", "other-hub", 9), 1);
    assertThrows(IllegalArgumentException.class, () -> StarCap.cap(1, List.of(probabilistic("a", 9, 1), other), 5));
    assertThrows(IllegalArgumentException.class, () -> StarCap.cap(1, List.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> probabilistic("a", 9, 0));
  }
}
