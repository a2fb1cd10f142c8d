package org.sdelink.policies.catalogue;

import java.util.Arrays;
import java.util.Optional;
import org.sdelink.policies.FieldAction;

/** How much a field says about who a person is; decides which actions are ever possible for it. */
public enum IdentifierClass {
  /** Identifies a person on its own: NHS number, names, full postcode, full date of birth, free text, level-1 ids. */
  DIRECT("direct", "Direct identifier"),
  /** Identifies a person in combination with other fields: age, sex, area, dates, provider. */
  QUASI("quasi", "Indirect identifier"),
  /** Special-category information about the person, e.g. health or care needs. */
  SENSITIVE("sensitive", "Sensitive information"),
  /** Codes and counts that do not point at a person. */
  OTHER("other", "Other");

  private final String yamlName;
  private final String plainName;

  IdentifierClass(String yamlName, String plainName) {
    this.yamlName = yamlName;
    this.plainName = plainName;
  }

  /** The name written in the catalogue. */
  public String yamlName() {
    return yamlName;
  }

  /** The name shown to reviewers. */
  public String plainName() {
    return plainName;
  }

  /**
   * Whether a field of this class may ever be released with {@code action}. This is the one place that says a
   * direct identifier can never be kept; neither the catalogue nor a policy can change it.
   */
  public boolean permits(FieldAction action) {
    return !(this == DIRECT && action == FieldAction.KEEP);
  }

  /** The class spelled {@code name} in the catalogue, if any. */
  public static Optional<IdentifierClass> fromYamlName(String name) {
    return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
  }
}
