package org.sdelink.pipelines.report;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import org.sdelink.metrics.costs.PersonServiceCosts;

/**
 * The categories the dashboard counts by: a recorded code brought to its Release 1 spelling (compared
 * case-insensitively, so Release 1 and Release 2 submissions fall in one category), {@link #NOT_RECORDED} when blank
 * and {@link #OTHER} when it is none of the listed codes. Categories therefore form a short fixed list: free text
 * typed into a coded field never reaches a page, and the number of cells stays bounded.
 */
public final class EventLabels {
  public static final String NOT_RECORDED = "Not recorded";
  public static final String OTHER = "Other value";

  public static final ImmutableList<String> ROUTES = ImmutableList.of(
      "Discharge from Hospital", "Diversion from Hospital Services", "Community / Other route",
      "Planned Entry (Transition)", "Prison", "Self-Funder", "Discharge from Reablement", "Transfer from Other LA");
  public static final ImmutableList<String> ASSESSMENT_TYPES = ImmutableList.of(
      "Long Term Assessment", "Short Term Assessment", "Financial Assessment");
  public static final ImmutableList<String> REVIEW_REASONS = ImmutableList.of(
      "Planned", "Unplanned - Hospital (Planned and unplanned episodes)", "Unplanned - Carer related",
      "Unplanned - Safeguarding concern", "Unplanned - Other Reason", "Unplanned - Provider Failure",
      "Unplanned - Change in Commissioning arrangements");
  public static final ImmutableList<String> SERVICE_TYPES = ImmutableList.of(
      "Long Term Support: Nursing Care", "Long Term Support: Residential Care", "Long Term Support: Community",
      "Long Term Support: Prison", "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level",
      "Short Term Support: Other Short Term", "Carer Support: Direct to Carer",
      "Carer Support: Support involving the person cared-for");

  public static final String LONG_TERM = "Long-term support";
  public static final String SHORT_TERM = "Short-term support";
  public static final String CARER_SUPPORT = "Carer support";
  public static final ImmutableList<String> SUPPORT_TERMS =
      ImmutableList.of(LONG_TERM, SHORT_TERM, CARER_SUPPORT, OTHER, NOT_RECORDED);

  public static final String PLANNED = "Planned";
  public static final String UNPLANNED = "Unplanned";
  public static final ImmutableList<String> REVIEW_TYPES = ImmutableList.of(PLANNED, UNPLANNED, OTHER, NOT_RECORDED);

  /** Release 2 carer-support service types, which differ from Release 1 in more than case. */
  private static final ImmutableList<String> RELEASE_2_CARER_TYPES = ImmutableList.of(
      "Unpaid carer support: Direct to unpaid carer", "Unpaid carer support: Support involving the person cared-for");

  private EventLabels() {}

  /** Request_Route_of_Access as a category. */
  public static String route(String recorded) {
    return listed(recorded, ROUTES);
  }

  /** Assessment_Type as a category. */
  public static String assessmentType(String recorded) {
    return listed(recorded, ASSESSMENT_TYPES);
  }

  /** Review_Reason as a category. */
  public static String reviewReason(String recorded) {
    return listed(recorded, REVIEW_REASONS);
  }

  /** Service_Type as a category, in the Release 1 spelling of the metrics' cost rule. */
  public static String serviceType(String recorded) {
    if (recorded == null || recorded.isBlank()) {
      return NOT_RECORDED;
    }
    String spelled = PersonServiceCosts.serviceType(recorded);
    if (SERVICE_TYPES.contains(spelled)) {
      return spelled;
    }
    for (int i = 0; i < RELEASE_2_CARER_TYPES.size(); i++) {
      if (RELEASE_2_CARER_TYPES.get(i).equalsIgnoreCase(spelled)) {
        return SERVICE_TYPES.get(7 + i);
      }
    }
    return OTHER;
  }

  /** Long-term, short-term or carer support, from a {@link #serviceType} category. */
  public static String supportTerm(String serviceTypeLabel) {
    if (serviceTypeLabel.startsWith("Long Term Support")) {
      return LONG_TERM;
    }
    if (serviceTypeLabel.startsWith("Short Term Support")) {
      return SHORT_TERM;
    }
    if (serviceTypeLabel.startsWith("Carer Support")) {
      return CARER_SUPPORT;
    }
    return serviceTypeLabel.equals(NOT_RECORDED) ? NOT_RECORDED : OTHER;
  }

  /** Planned or unplanned, from a {@link #reviewReason} category. */
  public static String reviewType(String reviewReasonLabel) {
    if (reviewReasonLabel.equals(PLANNED)) {
      return PLANNED;
    }
    if (reviewReasonLabel.startsWith("Unplanned")) {
      return UNPLANNED;
    }
    return reviewReasonLabel.equals(NOT_RECORDED) ? NOT_RECORDED : OTHER;
  }

  private static String listed(String recorded, List<String> codes) {
    if (recorded == null || recorded.isBlank()) {
      return NOT_RECORDED;
    }
    String wanted = recorded.trim().toLowerCase(Locale.ROOT);
    for (String code : codes) {
      if (code.toLowerCase(Locale.ROOT).equals(wanted)) {
        return code;
      }
    }
    return OTHER;
  }
}
