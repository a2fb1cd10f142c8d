package org.sdelink.linkage.cascade;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.comparison.ComparisonLevel;
import org.sdelink.linkage.comparison.ComparisonLevels;
import org.sdelink.linkage.comparison.PairComparator;
import org.sdelink.linkage.model.CascadeStep;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

/**
 * A model's deterministic linkage steps, tried in order: a pair links under the first step whose rule it meets
 * (all {@code all_equal} fields present and equal, the date check if any, no {@code must_not_differ} conflict).
 * Serializable and thread-safe.
 */
public final class DeterministicCascade implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PairComparator layoutCheck;
  private final ImmutableList<Step> steps;

  private DeterministicCascade(LinkageModel model) {
    this.layoutCheck = PairComparator.create(model);
    RecordLayout layout = model.layout();
    ImmutableList.Builder<Step> compiled = ImmutableList.builder();
    for (CascadeStep step : model.cascade()) {
      compiled.add(new Step(
          step.name(),
          step.allEqual().stream().mapToInt(layout::indexOf).toArray(),
          step.dobCheck() == null ? null : ComparisonLevels.partialDateAgreement(model, step.dobCheck()),
          step.mustNotDiffer().stream().mapToInt(layout::indexOf).toArray()));
    }
    this.steps = compiled.build();
  }

  /** The cascade of {@code model}'s steps. */
  public static DeterministicCascade create(LinkageModel model) {
    return new DeterministicCascade(checkNotNull(model, "model"));
  }

  /** The name of the first step linking the pair, if any. */
  public Optional<String> firstMatchingStep(LinkRecord a, LinkRecord b) {
    return Optional.ofNullable(firstMatchingStepOrNull(a, b));
  }

  /** As {@link #firstMatchingStep}, without the {@code Optional}. */
  public @Nullable String firstMatchingStepOrNull(LinkRecord a, LinkRecord b) {
    if (!layoutCheck.accepts(a.layout()) || !layoutCheck.accepts(b.layout())) {
      throw new IllegalArgumentException(
          "records must be built by the model's reader (LinkageModel.record or reader()) for the cascade");
    }
    for (Step step : steps) {
      if (step.matches(a, b)) {
        return step.name;
      }
    }
    return null;
  }

  public ImmutableList<String> stepNames() {
    return steps.stream().map(step -> step.name).collect(ImmutableList.toImmutableList());
  }

  private record Step(
      String name, int[] allEqual, @Nullable ComparisonLevel dateCheck, int[] mustNotDiffer)
      implements Serializable {

    boolean matches(LinkRecord a, LinkRecord b) {
      for (int field : allEqual) {
        if (!a.sameValue(b, field)) {
          return false;
        }
      }
      for (int field : mustNotDiffer) {
        if (a.has(field) && b.has(field) && !a.sameValue(b, field)) {
          return false;
        }
      }
      return dateCheck == null || dateCheck.matches(a, b);
    }
  }
}
