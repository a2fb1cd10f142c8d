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
 * DHSC's de-duplication of the joined table ({@code GetUniqueEvents} with {@code @Submissions = 'Joined'}): one row per
 * unique event ({@code Der_Unique_Event_Ref}, {@link ServiceCropping#eventKey}), the version of the latest reference
 * period, then the open or latest-ending one, then the best outcome ({@link DhscOutcomeHierarchy}). The code's last
 * two orders, {@code Der_Conversation} and the largest {@code Der_Unique_Record_ID} (database load order), are not in
 * sdelink's records: the latest received file, then the later file name, then the row's delivery mechanism, component
 * and outcome in text order, so the choice never depends on input order (docs/statistics.md, deviation A10).
 */
public final class UniqueEvents {
  private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);

  /** The order of the versions of one unique event, preferred first. */
  static final Comparator<SaltEvent> PREFERRED = Comparator
      .comparing(SaltEvent::reportingPeriodEnd, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing((SaltEvent r) -> r.end() == null ? OPEN : r.end(), Comparator.reverseOrder())
      .thenComparingInt(r -> DhscOutcomeHierarchy.rank(r.outcome()))
      .thenComparing(SaltEvent::receivedDate, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing(SaltEvent::sourceFile, Comparator.reverseOrder())
      .thenComparing(SaltEvent::deliveryMechanism)
      .thenComparing(SaltEvent::serviceComponent)
      .thenComparing(SaltEvent::outcome);

  /** The order the code defines (reference period, end, outcome rank); versions equal under it tie in the code. */
  static final Comparator<SaltEvent> CODE_ORDER = Comparator
      .comparing(SaltEvent::reportingPeriodEnd, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing((SaltEvent r) -> r.end() == null ? OPEN : r.end(), Comparator.reverseOrder())
      .thenComparingInt(r -> DhscOutcomeHierarchy.rank(r.outcome()));

  private UniqueEvents() {}

  /**
   * How many unique events of {@code rows} have two or more different versions that the code's order does not
   * separate (its {@code Der_Conversation} and record-id tie-breaks decide them; sdelink's own order does here): the
   * size of deviation A11.
   */
  public static int ties(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    Map<List<Object>, List<SaltEvent>> versions = new LinkedHashMap<>();
    for (SaltEvent row : rows) {
      versions.computeIfAbsent(ServiceCropping.eventKey(row), k -> new ArrayList<>()).add(row);
    }
    int ties = 0;
    for (List<SaltEvent> v : versions.values()) {
      SaltEvent best = v.stream().min(PREFERRED).orElseThrow();
      long different = v.stream().filter(r -> CODE_ORDER.compare(r, best) == 0)
          .map(r -> List.of(r.deliveryMechanism(), r.serviceComponent(), r.outcome(), r.accommodationStatus(),
              r.primarySupportReason()))
          .distinct().count();
      ties += different > 1 ? 1 : 0;
    }
    return ties;
  }

  /** One row per unique event of one DHSC person, in the order the events first appear in {@code rows}. */
  public static ImmutableList<SaltEvent> of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    Map<List<Object>, SaltEvent> unique = new LinkedHashMap<>();
    for (SaltEvent row : rows) {
      unique.merge(ServiceCropping.eventKey(row), row, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
    }
    return ImmutableList.copyOf(new ArrayList<>(unique.values()));
  }
}
