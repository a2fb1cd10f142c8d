package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * One person's rows as they stand in DHSC's "joined submissions" main table, the input of every ASCOF procedure
 * (DHSC {@code Main_tables/create_main_table_for_period.sql}, steps 3 and 5):
 * <ol>
 *   <li>{@code FilterToEventsInPeriod}: the derived end date ({@code Der_Event_End_Date}) is the row's date of death
 *       when that falls between the event's start and end (inclusive) or after the start of an open event; requests,
 *       assessments and reviews are kept when their derived end is in the submission's reference period (so an open
 *       one is dropped) and they start by its end; services when they start by its end and end on or after its start
 *       (or are open); every row is dropped whose date of death is before the reference period's start or before the
 *       event's start.</li>
 *   <li>{@code GetUniqueEvents} (joined): one row per DHSC unique event ({@code Der_Unique_Event_Ref} of
 *       {@code GetDerivedFields}: start date, for non-services the derived end date, client type, event type, the
 *       route of access of a request, the type of an assessment, the type and component of a service; the delivery
 *       mechanism is <em>not</em> in it): the row of the latest reference period, then open or latest derived end,
 *       then best outcome rank.</li>
 * </ol>
 * The reference period is the row's stated {@code Reporting_Period_Start_Date} / {@code _End_Date} (a blank bound does
 * not filter): DHSC's is the span of quarters for which its submission selection chose the file, the same for a file
 * chosen for the quarters it states. The code's last tie-breaks ({@code Der_Conversation}, the largest
 * {@code Der_Unique_Record_ID}) are not in the records file; sdelink takes the latest received submission, then the
 * delivery mechanism, component and outcome in text order, so the choice never depends on input order.
 */
public final class JoinedSubmissionRows {
  private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);

  /** The order of the versions of one unique event, preferred first. */
  private static final Comparator<SaltEvent> PREFERRED = Comparator
      .comparing(SaltEvent::reportingPeriodEnd, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing((SaltEvent r) -> r.end() == null ? OPEN : r.end(), Comparator.reverseOrder())
      .thenComparingInt(r -> ReablementOutcomeHierarchy.rank(r.outcome()))
      .thenComparing(SaltEvent::receivedDate, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing(SaltEvent::sourceFile, Comparator.reverseOrder())
      .thenComparing(SaltEvent::deliveryMechanism)
      .thenComparing(SaltEvent::serviceComponent)
      .thenComparing(SaltEvent::outcome);

  /** The order the code defines (reference period, end, outcome rank); versions equal under it tie in the code. */
  private static final Comparator<SaltEvent> CODE_ORDER = Comparator
      .comparing(SaltEvent::reportingPeriodEnd, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing((SaltEvent r) -> r.end() == null ? OPEN : r.end(), Comparator.reverseOrder())
      .thenComparingInt(r -> ReablementOutcomeHierarchy.rank(r.outcome()));

  private JoinedSubmissionRows() {}

  /**
   * How many unique events of {@code rows} have two or more different versions that the code's order does not
   * separate (its {@code Der_Conversation} and record-id tie-breaks decide them; sdelink's own order does here):
   * the size of deviation A11.
   */
  public static int ties(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    Map<List<Object>, List<SaltEvent>> versions = new LinkedHashMap<>();
    for (SaltEvent raw : rows) {
      SaltEvent row = withDerivedEnd(raw);
      if (inPeriod(row)) {
        versions.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
      }
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

  /** The rows of {@code rows} (one council-local person, de-duplicated across submissions) in the joined table. */
  public static ImmutableList<SaltEvent> of(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    Map<List<Object>, SaltEvent> unique = new LinkedHashMap<>();
    for (SaltEvent raw : rows) {
      SaltEvent row = withDerivedEnd(raw);
      if (!inPeriod(row)) {
        continue;
      }
      unique.merge(key(row), row, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
    }
    return ImmutableList.copyOf(new ArrayList<>(unique.values()));
  }

  /** The row with its end replaced by the derived end ({@code Der_Event_End_Date}). */
  static SaltEvent withDerivedEnd(SaltEvent r) {
    LocalDate derived = derivedEnd(r);
    if (derived == r.end()) {
      return r;
    }
    return new SaltEvent(r.sourceFile(), r.receivedDate(), r.laCode(), r.personToken(), r.nhsToken(),
        r.reportingPeriodStart(), r.reportingPeriodEnd(), r.clientType(), r.primarySupportReason(), r.dateOfDeath(),
        r.birthYear(), r.birthMonth(), r.eventType(), r.start(), derived, r.outcome(), r.routeOfAccess(),
        r.assessmentType(), r.serviceType(), r.serviceComponent(), r.deliveryMechanism(), r.reviewReason(),
        r.methodOfReview(), r.accommodationStatus());
  }

  /**
   * {@code CASE WHEN (Date_of_Death BETWEEN Event_Start_Date AND Event_End_Date) OR (Date_of_Death >
   * Event_Start_Date AND Event_End_Date IS NULL) THEN Date_of_Death ELSE Event_End_Date END}.
   */
  static @Nullable LocalDate derivedEnd(SaltEvent r) {
    LocalDate death = r.dateOfDeath();
    if (death == null) {
      return r.end();
    }
    boolean between = r.end() != null && !death.isBefore(r.start()) && !death.isAfter(r.end());
    boolean afterOpenStart = r.end() == null && death.isAfter(r.start());
    return between || afterOpenStart ? death : r.end();
  }

  /** The filter of {@code FilterToEventsInPeriod} on a row whose end is already the derived end. */
  static boolean inPeriod(SaltEvent r) {
    LocalDate refStart = r.reportingPeriodStart();
    LocalDate refEnd = r.reportingPeriodEnd();
    if (refEnd != null && r.start().isAfter(refEnd)) {
      return false;
    }
    boolean kept;
    if (r.is(SaltEvent.SERVICE)) {
      kept = r.end() == null || refStart == null || !r.end().isBefore(refStart);
    } else {
      kept = r.end() != null && (refStart == null || !r.end().isBefore(refStart))
          && (refEnd == null || !r.end().isAfter(refEnd));
    }
    LocalDate death = r.dateOfDeath();
    return kept && (death == null
        || ((refStart == null || !death.isBefore(refStart)) && !death.isBefore(r.start())));
  }

  /** {@code Der_Unique_Event_Ref} within one council-local person. */
  static List<Object> key(SaltEvent r) {
    boolean service = r.is(SaltEvent.SERVICE);
    List<Object> key = new ArrayList<>(7);
    key.add(r.start());
    key.add(service || r.end() == null ? "" : r.end());
    key.add(r.clientType().toLowerCase(java.util.Locale.ROOT));
    key.add(r.eventType());
    key.add(r.is(SaltEvent.REQUEST) ? r.routeOfAccess().toLowerCase(java.util.Locale.ROOT) : "");
    key.add(r.is(SaltEvent.ASSESSMENT) ? r.assessmentType().toLowerCase(java.util.Locale.ROOT) : "");
    key.add(service ? r.serviceType().toLowerCase(java.util.Locale.ROOT) : "");
    key.add(service ? r.serviceComponent().toLowerCase(java.util.Locale.ROOT) : "");
    return key;
  }
}
