package org.sdelink.metrics.socialcare;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import org.sdelink.metrics.records.CldEvent;

/**
 * The social-care facts the metrics read from CLD events. Strings are compared case-insensitively after trimming, so
 * Release 1 ({@code Long Term Support: Nursing Care}) and Release 2 ({@code Long term support: Nursing care})
 * spellings both match.
 */
public final class SocialCareFacts {
  static final String REQUEST = "Request";
  static final String SERVICE = "Service";
  static final String RESIDENTIAL_CARE = "Long Term Support: Residential Care";
  static final String NURSING_CARE = "Long Term Support: Nursing Care";
  static final String LONG_TERM_SUPPORT_PREFIX = "Long Term Support";
  static final String ST_MAX = "Short Term Support: ST-Max";
  static final String REABLEMENT = "Reablement";
  static final String DISCHARGE_FROM_HOSPITAL = "Discharge from Hospital";

  private SocialCareFacts() {}

  /** Event_Type {@code Service}. */
  public static boolean isService(CldEvent event) {
    return event.eventType().equalsIgnoreCase(SERVICE);
  }

  /** Event_Type {@code Request}. */
  public static boolean isRequest(CldEvent event) {
    return event.eventType().equalsIgnoreCase(REQUEST);
  }

  /** A care-home service: a Service of type Long Term Support: Residential Care or Nursing Care. */
  public static boolean isCareHomeService(CldEvent event) {
    return isService(event)
        && (event.serviceType().equalsIgnoreCase(RESIDENTIAL_CARE)
            || event.serviceType().equalsIgnoreCase(NURSING_CARE));
  }

  /** Long-term support: a Service whose Service_Type starts with {@code Long Term Support}. */
  public static boolean isLongTermSupport(CldEvent event) {
    return isService(event)
        && event.serviceType().regionMatches(true, 0, LONG_TERM_SUPPORT_PREFIX, 0, LONG_TERM_SUPPORT_PREFIX.length());
  }

  /** Reablement: a Service of type Short Term Support: ST-Max with Service_Component Reablement. */
  public static boolean isReablement(CldEvent event) {
    return isService(event)
        && event.serviceType().equalsIgnoreCase(ST_MAX)
        && event.serviceComponent().equalsIgnoreCase(REABLEMENT);
  }

  /** A hospital-route request: a Request whose Request_Route_of_Access is Discharge from Hospital. */
  public static boolean isHospitalRouteRequest(CldEvent event) {
    return isRequest(event) && event.requestRouteOfAccess().equalsIgnoreCase(DISCHARGE_FROM_HOSPITAL);
  }

  /**
   * Open on {@code day}: Event_Start_Date on or before it and Event_End_Date blank or on or after it. An event without
   * a start date is never open.
   */
  public static boolean isOpenOn(CldEvent event, LocalDate day) {
    checkNotNull(day, "day");
    return event.eventStart() != null
        && !event.eventStart().isAfter(day)
        && (event.eventEnd() == null || !event.eventEnd().isBefore(day));
  }

  /** True when {@code event} starts within [{@code first}, {@code last}], both inclusive. */
  public static boolean startsWithin(CldEvent event, LocalDate first, LocalDate last) {
    return event.eventStart() != null && !event.eventStart().isBefore(first) && !event.eventStart().isAfter(last);
  }
}
