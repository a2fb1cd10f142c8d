package org.sdelink.policies.catalogue;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import org.sdelink.policies.FieldAction;
import org.sdelink.policies.GeneralisationTarget;

/**
 * One field of a released dataset as the catalogue describes it: its identifier class, what it means in plain
 * English and the actions a policy may choose for it.
 */
public record CatalogueField(
    String dataset,
    String name,
    IdentifierClass identifierClass,
    String meaning,
    ImmutableSet<FieldAction> allowedActions,
    ImmutableSet<GeneralisationTarget> allowedTargets) {

  public CatalogueField {
    checkNotNull(dataset, "dataset");
    checkNotNull(name, "name");
    checkNotNull(identifierClass, "identifierClass");
    checkNotNull(meaning, "meaning");
    checkNotNull(allowedActions, "allowedActions");
    checkNotNull(allowedTargets, "allowedTargets");
    checkArgument(!allowedActions.isEmpty(), "catalogue field %s.%s allows no action", dataset, name);
    for (FieldAction action : allowedActions) {
      checkArgument(identifierClass.permits(action),
          "catalogue field %s.%s is a %s and can never allow %s", dataset, name,
          identifierClass.yamlName(), action.yamlName());
    }
    checkArgument(allowedActions.contains(FieldAction.GENERALISE) == !allowedTargets.isEmpty(),
        "catalogue field %s.%s: list generalise_to exactly when generalise is allowed", dataset, name);
  }

  /** {@code dataset.name}, as used in messages and reports. */
  public String qualifiedName() {
    return dataset + "." + name;
  }

  /** Whether a policy may choose {@code action} for this field. */
  public boolean allows(FieldAction action) {
    return allowedActions.contains(action) && identifierClass.permits(action);
  }
}
