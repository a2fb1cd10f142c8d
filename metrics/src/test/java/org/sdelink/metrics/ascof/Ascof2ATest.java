package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdelink.metrics.ascof.AscofFixtures.LA;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ascof2ATest {
  private static final String ST_MAX = "Short term support: ST-Max";

  @Test
  void countsEpisodesInTheirAgeGroupAndInAll() {
    AscofPerson person = person(
        service(ST_MAX, "2024-05-01", "2024-05-20").outcome("NFA - Information & Advice / Signposting only"),
        service(ST_MAX, "2024-08-01", "2024-08-20"),
        service("Long Term Support: Community", "2024-08-22", null));
    assertEquals(List.of(
            Contribution.counted("2A", LA, "all", true), Contribution.counted("2A", LA, "65+", true),
            Contribution.counted("2A", LA, "all", false), Contribution.counted("2A", LA, "65+", false)),
        new Ascof2A().contributions(person));
  }

  @Test
  void unknownAgeCountsInAllOnlyAndExcludedSequelsNowhere() {
    AscofPerson unknown = person(service(ST_MAX, "2024-05-01", "2024-05-20").set("birth_year", "")
        .outcome("NFA - Moved to another LA"));
    assertEquals(List.of(Contribution.counted("2A", LA, "all", true)), new Ascof2A().contributions(unknown));
    AscofPerson hospital = person(service(ST_MAX, "2024-05-01", "2024-05-20").outcome("Admitted to hospital"));
    assertEquals(List.of(), new Ascof2A().contributions(hospital));
  }

  @Test
  void isInTheCatalogue() {
    assertEquals("2A", AscofCatalogue.MEASURES.get(0).name());
  }
}
