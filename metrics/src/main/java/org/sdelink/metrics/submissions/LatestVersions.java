package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * Event de-duplication across submissions: of the rows sharing an {@link EventKey}, only those of the latest received
 * submission are kept (the replication code's {@code DENSE_RANK() OVER (PARTITION BY CONC ORDER BY ImportDate DESC) =
 * 1}: every row of the latest import stays). Rows of submissions outside the window are dropped first. A received date
 * ties with another by file name (the later name wins); a missing received date counts as earliest.
 */
public final class LatestVersions {
  private static final Comparator<SaltEvent> SUBMISSION_ORDER =
      Comparator.comparing(SaltEvent::receivedDate, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(SaltEvent::sourceFile);

  /** The kept rows, and how many rows were dropped as older versions or as received after the window. */
  public record Result(ImmutableList<SaltEvent> kept, int olderVersions, int outsideWindow) {}

  private LatestVersions() {}

  /** The latest version of each event among one person's rows. */
  public static Result of(List<SaltEvent> events, SubmissionWindow window) {
    checkNotNull(events, "events");
    checkNotNull(window, "window");
    Map<List<String>, List<SaltEvent>> byKey = new LinkedHashMap<>();
    int outside = 0;
    for (SaltEvent event : events) {
      if (!window.admits(event.receivedDate())) {
        outside++;
        continue;
      }
      byKey.computeIfAbsent(EventKey.of(event), k -> new ArrayList<>()).add(event);
    }
    ImmutableList.Builder<SaltEvent> kept = ImmutableList.builder();
    int older = 0;
    for (List<SaltEvent> versions : byKey.values()) {
      SaltEvent latest = versions.stream().max(SUBMISSION_ORDER).orElseThrow();
      for (SaltEvent version : versions) {
        if (SUBMISSION_ORDER.compare(version, latest) == 0) {
          kept.add(version);
        } else {
          older++;
        }
      }
    }
    return new Result(kept.build(), older, outside);
  }
}
