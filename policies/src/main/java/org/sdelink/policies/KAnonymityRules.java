package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The k-anonymity settings of a policy: the quasi-identifiers of each released dataset, k, and the most that may be
 * suppressed. Datasets that release {@code person_id} are checked per person across all of them (see
 * {@code kanonymity.LinkedQuasiIdentifiers}); others on their own, per record.
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
