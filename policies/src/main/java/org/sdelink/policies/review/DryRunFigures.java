package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.kanonymity.ClassSizeDistribution;
import org.sdelink.policies.kanonymity.KAnonymityResult;
import org.sdelink.policies.kanonymity.LinkedClassFigures;
import org.sdelink.policies.kanonymity.LinkedKAnonymityResult;

/**
 * The risk figures of a dry run of a release, supplied by the caller for the review report: rows per dataset, what
 * the k-anonymity gates did (per person across the linked datasets, and in each dataset), the one-line outcome of
 * each output check, and the fingerprints of the code tables read. Counts only; no values.
 */
public record DryRunFigures(
    ImmutableSortedMap<String, Long> rowsPerDataset,
    ImmutableSortedMap<String, KAnonymityFigures> kAnonymity,
    ImmutableSortedMap<String, String> outputChecks,
    Optional<LinkedFigures> linked,
    ImmutableSortedMap<String, String> codeTables) {

  /** What the person-level gate did across the datasets joined on person_id. */
  public record LinkedFigures(
      int k,
      double maxSuppressedFraction,
      ImmutableList<String> datasets,
      long persons,
      long personsSuppressed,
      ImmutableSortedMap<String, Long> rows,
      ImmutableSortedMap<String, Long> rowsSuppressed,
      boolean withinLimit,
      ImmutableMap<String, String> levels,
      ClassSizeDistribution classSizesBefore,
      ClassSizeDistribution classSizesAfterGeneralisation) {

    public LinkedFigures {
      checkArgument(k >= 1, "k must be >= 1");
      checkNotNull(datasets, "datasets");
      checkNotNull(rows, "rows");
      checkNotNull(rowsSuppressed, "rowsSuppressed");
      checkNotNull(levels, "levels");
      checkNotNull(classSizesBefore, "classSizesBefore");
      checkNotNull(classSizesAfterGeneralisation, "classSizesAfterGeneralisation");
    }

    /** The figures of the person-level gate's decision. */
    public static LinkedFigures of(LinkedKAnonymityResult result) {
      checkNotNull(result, "result");
      LinkedClassFigures chosen = result.chosen();
      return new LinkedFigures(result.linked().k(), result.linked().maxSuppressedFraction(),
          result.linked().datasets(), chosen.persons(), chosen.personsSuppressed(), chosen.rows(),
          chosen.rowsSuppressed(), result.withinLimit(), result.levelNames(), result.asReleased().personClasses(),
          chosen.personClasses());
    }
  }

  /** What the k-anonymity gate did in one dataset. */
  public record KAnonymityFigures(
      int k,
      long totalRecords,
      long recordsSuppressed,
      long recordsGeneralised,
      boolean withinLimit,
      ImmutableMap<String, String> levels,
      ClassSizeDistribution classSizesBefore,
      ClassSizeDistribution classSizesAfterGeneralisation) {

    public KAnonymityFigures {
      checkArgument(k >= 1, "k must be >= 1");
      checkArgument(totalRecords >= 0 && recordsSuppressed >= 0 && recordsGeneralised >= 0,
          "counts cannot be negative");
      checkNotNull(levels, "levels");
      checkNotNull(classSizesBefore, "classSizesBefore");
      checkNotNull(classSizesAfterGeneralisation, "classSizesAfterGeneralisation");
    }

    /** The figures of a gate's decision. */
    public static KAnonymityFigures of(KAnonymityResult result) {
      checkNotNull(result, "result");
      return new KAnonymityFigures(result.k(), result.totalRecords(), result.recordsSuppressed(),
          result.recordsGeneralised(), result.withinLimit(), result.levelNames(), result.classSizesBefore(),
          result.classSizesAfterGeneralisation());
    }
  }

  public DryRunFigures {
    checkNotNull(rowsPerDataset, "rowsPerDataset");
    checkNotNull(kAnonymity, "kAnonymity");
    checkNotNull(outputChecks, "outputChecks");
    checkNotNull(linked, "linked");
    checkNotNull(codeTables, "codeTables");
  }

  /** Figures from rows per dataset, gate results per dataset and output-check summaries per output. */
  public static DryRunFigures of(Map<String, Long> rowsPerDataset, Map<String, KAnonymityResult> gateResults,
      Map<String, String> outputCheckSummaries) {
    ImmutableSortedMap.Builder<String, KAnonymityFigures> figures = ImmutableSortedMap.naturalOrder();
    gateResults.forEach((dataset, result) -> figures.put(dataset, KAnonymityFigures.of(result)));
    return new DryRunFigures(ImmutableSortedMap.copyOf(rowsPerDataset), figures.build(),
        ImmutableSortedMap.copyOf(outputCheckSummaries), Optional.empty(), ImmutableSortedMap.of());
  }

  /**
   * Figures from rows per dataset, the per-dataset figures, output-check summaries per output, the person-level
   * gate's decision (if the release has joinable datasets) and the code tables' fingerprints (name to SHA-256).
   */
  public static DryRunFigures of(Map<String, Long> rowsPerDataset, Map<String, KAnonymityFigures> perDataset,
      Map<String, String> outputCheckSummaries, Optional<LinkedKAnonymityResult> linked,
      Map<String, String> codeTables) {
    return new DryRunFigures(ImmutableSortedMap.copyOf(rowsPerDataset), ImmutableSortedMap.copyOf(perDataset),
        ImmutableSortedMap.copyOf(outputCheckSummaries), linked.map(LinkedFigures::of),
        ImmutableSortedMap.copyOf(codeTables));
  }
}
