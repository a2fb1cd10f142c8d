package org.sdelink.metrics.waiting;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.DerivedAge;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * One council-local person's events that take part in the waits, in the order DHSC numbers them
 * ({@code waiting_times_method.sql} v1.1, stages 1.2 and 2.1): the requests of the cohort ({@link WaitingRequests}),
 * short- and long-term assessments and the seven long- and short-term service types (any client type, as the code),
 * assessments and services only when the person is 25 or over at their start. Order: start date, then on the same day
 * request before assessment before service, then the latest received submission first (the code's {@code ImportDate
 * DESC}; further ties cannot change a wait: same-day events of one type have the same date). Each event carries its
 * age band at its derived end ({@link WaitingAgeBand#atLatestAge}, the code's {@code Der_Working_Age_Band}), which
 * is the band a wait is reported in when it is the response. The caller gives rows of DHSC's table: in their
 * reporting period ({@link org.sdelink.metrics.submissions.EventsInPeriod}) and de-duplicated
 * ({@link FirstResponses#ofSubmitted}).
 */
public final class WaitingChronology {
  static final ImmutableSet<String> ASSESSMENT_TYPES = ImmutableSet.of("short term assessment",
      "long term assessment");
  static final ImmutableSet<String> SERVICE_TYPES = ImmutableSet.of("Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison",
      "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level", "Short Term Support: Other Short Term");
  private static final Map<String, Integer> PRIORITY =
      Map.of(SaltEvent.REQUEST, 1, SaltEvent.ASSESSMENT, 2, SaltEvent.SERVICE, 3);
  private static final LocalDate NEVER = LocalDate.MIN;

  /** One event of the chronology: its position (from 1), the event, and its age band at its start (may be empty). */
  public record Entry(int order, SaltEvent event, Optional<String> ageBand) {
    public Entry {
      checkNotNull(event, "event");
      checkNotNull(ageBand, "ageBand");
    }

    public boolean is(String type) {
      return event.is(type);
    }

    public LocalDate start() {
      return event.start();
    }
  }

  private WaitingChronology() {}

  /** The chronology of one person's de-duplicated {@code rows} (all of one council and person). */
  public static ImmutableList<Entry> of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    List<SaltEvent> kept = rows.stream().filter(r -> takesPart(r, rows))
        .sorted(Comparator.comparing(SaltEvent::start)
            .thenComparing(r -> PRIORITY.get(r.eventType()))
            .thenComparing((SaltEvent r) -> r.receivedDate() == null ? NEVER : r.receivedDate(),
                Comparator.reverseOrder())
            .thenComparing(SaltEvent::sourceFile)
            .thenComparing(r -> r.end() == null ? LocalDate.MAX : r.end())
            .thenComparing(SaltEvent::outcome)
            .thenComparing(SaltEvent::assessmentType)
            .thenComparing(SaltEvent::serviceType))
        .toList();
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    for (int i = 0; i < kept.size(); i++) {
      SaltEvent event = kept.get(i);
      entries.add(new Entry(i + 1, event, WaitingAgeBand.atLatestAge(event)));
    }
    return entries.build();
  }

  private static boolean takesPart(SaltEvent row, List<SaltEvent> rows) {
    if (row.is(SaltEvent.REQUEST)) {
      return WaitingRequests.inCohort(row, rows, ageAtStart(row));
    }
    boolean assessment = row.is(SaltEvent.ASSESSMENT)
        && ASSESSMENT_TYPES.contains(row.assessmentType().trim().toLowerCase(Locale.ROOT));
    boolean service = row.is(SaltEvent.SERVICE) && SERVICE_TYPES.contains(row.serviceType());
    var age = ageAtStart(row);
    return (assessment || service) && age.isPresent() && age.getAsInt() >= 25;
  }

  /** The derived age at the event's start from the row's own birth year and month (DHSC's per-row field). */
  static java.util.OptionalInt ageAtStart(SaltEvent row) {
    return DerivedAge.at(row.birthYear(), row.birthMonth(), row.start());
  }

  static @Nullable Entry first(List<Entry> entries, String type, int after) {
    return entries.stream().filter(e -> e.order() > after && e.is(type)).findFirst().orElse(null);
  }
}
