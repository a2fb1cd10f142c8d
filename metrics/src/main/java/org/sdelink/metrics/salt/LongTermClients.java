package org.sdelink.metrics.salt;

import java.time.LocalDate;
import java.util.List;

/**
 * The long-term support clients of the LTS001 tables, read from the council's chosen submission (SALT LTS001a/b/c
 * replication code; Principles pp.22-27): service users with a nursing, residential, community or prison service.
 * LTS001a: a service open at some time in the year, client alive at the year start. LTS001b: a service open on the
 * year end, client alive on it. LTS001c: of those alive on the year end, clients whose chain of services (1-day gaps,
 * {@link EventClusters}) began more than 12 months before the year end (the code's {@code Chain_Start_Date <
 * snapshot minus one year}) and runs to the year end or beyond.
 */
public final class LongTermClients {
  /** Gap joining long-term services into one chain, inclusive. */
  public static final int CHAIN_GAP_DAYS = 1;

  private LongTermClients() {}

  /** LTS001a rows: long-term services open during the year. */
  public static List<SaltEvent> duringYear(PersonStatistics person) {
    LocalDate start = person.year().start();
    LocalDate end = person.year().end();
    return person.chosen().stream()
        .filter(e -> NewClient.isLongTermSupport(e) && e.isServiceUser() && !e.start().isAfter(end)
            && (e.end() == null || !e.end().isBefore(start)) && e.aliveOn(start))
        .toList();
  }

  /** LTS001b rows: long-term services open on the year end. */
  public static List<SaltEvent> atYearEnd(PersonStatistics person) {
    LocalDate end = person.year().end();
    return person.chosen().stream()
        .filter(e -> NewClient.isLongTermSupport(e) && e.isServiceUser() && e.openOn(end) && e.aliveOn(end))
        .toList();
  }

  /** LTS001c: true when the client has had long-term support for more than 12 months at the year end. */
  public static boolean overTwelveMonths(PersonStatistics person) {
    LocalDate end = person.year().end();
    List<SaltEvent> rows = person.chosen().stream()
        .filter(e -> NewClient.isLongTermSupport(e) && e.isServiceUser() && !e.start().isAfter(end)
            && e.aliveOn(end))
        .toList();
    LocalDate before = end.minusYears(1);
    return EventClusters.of(rows, CHAIN_GAP_DAYS).clusters().stream()
        .anyMatch(c -> c.start().isBefore(before) && !c.end().isBefore(end));
  }
}
