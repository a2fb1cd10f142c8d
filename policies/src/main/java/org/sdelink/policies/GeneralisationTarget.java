package org.sdelink.policies;

import java.util.Arrays;
import java.util.Optional;

/** What a {@code generalise} action coarsens a value to: the {@code to} of a generalised field. */
public enum GeneralisationTarget {
  /** A date to its year, {@code yyyy}. */
  YEAR("year"),
  /** A date of birth (or birth year) to an age band at the policy's {@code as_of} date. */
  AGE_BAND("age-band"),
  /** A date to its month, {@code yyyy-MM}. */
  MONTH("month"),
  /** A date to the number of days after the person's first event (which is day 0). */
  DAYS_FROM_FIRST_EVENT("days-from-first-event"),
  /** A full postcode to its district (outward code), e.g. {@code LS1}. */
  POSTCODE_DISTRICT("postcode-district"),
  /** A full postcode to its 2011 LSOA, through a lookup the pipeline supplies. */
  LSOA("lsoa"),
  /** A CLD ethnicity to its group, the part before {@code " - "}. */
  ETHNIC_GROUP("ethnic-group");

  private final String yamlName;

  GeneralisationTarget(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name written in policy and catalogue files. */
  public String yamlName() {
    return yamlName;
  }

  /** The target spelled {@code name} in a policy file, if any. */
  public static Optional<GeneralisationTarget> fromYamlName(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
  }
}
