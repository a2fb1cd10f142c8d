package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The ACRO rules for magnitude tables (sums, means or medians of e.g. costs), with ACRO's parameter names: a cell is
 * disclosive when fewer than {@code threshold} contributors make it up ({@code threshold}); when the contributions
 * other than the two largest are less than {@code pRatio} of the largest ({@code p-ratio}); or when the
 * {@code nkN} largest contributions exceed {@code nkK} of the total ({@code nk-rule}).
 */
public record MagnitudeRules(int threshold, double pRatio, int nkN, double nkK, boolean zerosAreDisclosive) {

  public MagnitudeRules {
    checkArgument(threshold >= 1, "threshold must be >= 1");
    checkArgument(pRatio >= 0 && pRatio <= 1, "pRatio must be in [0, 1]");
    checkArgument(nkN >= 1, "nkN must be >= 1");
    checkArgument(nkK > 0 && nkK <= 1, "nkK must be in (0, 1]");
  }

  /** ACRO's default settings: threshold 10, p 0.10, n 2, k 0.90, zeros are disclosive. */
  public static MagnitudeRules acroDefaults() {
    return new MagnitudeRules(10, 0.10, 2, 0.90, true);
  }
}
