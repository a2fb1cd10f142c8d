package org.sdelink.linkage.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneToOneAssignmentTest {
  private static final OneToOneAssignment MANY_TO_ONE = OneToOneAssignment.create(5.0, 2.0, false);
  private static final OneToOneAssignment ONE_TO_ONE = OneToOneAssignment.create(5.0, 2.0, true);

  @Test
  void aClearBestCandidateIsLinked() {
    Assignment result = MANY_TO_ONE.assign(List.of(
        ScoredLink.probabilistic("a", "x", 20.0), ScoredLink.probabilistic("a", "y", 12.0)));
    assertEquals(List.of(ScoredLink.probabilistic("a", "x", 20.0)), result.accepted());
    assertTrue(result.ambiguous().isEmpty());
  }

  @Test
  void nearTiesAreLeftUnlinkedAndReported() {
    Assignment result = MANY_TO_ONE.assign(List.of(
        ScoredLink.probabilistic("a", "x", 20.0),
        ScoredLink.probabilistic("a", "y", 18.5),
        ScoredLink.probabilistic("b", "x", 15.0)));
    assertEquals(List.of(ScoredLink.probabilistic("b", "x", 15.0)), result.accepted());
    assertEquals(1, result.ambiguous().size());
    AmbiguousLink ambiguous = result.ambiguous().get(0);
    assertEquals("a", ambiguous.entity());
    assertEquals(AmbiguousLink.Side.FROM, ambiguous.side());
    assertEquals(1.5, ambiguous.margin(), 1e-12);
  }

  @Test
  void linksBelowTheThresholdAreNotCandidates() {
    Assignment result = MANY_TO_ONE.assign(List.of(
        ScoredLink.probabilistic("a", "x", 6.0), ScoredLink.probabilistic("a", "y", 4.9)));
    assertEquals(1, result.accepted().size(), "y is below the threshold, so there is no tie");
    assertTrue(MANY_TO_ONE.assign(List.of(ScoredLink.probabilistic("a", "x", 4.0))).accepted().isEmpty());
  }

  @Test
  void deterministicLinksBeatProbabilisticOnesButTwoConflictingOnesAreAmbiguous() {
    Assignment result = MANY_TO_ONE.assign(List.of(
        ScoredLink.byCascade("a", "x", 3.0, "nhs_number+dob"), ScoredLink.probabilistic("a", "y", 30.0)));
    assertEquals("x", result.accepted().get(0).to());
    Assignment conflict = MANY_TO_ONE.assign(List.of(
        ScoredLink.byCascade("a", "x", 30.0, "nhs_number+dob"), ScoredLink.byCascade("a", "y", 3.0, "other")));
    assertTrue(conflict.accepted().isEmpty());
    assertEquals("a", conflict.ambiguous().get(0).entity());
  }

  @Test
  void manyFromEntitiesMayShareATargetUnlessOneToOne() {
    List<ScoredLink> links = List.of(
        ScoredLink.probabilistic("a", "x", 20.0),
        ScoredLink.probabilistic("b", "x", 12.0),
        ScoredLink.probabilistic("b", "y", 9.0));
    assertEquals(2, MANY_TO_ONE.assign(links).accepted().stream().filter(l -> l.to().equals("x")).count());
    Assignment exclusive = ONE_TO_ONE.assign(links);
    assertEquals(List.of(ScoredLink.probabilistic("a", "x", 20.0), ScoredLink.probabilistic("b", "y", 9.0)),
        exclusive.accepted(), "b falls back to its next candidate");
    Assignment targetTie = ONE_TO_ONE.assign(List.of(
        ScoredLink.probabilistic("a", "x", 20.0), ScoredLink.probabilistic("b", "x", 19.0)));
    assertTrue(targetTie.accepted().isEmpty());
    assertEquals(AmbiguousLink.Side.TO, targetTie.ambiguous().get(0).side());
  }

  @Test
  void eachEntityLinksAtMostOnceWhateverTheInputOrder() {
    Random random = new Random(5);
    List<ScoredLink> links = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      links.add(ScoredLink.probabilistic("f" + random.nextInt(60), "t" + random.nextInt(60), random.nextInt(300) / 10.0));
    }
    Assignment first = ONE_TO_ONE.assign(links);
    Collections.shuffle(links, random);
    assertEquals(first, ONE_TO_ONE.assign(links), "deterministic");
    Set<String> from = new HashSet<>();
    Set<String> to = new HashSet<>();
    for (ScoredLink link : first.accepted()) {
      assertTrue(from.add(link.from()));
      assertTrue(to.add(link.to()));
      assertTrue(link.matchWeight() >= 5.0);
    }
    assertTrue(first.accepted().size() > 10);
  }

  @Test
  void withNoMarginTwoDeterministicCandidatesAreNotAmbiguous() {
    List<ScoredLink> links = List.of(
        ScoredLink.byCascade("a", "x", 20.0, "step"), ScoredLink.byCascade("a", "y", 18.0, "step"));
    assertEquals(1, MANY_TO_ONE.assign(links).ambiguous().size(), "a conflict under a margin of 2");
    Assignment result = OneToOneAssignment.create(5.0, 0.0, false).assign(links);
    assertTrue(result.ambiguous().isEmpty());
    assertEquals(List.of(ScoredLink.byCascade("a", "x", 20.0, "step")), result.accepted());
  }
}
