package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What followed a request or ST-Max cluster: the chain of the client's later events (starting on or after the cluster
 * end) that is taken to be its sequel (SALT STS001 / STS002a replication code, {@code #CLUSTER} and
 * {@code #..._WITH_BREAKS}; Principles p.7 and p.10). The first later event must start within {@code firstWithinDays}
 * of the cluster end (28 for requests, 3 for ST-Max); each next event must start at most 3 days after the previous
 * one ends (an open previous event never breaks the chain); the chain stops before the first event of the breaking
 * kind (another request, another ST-Max). Events sharing a start date stand or fall together, as the code's running
 * minimum over a date order does.
 *
 * <p>The published code lets an open first event start any time after the cluster (its {@code In_Chain} is 1 when the
 * first event's end is NULL); sdelink applies the first-event window to open events too (docs/statistics.md).
 */
public final class SequelChain {
  /** Gaps between chained events, inclusive (the code's {@code DATEDIFF(...) > 3} breaks). */
  public static final int MAX_GAP_DAYS = 3;

  /** How a cluster's later activity reads. */
  public enum Kind {
    /** No later event at all (record type 1). */
    NO_CHRONOLOGY,
    /** Later events, none in the chain: too late, or a breaking event first (record type 5). */
    OUT_OF_SCOPE,
    /** A chain of related events (record types 2, 3, 4). */
    IN_SCOPE
  }

  /** The chain found; {@code openFirstEventLate} marks the case the published code would have kept in scope. */
  public record Chain(Kind kind, ImmutableList<SaltEvent> events, boolean openFirstEventLate) {}

  private static final Comparator<SaltEvent> ORDER = Comparator.comparing(SaltEvent::start)
      .thenComparing(EventClusters::endOrOpen)
      .thenComparing(SaltEvent::eventType)
      .thenComparing(SaltEvent::serviceType)
      .thenComparing(SaltEvent::outcome);

  private SequelChain() {}

  /**
   * The chain after a cluster ending {@code clusterEnd} among {@code later} (events starting on or after it, the
   * cluster's own events already removed).
   */
  public static Chain after(LocalDate clusterEnd, List<SaltEvent> later, int firstWithinDays,
      Predicate<SaltEvent> breaks) {
    checkNotNull(clusterEnd, "clusterEnd");
    checkNotNull(breaks, "breaks");
    checkArgument(firstWithinDays >= 0, "firstWithinDays must not be negative");
    if (later.isEmpty()) {
      return new Chain(Kind.NO_CHRONOLOGY, ImmutableList.of(), false);
    }
    List<SaltEvent> sorted = new ArrayList<>(later);
    sorted.sort(ORDER);
    LocalDate firstStart = sorted.get(0).start();
    if (ChronoUnit.DAYS.between(clusterEnd, firstStart) > firstWithinDays) {
      boolean openFirst = sorted.stream().filter(e -> e.start().equals(firstStart)).allMatch(e -> e.end() == null);
      return new Chain(Kind.OUT_OF_SCOPE, ImmutableList.of(), openFirst);
    }
    ImmutableList.Builder<SaltEvent> chain = ImmutableList.builder();
    int i = 0;
    SaltEvent previous = null;
    boolean any = false;
    while (i < sorted.size()) {
      LocalDate day = sorted.get(i).start();
      int j = i;
      boolean groupJoins = true;
      List<SaltEvent> group = new ArrayList<>();
      while (j < sorted.size() && sorted.get(j).start().equals(day)) {
        SaltEvent event = sorted.get(j);
        if (previous != null && previous.end() != null
            && ChronoUnit.DAYS.between(previous.end(), event.start()) > MAX_GAP_DAYS) {
          groupJoins = false;
        }
        if (breaks.test(event)) {
          groupJoins = false;
        }
        group.add(event);
        previous = event;
        j++;
      }
      if (!groupJoins) {
        break;
      }
      chain.addAll(group);
      any = true;
      i = j;
    }
    return any ? new Chain(Kind.IN_SCOPE, chain.build(), false)
        : new Chain(Kind.OUT_OF_SCOPE, ImmutableList.of(), false);
  }
}
