package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accommodation status values and whether each counts as living in one's own home or with family for ASCOF 2E (DHSC
 * {@code Create_ASCOF_2E_2425_Onwards.sql} and {@code Create_personal_details_table.sql}, {@code
 * #REF_Accommodation_Status}, {@code Accommodation_Status_Group = 1}). Values are the Release 2 texts of the code; the
 * Release 1 spellings ({@code cld_code_lists.json}) read as their Release 2 meaning, any letter case. A value in
 * neither list is invalid: the code's {@code 'Invalid and not mapped'}, read as {@code Unknown}. Two values are not in
 * the specification: the code derives them from services when the status is unknown ({@link PersonDetails}).
 */
public final class AccommodationStatus {
  public static final String UNKNOWN = "Unknown";
  public static final String PRESUMED_AT_HOME = "Unknown: Presumed at home";
  public static final String PRESUMED_IN_COMMUNITY = "Unknown: Presumed in community";
  static final String NURSING_HOME = "Registered nursing home";
  static final String CARE_HOME = "Registered care home";
  static final String SHARED_LIVES = "Shared Lives scheme";
  static final String SHELTERED = "Sheltered housing, extra care housing or other sheltered housing";
  static final String SUPPORTED = "Supported accommodation, supported lodgings or supported group home";
  static final String PRISON = "Prison, young offenders institution or detention centre";

  private static final ImmutableSet<String> SETTLED = ImmutableSet.of(
      "Owner occupier or shared ownership scheme",
      "Tenant: Local authority or other social housing provider",
      "Tenant: Private landlord",
      "Settled mainstream housing with family or friends",
      SUPPORTED,
      SHARED_LIVES,
      "Approved premises for offenders released from prison or under probation supervision",
      SHELTERED,
      "Mobile accommodation for Gypsy, Roma and Traveller communities",
      PRESUMED_AT_HOME);

  private static final ImmutableSet<String> NOT_SETTLED = ImmutableSet.of(
      "Rough sleeper or squatting",
      "Night shelter, emergency hostel or direct access hostel",
      "Refuge",
      "Placed in temporary accommodation by the council (inc. homelessness resettlement)",
      "Staying with family or friends as a short term guest",
      "Acute hospital or long term healthcare residential facility",
      CARE_HOME,
      NURSING_HOME,
      PRISON,
      "Other temporary accommodation",
      UNKNOWN,
      PRESUMED_IN_COMMUNITY);

  /** Release 1 spellings that differ from Release 2 by more than letter case. */
  private static final ImmutableMap<String, String> RELEASE_1 = ImmutableMap.<String, String>builder()
      .put("Tenant", "Tenant: Local authority or other social housing provider")
      .put("Tenant - private landlord", "Tenant: Private landlord")
      .put("Settled mainstream housing with family / friends", "Settled mainstream housing with family or friends")
      .put("Supported accommodation / supported lodgings / supported group home", SUPPORTED)
      .put("Sheltered housing / extra care housing / other sheltered housing", SHELTERED)
      .put("Mobile accommodation for Gypsy / Roma and Traveller communities",
          "Mobile accommodation for Gypsy, Roma and Traveller communities")
      .put("Rough sleeper / squatting", "Rough sleeper or squatting")
      .put("Night shelter / emergency hostel / direct access hostel",
          "Night shelter, emergency hostel or direct access hostel")
      .put("Staying with family / friends as a short-term guest",
          "Staying with family or friends as a short term guest")
      .put("Acute / long-term healthcare residential facility or hospital",
          "Acute hospital or long term healthcare residential facility")
      .put("Prison / Young offenders institution / detention centre", PRISON)
      .buildOrThrow();

  private static final ImmutableMap<String, String> BY_FOLDED = build();

  private AccommodationStatus() {}

  private static ImmutableMap<String, String> build() {
    Map<String, String> all = new LinkedHashMap<>();
    for (String value : SETTLED) {
      all.put(fold(value), value);
    }
    for (String value : NOT_SETTLED) {
      all.put(fold(value), value);
    }
    RELEASE_1.forEach((r1, r2) -> all.put(fold(r1), r2));
    return ImmutableMap.copyOf(all);
  }

  private static String fold(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /** The Release 2 text of {@code value}; {@link #UNKNOWN} when blank or in neither release's list. */
  public static String canonical(String value) {
    checkNotNull(value, "value");
    return BY_FOLDED.getOrDefault(fold(value), UNKNOWN);
  }

  /** A known status: in the lists and not {@code Unknown} (the code's {@code Der_Accommodation_Known = 1}). */
  public static boolean known(String value) {
    return !canonical(value).equals(UNKNOWN);
  }

  /** Living in one's own home or with family ({@code Accommodation_Status_Group = 1}). */
  public static boolean settled(String canonicalValue) {
    checkNotNull(canonicalValue, "canonicalValue");
    return SETTLED.contains(canonicalValue);
  }
}
