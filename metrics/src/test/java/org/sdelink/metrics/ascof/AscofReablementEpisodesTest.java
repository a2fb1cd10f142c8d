package org.sdelink.metrics.ascof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sdelink.metrics.ascof.AscofFixtures.person;
import static org.sdelink.metrics.ascof.AscofFixtures.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.salt.Ev;

class AscofReablementEpisodesTest {
  private static final String ST_MAX = "Short term support: ST-Max";
  private static final String COMMUNITY = "Long Term Support: Community";

  private static List<String> episodes(Ev... events) {
    return ReablementEpisodes.of(person(events)).stream()
        .map(e -> e.cluster().start() + ".." + e.cluster().end() + " " + e.group().orElse("unknown")).toList();
  }

  @Test
  void clustersJoinWithGapsOfAtMostSevenDays() {
    assertEquals(List.of("2024-06-01..2024-07-08 65+"),
        episodes(service(ST_MAX, "2024-06-01", "2024-06-20"), service(ST_MAX, "2024-06-27", "2024-07-08")));
    assertEquals(List.of("2024-06-01..2024-06-20 65+", "2024-06-28..2024-07-08 65+"),
        episodes(service(ST_MAX, "2024-06-01", "2024-06-20"), service(ST_MAX, "2024-06-28", "2024-07-08")));
  }

  @Test
  void episodesEndingInThePeriodOnly() {
    assertEquals(1, episodes(service(ST_MAX, "2024-03-01", "2024-04-01")).size());
    assertEquals(0, episodes(service(ST_MAX, "2024-03-01", "2024-03-31")).size());
    assertEquals(1, episodes(service(ST_MAX, "2025-03-01", "2025-03-31")).size());
    assertEquals(0, episodes(service(ST_MAX, "2025-03-01", "2025-04-01")).size());
    assertEquals(0, episodes(service(ST_MAX, "2025-03-01", null)).size());
    // an open member makes the whole cluster open
    assertEquals(0, episodes(service(ST_MAX, "2024-06-01", "2024-06-20"), service(ST_MAX, "2024-06-25", null)).size());
  }

  @Test
  void newClientsOnly() {
    Ev reablement = service(ST_MAX, "2024-06-01", "2024-06-20");
    // long-term support ended 90 days before the start: existing client; 91 days: new
    assertEquals(0, episodes(reablement, service(COMMUNITY, "2023-01-01", "2024-03-03")).size());
    assertEquals(1, episodes(service(ST_MAX, "2024-06-01", "2024-06-20"),
        service(COMMUNITY, "2023-01-01", "2024-03-02")).size());
    assertEquals(0, episodes(service(ST_MAX, "2024-06-01", "2024-06-20"), service(COMMUNITY, "2023-01-01", null))
        .size());
    // long-term support starting with or after the reablement does not make the client existing
    assertEquals(1, episodes(service(ST_MAX, "2024-06-01", "2024-06-20"), service(COMMUNITY, "2024-06-01", null))
        .size());
  }

  @Test
  void ageAtTheClusterEndAndDeaths() {
    assertEquals(List.of("2024-06-01..2024-06-20 18-64"),
        episodes(service(ST_MAX, "2024-06-01", "2024-06-20").set("birth_year", "1980")));
    assertEquals(List.of("2024-06-01..2024-06-20 unknown"),
        episodes(service(ST_MAX, "2024-06-01", "2024-06-20").set("birth_month", "")));
    assertEquals(List.of(), episodes(service(ST_MAX, "2024-06-01", "2024-06-20").set("birth_year", "2010")));
    assertEquals(List.of(), episodes(service(ST_MAX, "2024-06-01", "2024-06-20").set("Date_of_Death", "2024-05-31")));
    assertEquals(1, episodes(service(ST_MAX, "2024-06-01", "2024-06-20").set("Date_of_Death", "2024-06-01")).size());
    assertEquals(Optional.of(LocalDate.parse("2024-06-20")),
        ReablementEpisodes.of(person(service(ST_MAX, "2024-06-01", "2024-06-20"))).stream().findFirst()
            .map(e -> e.cluster().end()));
  }
}
