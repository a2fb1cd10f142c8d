package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One ASCOF measure as a per-person rule: the contributions one person makes to its cells. Each measure is one named
 * class citing the DHSC SQL it re-implements; {@link AscofCatalogue} lists them.
 */
public interface AscofMeasure {
  /** The measure's name in {@code ascof.csv}, e.g. {@code 2B} or {@code 3D_1a}. */
  String name();

  /** The groups the measure is written for, in output order. */
  ImmutableList<String> groups();

  /** True when the value is a rate per 100,000 of the population rather than a percentage of the denominator. */
  default boolean perPopulation() {
    return false;
  }

  /** What {@code person} adds to the measure's cells (empty when the person is outside it). */
  List<Contribution> contributions(AscofPerson person);
}
