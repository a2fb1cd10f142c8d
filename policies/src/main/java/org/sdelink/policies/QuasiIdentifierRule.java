package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A quasi-identifier of one dataset and its generalisation ladder: the level names (e.g. {@code age-band-10y},
 * {@code age-band-20y}, {@code withheld}) the k-anonymity gate may climb, coarsest last. Level 0, the value as
 * released by the field's action, is implicit.
 */
public record QuasiIdentifierRule(String dataset, String field, ImmutableList<String> ladder) {

  public QuasiIdentifierRule {
    checkNotNull(dataset, "dataset");
    checkNotNull(field, "field");
    checkNotNull(ladder, "ladder");
  }
}
