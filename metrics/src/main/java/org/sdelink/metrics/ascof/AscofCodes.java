package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * The CLD code values the ASCOF rules read. Event, client and service types, delivery mechanisms and outcomes arrive
 * in their Release 1 spelling ({@code salt.Spellings}); the DHSC code reads the Release 2 spelling after mapping, so
 * each constant here is the Release 1 spelling of the value the code names. Service components are not in that list:
 * {@link #component} folds both releases' spellings of the components the rules name.
 */
final class AscofCodes {
  static final String NURSING = "Long Term Support: Nursing Care";
  static final String RESIDENTIAL = "Long Term Support: Residential Care";
  static final String COMMUNITY = "Long Term Support: Community";
  static final String PRISON = "Long Term Support: Prison";
  static final String ST_MAX = "Short Term Support: ST-Max";
  static final String CARER_DIRECT = "Carer Support: Direct to Carer";
  static final String CARER_INVOLVING_CARED_FOR = "Carer Support: Support involving the person cared-for";

  static final String DIRECT_PAYMENT = "Direct Payment";
  static final String MANAGED_BUDGET = "CASSR Managed Personal Budget";
  static final String COMMISSIONED = "CASSR Commissioned Support";

  static final String SELF_FUNDED = "NFA - Self-funded client (Inc. 12wk disregard)";
  static final String INFORMATION_AND_ADVICE = "NFA - Information & Advice / Signposting only";

  static final String LEARNING_DISABILITY = "Learning Disability Support";

  /** Service components the rules name, by their folded spelling in either release. */
  static final String COMPONENT_DIRECT_PAYMENT = "Direct payment";
  static final String COMPONENT_SHARED_LIVES = "Shared Lives";
  static final String COMPONENT_EXTRA_CARE = "Extra care housing";
  static final String COMPONENT_SUPPORTED_LIVING = "Community supported living";
  static final String COMPONENT_HOME_SUPPORT = "Home support or domiciliary care";
  static final String COMPONENT_EQUIPMENT = "Equipment";

  private static final ImmutableMap<String, String> COMPONENTS = ImmutableMap.<String, String>builder()
      .put("direct payment", COMPONENT_DIRECT_PAYMENT)
      .put("shared lives", COMPONENT_SHARED_LIVES)
      .put("extra care housing", COMPONENT_EXTRA_CARE)
      .put("community supported living", COMPONENT_SUPPORTED_LIVING)
      .put("home support or domiciliary care", COMPONENT_HOME_SUPPORT)
      .put("home support", COMPONENT_HOME_SUPPORT) // Release 1
      .put("equipment", COMPONENT_EQUIPMENT)
      .buildOrThrow();

  private AscofCodes() {}

  /** The component's canonical name when it is one the rules name, else the trimmed text (blank stays blank). */
  static String component(SaltEvent event) {
    String text = event.serviceComponent().trim();
    return COMPONENTS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
  }

  /** The component's text contains {@code part}, ignoring case (the code's {@code LIKE '%part%'}). */
  static boolean componentContains(SaltEvent event, String part) {
    return event.serviceComponent().toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** A long-term service: nursing, residential, community or prison. */
  static boolean isLongTermService(SaltEvent event) {
    return event.isService(NURSING) || event.isService(RESIDENTIAL) || event.isService(COMMUNITY)
        || event.isService(PRISON);
  }

  /**
   * Client type Carer or Carer known by association, in either release. {@code Unpaid carer known by association} is
   * matched here because {@code salt.Spellings} does not yet map it.
   */
  static boolean isCarer(SaltEvent event) {
    String type = event.clientType();
    return type.equals("Carer") || type.equalsIgnoreCase("Carer known by association")
        || type.equalsIgnoreCase("Unpaid carer known by association");
  }

  /** Client type Carer known by association, in either release. */
  static boolean isCarerKnownByAssociation(SaltEvent event) {
    String type = event.clientType();
    return type.equalsIgnoreCase("Carer known by association")
        || type.equalsIgnoreCase("Unpaid carer known by association");
  }

  /** The end date is not before the start (the code drops rows whose end precedes their start). */
  static boolean datesValid(SaltEvent event) {
    return event.end() == null || !event.end().isBefore(event.start());
  }
}
