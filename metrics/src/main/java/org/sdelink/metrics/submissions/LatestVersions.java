package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * Event de-duplication across submissions, the one place every stage that reads CLD events takes it from: of the rows
 * sharing an {@link EventKey}, only those of the latest received submission are kept (the replication code's
 * {@code DENSE_RANK() OVER (PARTITION BY CONC ORDER BY ImportDate DESC) = 1}: every row of the latest import stays;
 * DHSC {@code GetUniqueEvents}). Rows of submissions outside the window are dropped first. A received date ties with
 * another by file name (the later name wins); a missing received date counts as earliest.
 *
 * <p>The statistics stage applies it to a council-local person's {@link SaltEvent}s ({@link #of}); the metrics and
 * report stages to the {@link CldEvent}s of a person ({@link #ofRecords}), where copies of one record id (the same
 * {@code Event_Reference} in several files) are first reduced to their latest received copy
 * ({@link #LATEST_COPY_FIRST}),
 * so a later file that closes or corrects an event replaces the earlier version even when its reporting period ends on
 * the same day (a resubmitted quarter).
 */
public final class LatestVersions {
  /**
   * The order of the copies of one record id, preferred first: the latest received, then the latest
   * {@code Reporting_Period_End_Date} (missing counts as earliest), then the lowest (file, line), so the choice does
   * not depend on input order.
   */
  public static final Comparator<CldEvent> LATEST_COPY_FIRST =
      Comparator.comparing(CldEvent::receivedDate, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
          .thenComparing(CldEvent::reportingPeriodEnd, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
          .thenComparing(CldEvent::sourceFile)
          .thenComparingLong(CldEvent::sourceLine);

  /** The kept rows, and how many rows were dropped as older versions or as received after the window. */
  public record Result<T>(ImmutableList<T> kept, int olderVersions, int outsideWindow) {}

  private LatestVersions() {}

  /** The latest version of each event among one council-local person's SALT rows. */
  public static Result<SaltEvent> of(List<SaltEvent> events, SubmissionWindow window) {
    return by(events, window, SaltEvent::receivedDate, SaltEvent::sourceFile, EventKey::of);
  }

  /**
   * The latest version of each event among one person's CLD rows ({@code asEvent} types a row): one copy per record
   * id ({@link #LATEST_COPY_FIRST}), then, per council and {@link EventKey}, the rows of the latest received
   * submission. Kept rows are in record-id order; {@code olderVersions} counts both steps.
   */
  public static <T> Result<T> ofRecords(Collection<T> rows, Function<? super T, CldEvent> asEvent) {
    checkNotNull(rows, "rows");
    checkNotNull(asEvent, "asEvent");
    Map<String, T> copies = new TreeMap<>();
    Map<String, CldEvent> events = new TreeMap<>();
    for (T row : rows) {
      CldEvent event = asEvent.apply(checkNotNull(row, "row"));
      CldEvent kept = events.get(event.recordId());
      if (kept == null || LATEST_COPY_FIRST.compare(event, kept) < 0) {
        events.put(event.recordId(), event);
        copies.put(event.recordId(), row);
      }
    }
    List<String> ids = new ArrayList<>(events.keySet());
    Result<String> latest = by(ids, SubmissionWindow.all(), id -> events.get(id).receivedDate(),
        id -> events.get(id).sourceFile(), id -> EventKey.of(events.get(id)));
    ImmutableList<T> kept = latest.kept().stream().sorted().map(copies::get)
        .collect(ImmutableList.toImmutableList());
    return new Result<>(kept, rows.size() - kept.size(), 0);
  }

  private static <T> Result<T> by(List<T> rows, SubmissionWindow window, Function<T, LocalDate> received,
      Function<T, String> file, Function<T, List<String>> key) {
    checkNotNull(rows, "rows");
    checkNotNull(window, "window");
    Comparator<T> order = Comparator.comparing(received, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(file);
    Map<List<String>, List<T>> byKey = new LinkedHashMap<>();
    int outside = 0;
    for (T row : rows) {
      if (!window.admits(received.apply(row))) {
        outside++;
        continue;
      }
      byKey.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    ImmutableList.Builder<T> kept = ImmutableList.builder();
    int older = 0;
    for (List<T> versions : byKey.values()) {
      T latest = versions.stream().max(order).orElseThrow();
      for (T version : versions) {
        if (order.compare(version, latest) == 0) {
          kept.add(version);
        } else {
          older++;
        }
      }
    }
    return new Result<>(kept.build(), older, outside);
  }
}
