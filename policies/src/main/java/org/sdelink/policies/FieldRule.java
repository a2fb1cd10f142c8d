package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The action a policy gives one field, as written: {@code actionName} and, for {@code generalise}, {@code targetName}
 * with the age-band settings. The names are kept as written so validation can say exactly what is wrong.
 */
public record FieldRule(
    String dataset,
    String field,
    String actionName,
    String targetName,
    int bandYears,
    Optional<LocalDate> asOf) {

  public FieldRule {
    checkNotNull(dataset, "dataset");
    checkNotNull(field, "field");
    checkNotNull(actionName, "actionName");
    checkNotNull(targetName, "targetName");
    checkNotNull(asOf, "asOf");
  }

  /** A rule with an action and no generalisation settings. */
  public static FieldRule of(String dataset, String field, FieldAction action) {
    return new FieldRule(dataset, field, action.yamlName(), "", 0, Optional.empty());
  }

  /** The action, if {@link #actionName} is one. */
  public Optional<FieldAction> action() {
    return FieldAction.fromYamlName(actionName);
  }

  /** The generalisation target, if {@link #targetName} is one. */
  public Optional<GeneralisationTarget> target() {
    return GeneralisationTarget.fromYamlName(targetName);
  }

  /** Whether the field appears in the release at all. */
  public boolean isReleased() {
    return action().map(a -> a != FieldAction.DROP).orElse(true);
  }

  /** {@code dataset.field}. */
  public String qualifiedName() {
    return dataset + "." + field;
  }
}
