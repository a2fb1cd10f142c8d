package org.sdelink.policies.kanonymity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Locale;

/**
 * What the person-level gate decided: the level of each (dataset, field), the figures as released by the policy's
 * actions and at the chosen levels, whether that is within the policy's limit, and the levels it tried on the way.
 */
public final class LinkedKAnonymityResult {
  private final LinkedQuasiIdentifiers linked;
  private final ImmutableList<Integer> levels;
  private final LinkedClassFigures asReleased;
  private final LinkedClassFigures chosen;
  private final boolean withinLimit;
  private final ImmutableList<ImmutableList<Integer>> path;

  LinkedKAnonymityResult(LinkedQuasiIdentifiers linked, ImmutableList<Integer> levels,
      LinkedClassFigures asReleased, LinkedClassFigures chosen, boolean withinLimit,
      List<ImmutableList<Integer>> path) {
    this.linked = linked;
    this.levels = levels;
    this.asReleased = asReleased;
    this.chosen = chosen;
    this.withinLimit = withinLimit;
    this.path = ImmutableList.copyOf(path);
  }

  public LinkedQuasiIdentifiers linked() {
    return linked;
  }

  /** The chosen level vector. */
  public ImmutableList<Integer> levels() {
    return levels;
  }

  /** {@code dataset.field} to the chosen level's name. */
  public ImmutableMap<String, String> levelNames() {
    return linked.levelNames(levels);
  }

  /** The figures before the gate: every quasi-identifier as the policy's actions released it. */
  public LinkedClassFigures asReleased() {
    return asReleased;
  }

  /** The figures at the chosen levels: the persons and rows suppressed are those left out of the release. */
  public LinkedClassFigures chosen() {
    return chosen;
  }

  public boolean withinLimit() {
    return withinLimit;
  }

  /** The level vectors the climb went through, the start first and the chosen one last. */
  public ImmutableList<ImmutableList<Integer>> path() {
    return path;
  }

  /**
   * Returns this result when within the limit.
   *
   * @throws KAnonymityNotReachedException otherwise, saying what to change
   */
  public LinkedKAnonymityResult requireWithinLimit() {
    if (!withinLimit) {
      throw new KAnonymityNotReachedException("k-anonymity across the linked datasets ("
          + String.join(", ", linked.datasets()) + ", joined on person_id) not reached: with the coarsest levels "
          + "the climb reached (" + summary() + ") more persons or rows would be left out than the policy allows. "
          + "Add coarser levels to the ladders in k_anonymity.quasi_identifiers, drop a quasi-identifier, drop "
          + "person_id from a dataset that need not be linked, or (after IG review) raise "
          + "k_anonymity.max_suppressed_fraction.");
    }
    return this;
  }

  /** One line for logs and reports; counts and level names only. */
  public String summary() {
    long persons = chosen.persons();
    return String.format(Locale.ROOT, "k=%d per person: levels %s; %d of %d persons left out (%.2f%%, limit %.2f%%)"
            + ", rows left out %s; %s", linked.k(), levelNames(), chosen.personsSuppressed(), persons,
        persons == 0 ? 0.0 : 100.0 * chosen.personsSuppressed() / persons, 100 * linked.maxSuppressedFraction(),
        chosen.rowsSuppressed(), withinLimit ? "within the limit" : "OVER the limit");
  }

  @Override
  public String toString() {
    return "LinkedKAnonymityResult{" + summary() + "}";
  }
}
