package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CLD code values the SALT rules read, in their Release 1 spelling (the spelling of the NHS England replication
 * code's lookup tables), and the Release 2 spellings that mean the same. {@link #canonical} compares case-insensitively
 * after trimming, as SQL Server's default collation does, so a council on either release reaches the same rule; a
 * value in neither list comes back trimmed and unchanged (it then matches no lookup, as in the published code).
 */
public final class Spellings {
  static final ImmutableList<String> RELEASE_1 = ImmutableList.of(
      // Event_Type, Client_Type
      "Request", "Assessment", "Service", "Review", "Service User", "Carer", "Carer known by association",
      // Service_Type
      "Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community",
      "Long Term Support: Prison", "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level",
      "Short Term Support: Other Short Term", "Carer Support: Direct to Carer",
      "Carer Support: Support involving the person cared-for",
      // Delivery_Mechanism
      "Direct Payment", "CASSR Managed Personal Budget", "CASSR Commissioned Support",
      // Event_Outcome
      "Progress to Reablement/ST-Max", "Progress to Assessment", "Admitted to hospital",
      "Progress to Re-assessment / Unplanned Review", "Progress to Support Planning / Services",
      "Progress to End of Life Care", "No change in package", "Service ended as planned",
      "NFA - Moved to another LA", "NFA - 100% NHS funded care", "NFA - Self-funded client (Inc. 12wk disregard)",
      "NFA - Support declined", "NFA - Information & Advice / Signposting only", "NFA - Deceased",
      "NFA - No services offered: Other reason", "NFA - Support ended: Other reason",
      "Progress to financial assessment", "Provision of service", "NFA- Other",
      // Request_Route_of_Access
      "Discharge from Hospital", "Diversion from Hospital Services", "Community / Other route",
      "Transfer from Other LA", "Self-Funder", "Planned Entry (Transition)", "Prison",
      // Review_Reason
      "Planned", "Unplanned - Hospital (Planned and unplanned episodes)", "Unplanned - Carer related",
      "Unplanned - Safeguarding concern", "Unplanned - Other Reason", "Unplanned - Provider Failure",
      "Unplanned - Change in Commissioning arrangements",
      // Method_of_Review
      "Service user only", "Service user and carer", "Carer only",
      // Primary_Support_Reason (the #REF_PSR list of LTS001a)
      "Physical Support: Access & mobility only", "Physical Support: Personal care support",
      "Sensory Support: Support for visual impairment", "Sensory Support: Support for hearing impairment",
      "Sensory Support: Support for dual impairment", "Support with Memory & Cognition",
      "Learning Disability Support", "Mental Health Support", "Social Support: Substance misuse support",
      "Social Support: Asylum seeker support", "Social Support: Support for Social Isolation/Other",
      "Social Support: Support to Carer", "Unknown");

  /** Release 2 spellings that differ from Release 1 by more than letter case, with their Release 1 meaning. */
  static final ImmutableMap<String, String> RELEASE_2 = ImmutableMap.<String, String>builder()
      .put("Unpaid carer", "Carer")
      .put("Unpaid carer known by association", "Carer known by association")
      .put("Unpaid carer support: Direct to unpaid carer", "Carer Support: Direct to Carer")
      .put("Unpaid carer support: Support involving the person cared-for",
          "Carer Support: Support involving the person cared-for")
      .put("Progress to assessment, review or reassessment", "Progress to Assessment")
      .put("Progress to support planning or services", "Progress to Support Planning / Services")
      .put("Continuation of support or services", "No change in package")
      .put("NFA: Support ended as planned", "Service ended as planned")
      .put("NFA: Deceased", "NFA - Deceased")
      .put("NFA: Responsibility moved to another local authority", "NFA - Moved to another LA")
      .put("NFA: Referral to NHS services or NHS funded social care", "NFA - 100% NHS funded care")
      .put("NFA: Information and advice or signposting", "NFA - Information & Advice / Signposting only")
      .put("NFA: Self-funded client or under 12wk disregard", "NFA - Self-funded client (Inc. 12wk disregard)")
      .put("NFA: Support declined", "NFA - Support declined")
      .put("NFA: Support ended for other reason", "NFA - Support ended: Other reason")
      .put("NFA: No services offered for other reason", "NFA - No services offered: Other reason")
      .put("NFA: Other", "NFA- Other")
      // Primary_Support_Reason (DHSC Create_personal_details_table.sql names this Release 2 value)
      .put("Social support: Support to unpaid carer", "Social Support: Support to Carer")
      .buildOrThrow();

  private static final ImmutableMap<String, String> BY_FOLDED = build();

  private Spellings() {}

  private static ImmutableMap<String, String> build() {
    Map<String, String> all = new HashMap<>();
    for (String value : RELEASE_1) {
      all.putIfAbsent(fold(value), value);
    }
    RELEASE_2.forEach((release2, release1) -> all.put(fold(release2), release1));
    return ImmutableMap.copyOf(all);
  }

  private static String fold(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /** The Release 1 spelling of {@code value} (either release, any letter case), or the trimmed value if unknown. */
  public static String canonical(String value) {
    checkNotNull(value, "value");
    String trimmed = value.trim();
    return BY_FOLDED.getOrDefault(fold(trimmed), trimmed);
  }

  /** True when {@code value} is one of the code values this class knows (in either release). */
  public static boolean isKnown(String value) {
    checkNotNull(value, "value");
    return BY_FOLDED.containsKey(fold(value));
  }
}
