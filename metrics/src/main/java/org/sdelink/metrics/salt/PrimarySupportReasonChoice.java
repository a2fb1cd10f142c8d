package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The primary support reason a long-term client is counted under, among the rows of the chosen setting (SALT LTS001a
 * replication code, {@code _PSR_Known}, {@code _COMBINED}, {@code _PSR_Duplicates}; Principles p.23): rows with a known
 * reason (not blank, not {@code Unknown}) are preferred; of those, the rows with the latest start; a reason outside the
 * defined list reads {@code Invalid/NULL}; if the remaining rows still disagree the client is counted under
 * {@code Unknown}.
 */
public final class PrimarySupportReasonChoice {
  public static final String UNKNOWN = "Unknown";
  public static final String INVALID = "Invalid/NULL";

  static final ImmutableSet<String> DEFINED = ImmutableSet.of(
      "Physical Support: Access & mobility only", "Physical Support: Personal care support",
      "Sensory Support: Support for visual impairment", "Sensory Support: Support for hearing impairment",
      "Sensory Support: Support for dual impairment", "Support with Memory & Cognition",
      "Learning Disability Support", "Mental Health Support", "Social Support: Substance misuse support",
      "Social Support: Asylum seeker support", "Social Support: Support for Social Isolation/Other",
      "Social Support: Support to Carer", UNKNOWN);

  private PrimarySupportReasonChoice() {}

  /** The reason a client with these rows (all of one setting) is counted under. */
  public static String of(List<SaltEvent> rows) {
    checkArgument(!rows.isEmpty(), "a client has at least one row");
    boolean anyKnown = rows.stream().anyMatch(PrimarySupportReasonChoice::known);
    List<SaltEvent> preferred = rows.stream().filter(r -> known(r) == anyKnown).toList();
    LocalDate latest = preferred.stream().map(SaltEvent::start).max(Comparator.naturalOrder()).orElseThrow();
    List<String> reasons = preferred.stream().filter(r -> r.start().equals(latest))
        .map(r -> DEFINED.contains(r.primarySupportReason()) ? r.primarySupportReason() : INVALID)
        .distinct().toList();
    return reasons.size() == 1 ? reasons.get(0) : UNKNOWN;
  }

  private static boolean known(SaltEvent row) {
    return !row.primarySupportReason().isEmpty() && !row.primarySupportReason().equals(UNKNOWN);
  }
}
