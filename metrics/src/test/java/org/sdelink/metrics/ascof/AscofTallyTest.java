package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AscofTallyTest {
  private static final String A = "E06000001";
  private static final String B = "E06000002";

  @Test
  void sumsPerCouncilAndEnglandWithZeroRowsForEveryGroup() {
    List<Contribution> contributions = List.of(
        Contribution.counted("3D_2a", A, AscofGroup.ALL, true),
        Contribution.counted("3D_2a", A, AscofGroup.OLDER, true),
        Contribution.counted("3D_2a", A, AscofGroup.ALL, false),
        Contribution.counted("3D_2a", A, AscofGroup.WORKING_AGE, false),
        Contribution.counted("3D_2a", B, AscofGroup.ALL, false),
        Contribution.counted("3D_2a", B, AscofGroup.OLDER, false));
    List<List<String>> rows = AscofTally.rows(List.of(new Ascof3D2a()), List.of(B, A), contributions,
        Population.none()).stream().map(AscofTally.Row::fields).toList();
    assertEquals(List.of(
        List.of("3D_2a", A, "all", "1", "2", "50.0"),
        List.of("3D_2a", A, "18-64", "0", "1", "0.0"),
        List.of("3D_2a", A, "65+", "1", "1", "100.0"),
        List.of("3D_2a", B, "all", "0", "1", "0.0"),
        List.of("3D_2a", B, "18-64", "0", "0", ""),
        List.of("3D_2a", B, "65+", "0", "1", "0.0"),
        List.of("3D_2a", "ENGLAND", "all", "1", "3", "33.3"),
        List.of("3D_2a", "ENGLAND", "18-64", "0", "1", "0.0"),
        List.of("3D_2a", "ENGLAND", "65+", "1", "2", "50.0")), rows);
  }

  @Test
  void ratesUseThePopulationAndEnglandOnlyWhenEveryCouncilHasOne() {
    List<Contribution> contributions = List.of(Contribution.numeratorOnly("2C", A, AscofGroup.OLDER),
        Contribution.numeratorOnly("2C", A, AscofGroup.OLDER), Contribution.numeratorOnly("2C", B, AscofGroup.OLDER));
    Population some = Population.of(Map.of(List.of(A, "65+"), 40_000L));
    assertEquals(List.of(List.of("2C", A, "65+", "2", "40000", "5.0"), List.of("2C", B, "65+", "1", "", ""),
        List.of("2C", "ENGLAND", "65+", "3", "", "")),
        AscofTally.rows(List.of(new Ascof2C()), List.of(A, B), contributions, some).stream()
            .map(AscofTally.Row::fields).toList());
    Population all = Population.of(Map.of(List.of(A, "65+"), 40_000L, List.of(B, "65+"), 20_000L));
    assertEquals(List.of("2C", "ENGLAND", "65+", "3", "60000", "5.0"),
        AscofTally.rows(List.of(new Ascof2C()), List.of(A, B), contributions, all).get(2).fields());
  }

  @Test
  void rejectsContributionsOfUnlistedCouncilsAndBadPopulations() {
    assertThrows(IllegalArgumentException.class, () -> AscofTally.rows(List.of(new Ascof2C()), List.of(A),
        List.of(Contribution.numeratorOnly("2C", B, AscofGroup.OLDER)), Population.none()));
    assertThrows(IllegalArgumentException.class, () -> Population.of(Map.of(List.of(A, "18+"), 5L)));
    assertThrows(IllegalArgumentException.class, () -> Population.of(Map.of(List.of(A, "65+"), 0L)));
  }

  @Test
  void catalogueNamesAreUniqueAndContributionsFollowIt() {
    assertEquals(AscofCatalogue.MEASURES.size(),
        AscofCatalogue.MEASURES.stream().map(AscofMeasure::name).distinct().count());
    AscofPerson person = AscofFixtures.person(AscofFixtures.service("Long Term Support: Community", "2024-01-01", null)
        .set("Delivery_Mechanism", "Direct Payment").set("Accommodation_Status", "Tenant"));
    assertEquals(List.of("2E_part2", "3D_1a", "3D_1a", "3D_2a", "3D_2a"),
        AscofCatalogue.contributions(person).stream().map(Contribution::measure).toList());
  }
}
