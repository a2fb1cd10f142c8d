package org.sdelink.pseudonymisation.names;

import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A person's given and family names, each validated on its own: one can be usable while the other is
 * missing. {@link #toString()} shows only the statuses.
 */
public final class PersonName {
  private final Validated<GivenName, NameStatus> given;
  private final Validated<FamilyName, NameStatus> family;

  private PersonName(
      Validated<GivenName, NameStatus> given, Validated<FamilyName, NameStatus> family) {
    this.given = given;
    this.family = family;
  }

  /** Normalises and validates both parts; null or blank parts are {@link NameStatus#MISSING}. */
  public static PersonName of(String givenNames, String familyName) {
    return new PersonName(GivenName.validate(givenNames), FamilyName.validate(familyName));
  }

  public Validated<GivenName, NameStatus> given() {
    return given;
  }

  public Validated<FamilyName, NameStatus> family() {
    return family;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonName other && given.equals(other.given) && family.equals(other.family);
  }

  @Override
  public int hashCode() {
    return 31 * given.hashCode() + family.hashCode();
  }

  @Override
  public String toString() {
    return "PersonName{given=" + given + ", family=" + family + "}";
  }
}
