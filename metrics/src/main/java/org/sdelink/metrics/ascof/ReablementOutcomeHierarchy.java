package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import org.sdelink.metrics.salt.OutcomeHierarchy;

/**
 * The event-outcome hierarchy of ASCOF 2A: which outcome wins when several could conclude a reablement episode (lowest
 * rank wins), and which outcomes are usable at all (rank below {@link #UNUSABLE}).
 *
 * <p>DHSC's code joins {@code ASC_Sandbox.REF_Event_Outcome_Hierarchy_R2}, which is not published. sdelink substitutes
 * NHS England's 2023/24 {@code #REF_Event_Outcome_Hierarchy} (ASCOF 2A replication code; the same table as SALT's
 * {@link OutcomeHierarchy}, with its three never-matching labels ranked as intended) and then applies DHSC's own
 * penalty: outcomes that say nothing about what followed ({@code Continuation of support or services}, {@code Progress
 * to support planning or services}, {@code Progress to assessment, review or reassessment}, {@code Progress to
 * reablement/ST-Max}, {@code Release 1 specification only: Not mapped}) get {@code +100}. In Release 1 spelling these
 * are {@code No change in package}, {@code Provision of service} (the generator's and sdelink's reading: Continuation),
 * the three {@code Progress to ...} assessment outcomes, {@code Progress to Support Planning / Services}, {@code
 * Progress to Reablement/ST-Max}, and the Release-1-only {@code Progress to financial assessment} and {@code Progress to
 * End of Life Care}. A blank outcome, or one in no table, is {@code Invalid and not mapped}, rank {@link #INVALID}.
 * This is deviation A9 of docs/statistics.md.
 */
public final class ReablementOutcomeHierarchy {
  /** Ranks at or above this are not usable as a concluding outcome. */
  public static final int UNUSABLE = 100;
  /** The rank of a blank outcome or one the table does not hold. */
  public static final int INVALID = 999;
  /** The label of such an outcome (the code's {@code COALESCE(Event_Outcome_Cleaned, 'Invalid and not mapped')}). */
  public static final String INVALID_LABEL = "Invalid and not mapped";

  private static final ImmutableSet<String> PENALISED = ImmutableSet.of(
      "no change in package", "provision of service", "progress to support planning / services",
      "progress to assessment", "progress to re-assessment / unplanned review", "progress to reablement/st-max",
      "progress to financial assessment", "progress to end of life care");

  private ReablementOutcomeHierarchy() {}

  /** The rank of a (Release 1 canonical) outcome. */
  public static int rank(String outcome) {
    checkNotNull(outcome, "outcome");
    int rank = OutcomeHierarchy.rank(outcome.trim());
    if (outcome.isBlank() || rank == OutcomeHierarchy.UNRANKED) {
      return INVALID;
    }
    return PENALISED.contains(outcome.trim().toLowerCase(Locale.ROOT)) ? rank + UNUSABLE : rank;
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
