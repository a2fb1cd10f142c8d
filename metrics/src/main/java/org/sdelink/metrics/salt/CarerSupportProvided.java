package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The LTS003 "support provided" category of a carer's event, and the hierarchy that counts a carer once (SALT LTS003
 * replication code, {@code #LTS003_CASE} and {@code #REF_CARER_SUPPORT_HIERARCHY}; Principles p.33). Which events
 * count at all is {@link #inCohort}.
 */
public final class CarerSupportProvided {
  static final String DIRECT = "Carer Support: Direct to Carer";
  static final String INVOLVING = "Carer Support: Support involving the person cared-for";
  static final String SIGNPOSTING = "NFA - Information & Advice / Signposting only";
  static final String INFORMATION = "Information, Advice and Other Universal Services / Signposting";
  static final String NO_DIRECT = "No Direct Support Provided to Carer";

  /** The categories, highest first. */
  public static final ImmutableList<String> HIERARCHY = ImmutableList.of(
      "Direct Payment only", "CASSR Managed Personal Budget", "CASSR Commissioned Support only",
      "Support Direct to Carer: Unknown Delivery Mech", INFORMATION, NO_DIRECT);

  private CarerSupportProvided() {}

  /**
   * The code's cohort filter: a carer-support service, an assessment or review without service type, or any event
   * without service type whose outcome is signposting.
   */
  public static boolean inCohort(SaltEvent e) {
    checkNotNull(e, "e");
    boolean noService = e.serviceType().isEmpty();
    return (noService && e.outcome().equals(SIGNPOSTING))
        || e.serviceType().equals(DIRECT) || e.serviceType().equals(INVOLVING)
        || ((e.is(SaltEvent.ASSESSMENT) || e.is(SaltEvent.REVIEW)) && noService);
  }

  /** The category of one cohort event; empty when the code's CASE gives none. */
  public static Optional<String> of(SaltEvent e) {
    checkNotNull(e, "e");
    if (e.serviceType().equals(DIRECT)) {
      switch (e.deliveryMechanism()) {
        case "Direct Payment": return Optional.of(HIERARCHY.get(0));
        case "CASSR Managed Personal Budget": return Optional.of(HIERARCHY.get(1));
        case "CASSR Commissioned Support": return Optional.of(HIERARCHY.get(2));
        default: return Optional.of(HIERARCHY.get(3));
      }
    }
    if (e.serviceType().equals(INVOLVING)) {
      return Optional.of(NO_DIRECT);
    }
    if (e.is(SaltEvent.ASSESSMENT) || e.is(SaltEvent.REVIEW)) {
      return Optional.of(e.outcome().equals(SIGNPOSTING) ? INFORMATION : NO_DIRECT);
    }
    if (e.is(SaltEvent.REQUEST)) {
      return Optional.of(INFORMATION);
    }
    return Optional.empty();
  }

  /** The highest category among a carer's events. */
  public static Optional<String> best(List<SaltEvent> events) {
    return events.stream().map(CarerSupportProvided::of).flatMap(Optional::stream)
        .min((a, b) -> Integer.compare(HIERARCHY.indexOf(a), HIERARCHY.indexOf(b)));
  }
}
