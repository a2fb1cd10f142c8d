package org.sdelink.policies.kanonymity;

/** No generalisation within the ladders reaches k without suppressing more records than the policy allows. */
public final class KAnonymityNotReachedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient KAnonymityResult best;

  KAnonymityNotReachedException(KAnonymityResult best) {
    super("k-anonymity not reached: the best generalisation still suppresses more records than the policy allows ("
        + best.summary() + "). Add coarser levels to the ladders in k_anonymity.quasi_identifiers"
        + (best.dataset().isEmpty() ? "" : "." + best.dataset())
        + ", drop a quasi-identifier, or (after IG review) raise k_anonymity.max_suppressed_fraction.");
    this.best = best;
  }

  /** For the person-level gate, whose result the caller keeps. */
  KAnonymityNotReachedException(String message) {
    super(message);
    this.best = null;
  }

  /**
   * The least-suppressing decision the per-dataset gate found, for the dry-run report ({@code null} when the
   * person-level gate threw).
   */
  public KAnonymityResult best() {
    return best;
  }
}
