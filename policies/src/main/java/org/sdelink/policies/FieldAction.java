package org.sdelink.policies;

import java.util.Arrays;
import java.util.Optional;

/** What a release does with one field: the {@code action} of a field in a policy file. */
public enum FieldAction {
  /** The field is not released. */
  DROP("drop"),
  /** The field is released unchanged; never allowed for a direct identifier. */
  KEEP("keep"),
  /** The value is replaced by the project's level-2 pseudonym. */
  PSEUDONYMISE("pseudonymise"),
  /** The value is coarsened to a {@link GeneralisationTarget}. */
  GENERALISE("generalise"),
  /** Dates are moved by a per-person offset that is the same for all of a person's dates. */
  SHIFT_DATES("shift-dates");

  private final String yamlName;

  FieldAction(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name written in policy and catalogue files. */
  public String yamlName() {
    return yamlName;
  }

  /** The action spelled {@code name} in a policy file, if any. */
  public static Optional<FieldAction> fromYamlName(String name) {
    return Arrays.stream(values()).filter(a -> a.yamlName.equals(name)).findFirst();
  }

  /** The policy-file names of all actions, for messages. */
  public static String allNames() {
    return String.join(", ", Arrays.stream(values()).map(FieldAction::yamlName).toList());
  }
}
