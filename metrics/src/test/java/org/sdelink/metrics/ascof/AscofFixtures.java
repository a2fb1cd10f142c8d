package org.sdelink.metrics.ascof;

import java.time.LocalDate;
import java.util.List;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.Ev;
import org.sdelink.metrics.salt.SaltEvent;

/** Shared builders of the ASCOF rule tests: the 2024-25 period and one person's events. */
final class AscofFixtures {
  static final ReportingPeriod YEAR = ReportingPeriod.of(LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"));
  static final String LA = "E06000001";

  private AscofFixtures() {}

  static Ev service(String type, String start, String end) {
    return Ev.service(type, start, end);
  }

  static AscofPerson person(Ev... events) {
    return AscofPerson.of(YEAR, List.of(events).stream().map(Ev::build).toList());
  }

  static List<SaltEvent> rows(Ev... events) {
    return List.of(events).stream().map(Ev::build).toList();
  }
}
