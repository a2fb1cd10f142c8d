package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Islands and gaps: one person's events of one kind joined into clusters, when an event starts at most
 * {@code maxGapDays} days after the cluster so far ends (the gap rule is inclusive: with 4, a 4-day gap joins and a
 * 5-day gap starts a new cluster). Requests use 4 days (SALT STS001 replication code, {@code DATEADD(DAY, -4, ...)};
 * Principles p.9), ST-Max and long-term support chains 1 day (STS002a, LTS001c). An open event (no end date) runs to
 * the end of time, as the code's {@code GETDATE()} placeholder does for any date before today.
 *
 * <p>The published code compares each event with the previous row's end ({@code LAG}); sdelink compares with the
 * latest end of the cluster so far, so an event inside a long earlier event never starts an overlapping second
 * cluster. {@link Result#splitsByPreviousRow} counts the events where the two differ (docs/statistics.md).
 */
public final class EventClusters {
  /** The placeholder end of an open event. */
  public static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

  private static final Comparator<SaltEvent> ORDER = Comparator.comparing(SaltEvent::start)
      .thenComparing(EventClusters::endOrOpen);

  /** One cluster: its earliest start, latest end ({@link #OPEN} when a member is open) and members in order. */
  public record Cluster(int number, LocalDate start, LocalDate end, ImmutableList<SaltEvent> members) {
    /** The members whose end is the cluster's end (the code's {@code DENSE_RANK() ... ORDER BY End DESC = 1}). */
    public ImmutableList<SaltEvent> lastMembers() {
      return members.stream().filter(m -> endOrOpen(m).equals(end)).collect(ImmutableList.toImmutableList());
    }

    /** True when the cluster is open (a member has no end date). */
    public boolean isOpen() {
      return end.equals(OPEN);
    }
  }

  /** The clusters in date order, and how many events the previous-row rule would have split off. */
  public record Result(ImmutableList<Cluster> clusters, int splitsByPreviousRow) {}

  private EventClusters() {}

  /** The end date of an event, or {@link #OPEN}. */
  public static LocalDate endOrOpen(SaltEvent event) {
    return event.end() == null ? OPEN : event.end();
  }

  /** Clusters {@code events} with gaps of at most {@code maxGapDays} days. */
  public static Result of(List<SaltEvent> events, int maxGapDays) {
    checkNotNull(events, "events");
    checkArgument(maxGapDays >= 0, "maxGapDays must not be negative");
    List<SaltEvent> sorted = new ArrayList<>(events);
    sorted.sort(ORDER);
    ImmutableList.Builder<Cluster> clusters = ImmutableList.builder();
    List<SaltEvent> members = new ArrayList<>();
    LocalDate start = null;
    LocalDate end = null;
    LocalDate previousEnd = null;
    int splits = 0;
    int number = 0;
    for (SaltEvent event : sorted) {
      boolean joins = end != null && !joinLimit(end, maxGapDays).isBefore(event.start());
      if (joins && joinLimit(previousEnd, maxGapDays).isBefore(event.start())) {
        splits++;
      }
      if (!joins && !members.isEmpty()) {
        clusters.add(new Cluster(++number, start, end, ImmutableList.copyOf(members)));
        members.clear();
      }
      if (members.isEmpty()) {
        start = event.start();
        end = endOrOpen(event);
      } else if (endOrOpen(event).isAfter(end)) {
        end = endOrOpen(event);
      }
      members.add(event);
      previousEnd = endOrOpen(event);
    }
    if (!members.isEmpty()) {
      clusters.add(new Cluster(++number, start, end, ImmutableList.copyOf(members)));
    }
    return new Result(clusters.build(), splits);
  }

  private static LocalDate joinLimit(LocalDate end, int maxGapDays) {
    return end.equals(OPEN) ? OPEN : end.plusDays(maxGapDays);
  }
}
