package org.sdelink.metrics.salt;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.List;

/**
 * The carers of LTS003, read from the council's chosen submission (SALT LTS003 replication code, {@code #LTS003_Build};
 * Principles p.33): client type Carer or Carer known by association, events open at some time in the year, alive at
 * the year start, in the {@link CarerSupportProvided#inCohort cohort}. Carers of unknown age are kept (as the code
 * does, with its 1800-01-01 dummy date).
 */
public final class Carers {
  static final ImmutableSet<String> CLIENT_TYPES = ImmutableSet.of("Carer", "Carer known by association");
  static final ImmutableSet<String> EVENT_TYPES =
      ImmutableSet.of(SaltEvent.REQUEST, SaltEvent.ASSESSMENT, SaltEvent.SERVICE, SaltEvent.REVIEW);

  private Carers() {}

  /** The carer's cohort events. */
  public static List<SaltEvent> duringYear(PersonStatistics person) {
    LocalDate start = person.year().start();
    LocalDate end = person.year().end();
    return person.chosen().stream()
        .filter(e -> CLIENT_TYPES.contains(e.clientType()) && EVENT_TYPES.contains(e.eventType())
            && !e.start().isAfter(end) && (e.end() == null || !e.end().isBefore(start)) && e.aliveOn(start)
            && CarerSupportProvided.inCohort(e))
        .toList();
  }
}
