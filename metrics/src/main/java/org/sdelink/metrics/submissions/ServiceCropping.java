package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * DHSC's closing of services with a missing or wrong end date ({@code GetDerivedFields}, "Close services with missing
 * or incorrect end dates"; methodology {@code 6-deduplication.md} step 2). A service open at the end of its row's
 * reference period (no end, or an end after it) in any but the council's last reference period is looked for in the
 * next reference period (the one starting the day after); when that period holds no row of the same unique event
 * ({@code Der_Unique_Event_Ref}: start, client type, event type, service type and component of the same person, letter
 * case ignored as SQL Server does), its end becomes the reference period's end. The rows must already carry their
 * reference period as {@code reportingPeriodStart/End} and their derived end ({@link EventsInPeriod#derivedEnd}).
 */
public final class ServiceCropping {
  private ServiceCropping() {}

  /** The rows of one person with the ends of unconfirmed open services cropped. */
  public static ImmutableList<SaltEvent> apply(List<SaltEvent> rows, List<ReportingPeriod> councilPeriods) {
    checkNotNull(rows, "rows");
    checkNotNull(councilPeriods, "councilPeriods");
    LocalDate lastStart = councilPeriods.stream().map(ReportingPeriod::start).max(LocalDate::compareTo).orElse(null);
    Set<List<Object>> present = new HashSet<>();
    for (SaltEvent r : rows) {
      if (r.reportingPeriodStart() != null) {
        present.add(List.of(r.reportingPeriodStart(), eventKey(r)));
      }
    }
    ImmutableList.Builder<SaltEvent> out = ImmutableList.builderWithExpectedSize(rows.size());
    for (SaltEvent r : rows) {
      LocalDate periodStart = r.reportingPeriodStart();
      LocalDate periodEnd = r.reportingPeriodEnd();
      boolean prior = periodStart != null && periodEnd != null && !Objects.equals(periodStart, lastStart);
      boolean openAtEnd = r.end() == null || (periodEnd != null && r.end().isAfter(periodEnd));
      if (r.is(SaltEvent.SERVICE) && prior && openAtEnd
          && !present.contains(List.of(periodEnd.plusDays(1), eventKey(r)))) {
        out.add(r.withEnd(periodEnd));
      } else {
        out.add(r);
      }
    }
    return out.build();
  }

  /** {@code Der_Unique_Event_Ref} of a row within one person (the derived end only for non-services). */
  static List<Object> eventKey(SaltEvent r) {
    boolean service = r.is(SaltEvent.SERVICE);
    return List.of(r.start(), service || r.end() == null ? "" : r.end(), fold(r.clientType()), fold(r.eventType()),
        r.is(SaltEvent.REQUEST) ? fold(r.routeOfAccess()) : "",
        r.is(SaltEvent.ASSESSMENT) ? fold(r.assessmentType()) : "",
        service ? fold(r.serviceType()) : "", service ? fold(r.serviceComponent()) : "");
  }

  private static String fold(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }


}
