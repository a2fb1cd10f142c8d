package org.sdelink.metrics.tables;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.records.RecordDates;
import org.sdelink.metrics.spells.HospitalSpell;

/**
 * One row of a person's journey: a CLD event or a hospital spell, with its dates and categorical fields. CLD
 * categorical fields are kept as submitted; {@code type} is the lower-cased CLD Event_Type ({@code request}, {@code
 * assessment}, {@code service}, {@code review}, else {@code other}) or {@code spell}. See {@link #HEADER}.
 */
public record JourneyRow(
    String personId,
    int seq,
    String source,
    String type,
    @Nullable LocalDate start,
    @Nullable LocalDate end,
    String recordId,
    String laCode,
    String provider,
    String clientType,
    String primarySupportReason,
    String eventOutcome,
    String requestRouteOfAccess,
    String assessmentType,
    String eligibleNeedsIdentified,
    String serviceType,
    String serviceComponent,
    String deliveryMechanism,
    String reviewReason,
    String reviewOutcomesAchieved,
    String admissionMethod,
    String dischargeMethod,
    String dischargeDestination,
    int episodes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code source} of CLD rows. */
  public static final String SOURCE_CLD = "cld";
  /** {@code source} of hospital spell rows. */
  public static final String SOURCE_APC = "apc";
  /** {@code type} of hospital spell rows. */
  public static final String TYPE_SPELL = "spell";

  private static final ImmutableSet<String> CLD_TYPES = ImmutableSet.of("request", "assessment", "service", "review");

  /** The header of {@code journeys.csv}. */
  public static final ImmutableList<String> HEADER = ImmutableList.of(
      "person_id", "seq", "source", "type", "start", "end", "record_id", "la_code", "provider", "client_type",
      "primary_support_reason", "event_outcome", "request_route_of_access", "assessment_type",
      "eligible_needs_identified", "service_type", "service_component", "delivery_mechanism", "review_reason",
      "review_outcomes_achieved", "admission_method", "discharge_method", "discharge_destination", "episodes");

  /**
   * Timeline order within a person: start (missing last), then source ({@code apc} before {@code cld}), then end
   * (missing last), then record id.
   */
  public static final Comparator<JourneyRow> TIMELINE_ORDER =
      Comparator.comparing(JourneyRow::start, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(JourneyRow::source)
          .thenComparing(JourneyRow::end, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(JourneyRow::recordId);

  public JourneyRow {
    checkNotNull(personId, "personId");
    checkArgument(seq >= 0, "seq must not be negative");
    checkNotNull(source, "source");
    checkNotNull(type, "type");
    checkNotNull(recordId, "recordId");
  }

  /** The row of a CLD event (seq 0 until {@link #withSeq}). */
  public static JourneyRow ofEvent(String personId, CldEvent event) {
    String type = Ascii.toLowerCase(event.eventType());
    return new JourneyRow(personId, 0, SOURCE_CLD, CLD_TYPES.contains(type) ? type : "other", event.eventStart(),
        event.eventEnd(), event.recordId(), event.laCode(), "", event.clientType(), event.primarySupportReason(),
        event.eventOutcome(), event.requestRouteOfAccess(), event.assessmentType(), event.eligibleNeedsIdentified(),
        event.serviceType(), event.serviceComponent(), event.deliveryMechanism(), event.reviewReason(),
        event.reviewOutcomesAchieved(), "", "", "", 0);
  }

  /** The row of a hospital spell (seq 0 until {@link #withSeq}); end is blank for an unfinished spell. */
  public static JourneyRow ofSpell(String personId, HospitalSpell spell) {
    return new JourneyRow(personId, 0, SOURCE_APC, TYPE_SPELL, spell.admissionDate(), spell.dischargeDate(),
        spell.firstRecordId(), "", spell.provider(), "", "", "", "", "", "", "", "", "", "", "",
        spell.admissionMethod(), spell.dischargeMethod(), spell.dischargeDestination(), spell.episodes().size());
  }

  /** This row with its 1-based position in the person's timeline. */
  public JourneyRow withSeq(int newSeq) {
    return new JourneyRow(personId, newSeq, source, type, start, end, recordId, laCode, provider, clientType,
        primarySupportReason, eventOutcome, requestRouteOfAccess, assessmentType, eligibleNeedsIdentified, serviceType,
        serviceComponent, deliveryMechanism, reviewReason, reviewOutcomesAchieved, admissionMethod, dischargeMethod,
        dischargeDestination, episodes);
  }

  /** The values in {@link #HEADER} order. */
  public ImmutableList<String> values() {
    return ImmutableList.of(personId, Integer.toString(seq), source, type, RecordDates.format(start),
        RecordDates.format(end), recordId, laCode, provider, clientType, primarySupportReason, eventOutcome,
        requestRouteOfAccess, assessmentType, eligibleNeedsIdentified, serviceType, serviceComponent,
        deliveryMechanism, reviewReason, reviewOutcomesAchieved, admissionMethod, dischargeMethod,
        dischargeDestination, source.equals(SOURCE_APC) ? Integer.toString(episodes) : "");
  }
}
