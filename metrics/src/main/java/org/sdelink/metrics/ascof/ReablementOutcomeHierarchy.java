package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import org.sdelink.metrics.submissions.DhscOutcomeHierarchy;

/**
 * The event-outcome hierarchy of ASCOF 2A: which outcome wins when several could conclude a reablement episode (lowest
 * rank wins), and which outcomes are usable at all (rank below {@link #UNUSABLE}).
 *
 * <p>DHSC's code ({@code Create_ASCOF_2A_2425_Onwards.sql}, {@code #REF_Event_Outcome_Hierarchy_UTC}) takes
 * {@code ASC_Sandbox.REF_Event_Outcome_Hierarchy_R2} ({@link DhscOutcomeHierarchy}, the table published with DHSC's
 * de-duplication method) and adds 100 to the outcomes that say nothing about what followed: {@code Continuation of
 * support or services}, {@code Progress to support planning or services}, {@code Progress to assessment, review or
 * reassessment}, {@code Progress to reablement/ST-Max} and {@code Release 1 specification only: Not mapped} (its list
 * also names {@code Invalid and not mapped}, which the table does not hold). A blank outcome, or one in no table, is
 * {@code Invalid and not mapped}, rank {@link #INVALID} (the code's {@code COALESCE(..., 999)}). Release 1 outcomes are
 * read through {@link DhscOutcomeHierarchy#spec} (deviation A9 of docs/statistics.md: DHSC's Release 1 mapping table is
 * not published).
 */
public final class ReablementOutcomeHierarchy {
  /** Ranks at or above this are not usable as a concluding outcome. */
  public static final int UNUSABLE = 100;
  /** The rank of a blank outcome or one the table does not hold. */
  public static final int INVALID = DhscOutcomeHierarchy.UNRANKED;
  /** The label of such an outcome (the code's {@code COALESCE(Event_Outcome_Cleaned, 'Invalid and not mapped')}). */
  public static final String INVALID_LABEL = "Invalid and not mapped";

  private static final ImmutableSet<String> PENALISED = ImmutableSet.of(
      "Continuation of support or services", "Progress to support planning or services",
      "Progress to assessment, review or reassessment", "Progress to reablement/ST-Max",
      DhscOutcomeHierarchy.RELEASE_1_NOT_MAPPED);

  private ReablementOutcomeHierarchy() {}

  /** The rank of an outcome in either release. */
  public static int rank(String outcome) {
    checkNotNull(outcome, "outcome");
    int rank = DhscOutcomeHierarchy.rank(outcome);
    if (rank == DhscOutcomeHierarchy.UNRANKED) {
      return INVALID;
    }
    return PENALISED.contains(DhscOutcomeHierarchy.spec(outcome)) ? rank + UNUSABLE : rank;
  }

  /** True when the outcome can conclude an episode (rank below {@link #UNUSABLE}). */
  public static boolean usable(String outcome) {
    return rank(outcome) < UNUSABLE;
  }

  /** The outcome as a sequel label: the trimmed text, or {@link #INVALID_LABEL} when blank. */
  public static String label(String outcome) {
    checkNotNull(outcome, "outcome");
    return outcome.isBlank() ? INVALID_LABEL : outcome.trim();
  }
}
