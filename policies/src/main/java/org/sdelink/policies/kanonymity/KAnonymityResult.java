package org.sdelink.policies.kanonymity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Locale;

/**
 * What the k-anonymity gate decided for one dataset: the generalisation level of each quasi-identifier, the records
 * suppressed and generalised to reach k, and the class sizes before and after generalisation.
 */
public final class KAnonymityResult {
  private final String dataset;
  private final int k;
  private final double maxSuppressedFraction;
  private final ImmutableList<QuasiIdentifier> quasiIdentifiers;
  private final ImmutableList<Integer> levels;
  private final long totalRecords;
  private final long recordsSuppressed;
  private final long recordsGeneralised;
  private final ClassSizeDistribution classSizesBefore;
  private final ClassSizeDistribution classSizesAfterGeneralisation;
  private final ImmutableSet<List<String>> suppressedClasses;
  private final boolean withinLimit;

  KAnonymityResult(
      String dataset,
      int k,
      double maxSuppressedFraction,
      ImmutableList<QuasiIdentifier> quasiIdentifiers,
      ImmutableList<Integer> levels,
      long totalRecords,
      long recordsSuppressed,
      long recordsGeneralised,
      ClassSizeDistribution classSizesBefore,
      ClassSizeDistribution classSizesAfterGeneralisation,
      ImmutableSet<List<String>> suppressedClasses,
      boolean withinLimit) {
    this.dataset = dataset;
    this.k = k;
    this.maxSuppressedFraction = maxSuppressedFraction;
    this.quasiIdentifiers = quasiIdentifiers;
    this.levels = levels;
    this.totalRecords = totalRecords;
    this.recordsSuppressed = recordsSuppressed;
    this.recordsGeneralised = recordsGeneralised;
    this.classSizesBefore = classSizesBefore;
    this.classSizesAfterGeneralisation = classSizesAfterGeneralisation;
    this.suppressedClasses = suppressedClasses;
    this.withinLimit = withinLimit;
  }

  /** The dataset the gate was for ({@code ""} when built without one). */
  public String dataset() {
    return dataset;
  }

  /** The k the gate enforced. */
  public int k() {
    return k;
  }

  /** The policy's limit on the fraction of records suppressed. */
  public double maxSuppressedFraction() {
    return maxSuppressedFraction;
  }

  /** The chosen level of each quasi-identifier (0 = as released), in key order. */
  public ImmutableList<Integer> levels() {
    return levels;
  }

  /** The chosen level's name for each quasi-identifier column, in key order. */
  public ImmutableMap<String, String> levelNames() {
    ImmutableMap.Builder<String, String> names = ImmutableMap.builder();
    for (int i = 0; i < quasiIdentifiers.size(); i++) {
      names.put(quasiIdentifiers.get(i).field(), quasiIdentifiers.get(i).levelName(levels.get(i)));
    }
    return names.buildOrThrow();
  }

  /** The records counted. */
  public long totalRecords() {
    return totalRecords;
  }

  /** The records in classes still smaller than k after generalisation: these are not released. */
  public long recordsSuppressed() {
    return recordsSuppressed;
  }

  /** The released records whose quasi-identifiers were coarsened beyond their released values. */
  public long recordsGeneralised() {
    return recordsGeneralised;
  }

  /** {@link #recordsSuppressed} as a fraction of {@link #totalRecords} (0 when there are none). */
  public double suppressedFraction() {
    return totalRecords == 0 ? 0 : (double) recordsSuppressed / totalRecords;
  }

  /** Whether the suppressed fraction is within the policy's limit, so the release may go ahead. */
  public boolean withinLimit() {
    return withinLimit;
  }

  /** The class sizes of the quasi-identifiers as released, before the gate. */
  public ClassSizeDistribution classSizesBefore() {
    return classSizesBefore;
  }

  /** The class sizes after generalisation and before suppression (classes under k are the suppressed ones). */
  public ClassSizeDistribution classSizesAfterGeneralisation() {
    return classSizesAfterGeneralisation;
  }

  /** The per-record function that applies this decision. */
  public QuasiIdentifierGeneraliser generaliser() {
    return new QuasiIdentifierGeneraliser(quasiIdentifiers, levels, suppressedClasses);
  }

  /** One line for logs and reports; holds only counts and level names. */
  public String summary() {
    return String.format(Locale.ROOT, "%sk=%d: levels %s; %d of %d records suppressed (%.2f%%, limit %.2f%%), "
            + "%d generalised; %s", dataset.isEmpty() ? "" : dataset + " ", k, levelNames(), recordsSuppressed,
        totalRecords, 100 * suppressedFraction(), 100 * maxSuppressedFraction, recordsGeneralised,
        withinLimit ? "within the limit" : "OVER the limit");
  }

  @Override
  public String toString() {
    return "KAnonymityResult{" + summary() + "}";
  }
}
