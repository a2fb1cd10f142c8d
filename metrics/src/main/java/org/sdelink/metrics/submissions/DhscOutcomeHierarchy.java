package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sdelink.metrics.salt.Spellings;

/**
 * DHSC's event-outcome hierarchy, {@code ASC_Sandbox.REF_Event_Outcome_Hierarchy_R2} (columns
 * {@code Event_Outcome_Hierarchy}, {@code Event_Outcome_Spec}): published as the table of
 * {@code Main_tables/docs/methodology/6-deduplication.md} of {@code DataS-DHSC/ASC-CLD-LA-Dashboard}, joined by
 * {@code GetDerivedFields} on the Release 2 spelling of the outcome. It ranks the versions of one unique event in
 * {@code GetUniqueEvents} (lowest first) and, with a penalty, the concluding outcomes of ASCOF 2A.
 *
 * <p>sdelink's rows carry outcomes in their Release 1 spelling ({@link Spellings#canonical}); {@link #spec} brings one
 * back to its Release 2 specification value. DHSC's own Release 1 to Release 2 mapping
 * ({@code REF_Event_Outcome_Mapping}) is not published: Release 1 outcomes that {@link Spellings} pairs with a
 * Release 2 value take that value, {@code Progress to Re-assessment / Unplanned Review} is read as {@code Progress to
 * assessment, review or reassessment}, and the Release-1-only {@code Progress to End of Life Care}, {@code Progress to
 * financial assessment} and {@code Provision of service} as {@code Release 1 specification only: Not mapped}
 * (docs/statistics.md, deviation A9). A blank outcome or one in no list has no rank ({@link #UNRANKED}, the code's
 * {@code COALESCE(..., 999)}).
 */
public final class DhscOutcomeHierarchy {
  /** The rank of an outcome the table does not hold (the code's {@code 999}). */
  public static final int UNRANKED = 999;
  /** The Release 2 value DHSC gives Release 1 outcomes it cannot map. */
  public static final String RELEASE_1_NOT_MAPPED = "Release 1 specification only: Not mapped";

  /** The table, in rank order (rank = position + 1). */
  public static final ImmutableList<String> SPECS = ImmutableList.of(
      "Progress to reablement/ST-Max",
      "Progress to assessment, review or reassessment",
      RELEASE_1_NOT_MAPPED,
      "Progress to support planning or services",
      "Continuation of support or services",
      "Admitted to hospital",
      "NFA: Responsibility moved to another local authority",
      "NFA: Referral to NHS services or NHS funded social care",
      "NFA: Self-funded client or under 12wk disregard",
      "NFA: Information and advice or signposting",
      "NFA: Referral to other service within the local authority",
      "NFA: Support declined",
      "NFA: Deceased",
      "NFA: Support ended as planned",
      "NFA: Support ended for other reason",
      "NFA: No services offered for other reason",
      "NFA: Other");

  /** Release-1-only outcomes (in their canonical spelling) with a meaning in Release 2 beyond {@link Spellings}. */
  private static final ImmutableMap<String, String> RELEASE_1_EXTRA = ImmutableMap.of(
      "Progress to Re-assessment / Unplanned Review", "Progress to assessment, review or reassessment",
      "Progress to End of Life Care", RELEASE_1_NOT_MAPPED,
      "Progress to financial assessment", RELEASE_1_NOT_MAPPED,
      "Provision of service", RELEASE_1_NOT_MAPPED);

  private static final ImmutableMap<String, Integer> RANK_BY_FOLDED_SPEC = ranks();
  private static final ImmutableMap<String, String> SPEC_BY_FOLDED_CANONICAL = specs();

  private DhscOutcomeHierarchy() {}

  private static ImmutableMap<String, Integer> ranks() {
    ImmutableMap.Builder<String, Integer> ranks = ImmutableMap.builder();
    for (int i = 0; i < SPECS.size(); i++) {
      ranks.put(fold(SPECS.get(i)), i + 1);
    }
    return ranks.buildOrThrow();
  }

  private static ImmutableMap<String, String> specs() {
    Map<String, String> byCanonical = new HashMap<>();
    for (String spec : SPECS) {
      byCanonical.put(fold(Spellings.canonical(spec)), spec);
    }
    RELEASE_1_EXTRA.forEach((release1, spec) -> byCanonical.put(fold(release1), spec));
    return ImmutableMap.copyOf(byCanonical);
  }

  private static String fold(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The Release 2 specification value of an outcome in either release (any letter case, trimmed), or the empty
   * string when it has none (blank or unknown: the code's {@code Event_Outcome_Cleaned} is then not in the table).
   */
  public static String spec(String outcome) {
    checkNotNull(outcome, "outcome");
    if (outcome.isBlank()) {
      return "";
    }
    String direct = SPEC_BY_FOLDED_CANONICAL.get(fold(Spellings.canonical(outcome)));
    return direct == null ? "" : direct;
  }

  /** The rank of an outcome in either release: 1 (best) to 17, or {@link #UNRANKED}. */
  public static int rank(String outcome) {
    String spec = spec(outcome);
    return spec.isEmpty() ? UNRANKED : RANK_BY_FOLDED_SPEC.get(fold(spec));
  }
}
