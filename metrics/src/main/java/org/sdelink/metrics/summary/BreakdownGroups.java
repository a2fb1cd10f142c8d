package org.sdelink.metrics.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;

/** The group of one discharge in each breakdown. Blank values are stored as {@link Breakdown#UNKNOWN_GROUP}. */
public record BreakdownGroups(String ageBand, String sex, String la, String socialCareAtDischarge)
    implements Serializable {

  public BreakdownGroups {
    ageBand = orUnknown(ageBand);
    sex = orUnknown(sex);
    la = orUnknown(la);
    socialCareAtDischarge = orUnknown(socialCareAtDischarge);
  }

  /** The groups of a discharge; blank sex or LA become {@code unknown}. */
  public static BreakdownGroups of(AgeBand ageBand, String sex, String la, boolean socialCareAtDischarge) {
    checkNotNull(ageBand, "ageBand");
    return new BreakdownGroups(ageBand.label(), sex, la, socialCareAtDischarge ? "yes" : "no");
  }

  /** The group in {@code breakdown}; {@code all} for {@link Breakdown#ALL}. */
  public String group(Breakdown breakdown) {
    return switch (breakdown) {
      case ALL -> Breakdown.ALL_GROUP;
      case AGE_BAND -> ageBand;
      case SEX -> sex;
      case LA -> la;
      case SOCIAL_CARE_AT_DISCHARGE -> socialCareAtDischarge;
    };
  }

  private static String orUnknown(String value) {
    String trimmed = value == null ? "" : value.trim();
    return trimmed.isEmpty() ? Breakdown.UNKNOWN_GROUP : trimmed;
  }
}
