package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.sdelink.metrics.records.CldEvent;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.salt.Spellings;

/**
 * The key that says two rows of one person, from different submissions, are versions of the same event. Requests:
 * client type, start date, route of access; services: client type, start date, service type, component and delivery
 * mechanism (SALT STS001 replication code, {@code REQUEST_CONC} / {@code SERVICE_CONC}); assessments: client type,
 * start date and assessment type; reviews: client type and start date (DHSC {@code GetUniqueEvents} identifying
 * fields). The end date is never in the key, so a later version that closes an open event replaces it. The council
 * and person are the evaluation's own (every key is within one person). Code values are compared in their Release 1
 * spelling, so a council changing release between submissions keeps its keys.
 */
public final class EventKey {
  private EventKey() {}

  /** The key of {@code event}. */
  public static List<String> of(SaltEvent event) {
    checkNotNull(event, "event");
    String start = event.start().toString();
    return switch (event.eventType()) {
      case SaltEvent.REQUEST -> List.of(event.eventType(), event.clientType(), start, event.routeOfAccess());
      case SaltEvent.SERVICE -> List.of(event.eventType(), event.clientType(), start, event.serviceType(),
          event.serviceComponent(), event.deliveryMechanism());
      case SaltEvent.ASSESSMENT -> List.of(event.eventType(), event.clientType(), start, event.assessmentType());
      default -> List.of(event.eventType(), event.clientType(), start);
    };
  }

  /**
   * The key of a CLD record of a linked person (metrics, report): the council, then the same fields as {@link
   * #of(SaltEvent)}, code values in their Release 1 spelling ({@link Spellings#canonical}).
   */
  public static List<String> of(CldEvent event) {
    checkNotNull(event, "event");
    String type = Spellings.canonical(event.eventType());
    String client = Spellings.canonical(event.clientType());
    String start = String.valueOf(event.eventStart());
    return switch (type) {
      case SaltEvent.REQUEST -> List.of(event.laCode(), type, client, start,
          Spellings.canonical(event.requestRouteOfAccess()));
      case SaltEvent.SERVICE -> List.of(event.laCode(), type, client, start, Spellings.canonical(event.serviceType()),
          Spellings.canonical(event.serviceComponent()), Spellings.canonical(event.deliveryMechanism()));
      case SaltEvent.ASSESSMENT -> List.of(event.laCode(), type, client, start,
          Spellings.canonical(event.assessmentType()));
      default -> List.of(event.laCode(), type, client, start);
    };
  }
}
