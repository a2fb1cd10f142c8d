package org.sdelink.policies.review;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import org.sdelink.policies.kanonymity.ClassSizeDistribution;
import org.sdelink.policies.kanonymity.KAnonymityResult;

/**
 * The risk figures of a dry run of a release, supplied by the caller for the review report: rows per dataset, what
 * the k-anonymity gate did in each dataset, and the one-line outcome of each output check. Counts only; no values.
 */
public record DryRunFigures(
    ImmutableSortedMap<String, Long> rowsPerDataset,
    ImmutableSortedMap<String, KAnonymityFigures> kAnonymity,
    ImmutableSortedMap<String, String> outputChecks) {

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
  }

  /** Figures from rows per dataset, gate results per dataset and output-check summaries per output. */
  public static DryRunFigures of(Map<String, Long> rowsPerDataset, Map<String, KAnonymityResult> gateResults,
      Map<String, String> outputCheckSummaries) {
    ImmutableSortedMap.Builder<String, KAnonymityFigures> figures = ImmutableSortedMap.naturalOrder();
    gateResults.forEach((dataset, result) -> figures.put(dataset, KAnonymityFigures.of(result)));
    return new DryRunFigures(ImmutableSortedMap.copyOf(rowsPerDataset), figures.build(),
        ImmutableSortedMap.copyOf(outputCheckSummaries));
  }
}
