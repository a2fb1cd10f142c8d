package org.sdelink.metrics.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SequelChainTest {
  private static final Predicate<SaltEvent> REQUEST = e -> e.is(SaltEvent.REQUEST);

  @Test
  void noLaterEventIsNoChronology() {
    assertEquals(SequelChain.Kind.NO_CHRONOLOGY,
        SequelChain.after(Ev.d("2024-06-01"), List.of(), 28, REQUEST).kind());
  }

  @Test
  void theFirstEventMustStartWithin28Days() {
    var in = SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.assessment("2024-06-29", "2024-06-30").build()), 28, REQUEST);
    assertEquals(SequelChain.Kind.IN_SCOPE, in.kind());
    var out = SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.assessment("2024-06-30", "2024-07-01").build()), 28, REQUEST);
    assertEquals(SequelChain.Kind.OUT_OF_SCOPE, out.kind());
  }

  @Test
  void anOpenFirstEventStartingLateIsOutOfScopeAndFlagged() {
    var chain = SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.service("Long Term Support: Community", "2024-08-01", null).build()), 28, REQUEST);
    assertEquals(SequelChain.Kind.OUT_OF_SCOPE, chain.kind());
    assertTrue(chain.openFirstEventLate());
  }

  @Test
  void gapsOfThreeDaysChainAndFourBreak() {
    var chain = SequelChain.after(Ev.d("2024-06-01"), List.of(
        Ev.assessment("2024-06-02", "2024-06-05").build(),
        Ev.assessment("2024-06-08", "2024-06-10").build(),
        Ev.assessment("2024-06-14", "2024-06-15").build()), 28, REQUEST);
    assertEquals(2, chain.events().size());
    assertEquals(Ev.d("2024-06-08"), chain.events().get(1).start());
  }

  @Test
  void theChainStopsBeforeAnotherRequestAndEverythingOnItsDay() {
    var chain = SequelChain.after(Ev.d("2024-06-01"), List.of(
        Ev.assessment("2024-06-02", "2024-06-05").build(),
        Ev.request("2024-06-06", "2024-06-06").build(),
        Ev.service("Long Term Support: Community", "2024-06-06", null).build()), 28, REQUEST);
    assertEquals(1, chain.events().size());
    var none = SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.request("2024-06-02", "2024-06-03").build()), 28, REQUEST);
    assertEquals(SequelChain.Kind.OUT_OF_SCOPE, none.kind());
  }

  @Test
  void stMaxUsesAThreeDayFirstWindow() {
    assertEquals(SequelChain.Kind.IN_SCOPE, SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.assessment("2024-06-04", "2024-06-05").build()), 3, REQUEST).kind());
    assertEquals(SequelChain.Kind.OUT_OF_SCOPE, SequelChain.after(Ev.d("2024-06-01"),
        List.of(Ev.assessment("2024-06-05", "2024-06-05").build()), 3, REQUEST).kind());
  }
}
