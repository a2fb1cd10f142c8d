package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventClustersTest {
  @Test
  void aFourDayGapJoinsAndAFiveDayGapDoesNot() {
    var joined = EventClusters.of(List.of(Ev.request("2024-05-01", "2024-05-03").build(),
        Ev.request("2024-05-07", "2024-05-09").build()), 4);
    assertEquals(1, joined.clusters().size());
    assertEquals(Ev.d("2024-05-01"), joined.clusters().get(0).start());
    assertEquals(Ev.d("2024-05-09"), joined.clusters().get(0).end());

    var split = EventClusters.of(List.of(Ev.request("2024-05-01", "2024-05-03").build(),
        Ev.request("2024-05-08", "2024-05-09").build()), 4);
    assertEquals(2, split.clusters().size());
  }

  @Test
  void oneDayGapForStMax() {
    String st = StMaxSequels.ST_MAX;
    assertEquals(1, EventClusters.of(List.of(Ev.service(st, "2024-05-01", "2024-05-10").build(),
        Ev.service(st, "2024-05-11", "2024-05-20").build()), 1).clusters().size());
    assertEquals(2, EventClusters.of(List.of(Ev.service(st, "2024-05-01", "2024-05-10").build(),
        Ev.service(st, "2024-05-12", "2024-05-20").build()), 1).clusters().size());
  }

  @Test
  void anOpenEventJoinsEverythingAfterItAndLeavesTheClusterOpen() {
    var result = EventClusters.of(List.of(Ev.request("2024-05-01", null).build(),
        Ev.request("2024-09-01", "2024-09-02").build()), 4);
    assertEquals(1, result.clusters().size());
    assertTrue(result.clusters().get(0).isOpen());
  }

  @Test
  void anEventInsideALongEarlierEventJoinsItAndIsCountedAsASplitOfThePublishedRule() {
    var result = EventClusters.of(List.of(Ev.request("2024-05-01", "2024-05-31").build(),
        Ev.request("2024-05-02", "2024-05-03").build(), Ev.request("2024-05-20", "2024-05-25").build()), 4);
    assertEquals(1, result.clusters().size());
    assertEquals(Ev.d("2024-05-31"), result.clusters().get(0).end());
    assertEquals(1, result.splitsByPreviousRow());
    assertEquals(1, result.clusters().get(0).lastMembers().size());
  }
}
