package org.sdelink.linkage.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.cluster.StarConflicts.Resolution;

class StarConflictsTest {
  private static ScoredLink link(String from, double weight) {
    return ScoredLink.probabilistic(from, "hub", weight);
  }

  @Test
  void linksBringingOneValueOrNoneAreKept() {
    ScoredLink a = link("a", 12);
    ScoredLink b = link("b", 9);
    ScoredLink c = link("c", 10);
    Resolution r = StarConflicts.resolve(List.of(a, b, c),
        Map.of(a, List.of("N1"), b, List.of("N1"), c, List.of("")), 2);
    assertEquals(List.of(a, b, c), r.kept());
    assertEquals(List.of(), r.dropped());
  }

  @Test
  void theValueOfTheClearlyStrongestLinkWins() {
    ScoredLink twin = link("twin", 9);
    ScoredLink self = link("self", 14);
    ScoredLink selfAgain = link("self-2", 8.5);
    ScoredLink none = link("no-number", 8.2);
    Resolution r = StarConflicts.resolve(List.of(twin, self, selfAgain, none),
        Map.of(twin, List.of("N2"), self, List.of("N1"), selfAgain, List.of("N1"), none, List.of("")), 2);
    assertEquals(List.of(self, selfAgain, none), r.kept());
    assertEquals(List.of(twin), r.dropped());
    assertEquals(List.of(), r.ambiguous());
  }

  @Test
  void competingValuesTooCloseToCallAreAllDropped() {
    // Twins' hospital records matching one CLD client without an NHS number, on the same values.
    ScoredLink first = link("twin-1", 16.29);
    ScoredLink second = link("twin-2", 16.29);
    ScoredLink unnumbered = link("episode", 9);
    Resolution r = StarConflicts.resolve(List.of(first, second, unnumbered),
        Map.of(first, List.of("N1"), second, List.of("N2"), unnumbered, List.of("")), 2);
    assertEquals(List.of(unnumbered), r.kept());
    assertEquals(List.of(first, second), r.ambiguous());
  }

  @Test
  void aCascadeLinkBeatsAnyProbabilisticOneAndTwoCascadeLinksConflict() {
    ScoredLink cascade = ScoredLink.byCascade("c", "hub", 3, "name+dob+postcode");
    ScoredLink strong = link("p", 30);
    Resolution r = StarConflicts.resolve(List.of(strong, cascade),
        Map.of(strong, List.of("N2"), cascade, List.of("N1")), 2);
    assertEquals(List.of(cascade), r.kept());
    assertEquals(List.of(strong), r.dropped());
    ScoredLink otherCascade = ScoredLink.byCascade("d", "hub", 40, "name+dob+postcode");
    Resolution both = StarConflicts.resolve(List.of(cascade, otherCascade),
        Map.of(cascade, List.of("N1"), otherCascade, List.of("N2")), 2);
    assertEquals(List.of(cascade, otherCascade), both.ambiguous());
  }

  @Test
  void refusesLinksWithoutValues() {
    ScoredLink a = link("a", 9);
    assertThrows(IllegalArgumentException.class, () -> StarConflicts.resolve(List.of(a), Map.of(), 2));
  }
}
