package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The k-anonymity settings of a policy: every combination of quasi-identifier values in a released dataset must be
 * shared by at least {@code k} records, after generalisation and suppressing at most {@code maxSuppressedFraction} of
 * the records.
 */
public record KAnonymityRules(
    int k, double maxSuppressedFraction, ImmutableMap<String, ImmutableList<QuasiIdentifierRule>> quasiIdentifiers) {

  public KAnonymityRules {
    checkNotNull(quasiIdentifiers, "quasiIdentifiers");
  }

  /** The quasi-identifiers declared for {@code dataset}, in declaration order (empty when none). */
  public ImmutableList<QuasiIdentifierRule> forDataset(String dataset) {
    return quasiIdentifiers.getOrDefault(dataset, ImmutableList.of());
  }
}
