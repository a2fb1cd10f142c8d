package org.sdelink.pseudonymisation;

/**
 * The identifiers of one record as found in the source, before normalisation; any may be null or blank
 * (missing). {@link #toString()} shows only which fields are present, never their values.
 */
public record RawIdentity(
    String nhsNumber,
    String givenName,
    String familyName,
    String dateOfBirth,
    String postcode,
    String sex) {

  @Override
  public String toString() {
    return "RawIdentity{nhsNumber=" + presence(nhsNumber)
        + ", givenName=" + presence(givenName)
        + ", familyName=" + presence(familyName)
        + ", dateOfBirth=" + presence(dateOfBirth)
        + ", postcode=" + presence(postcode)
        + ", sex=" + presence(sex) + "}";
  }

  private static String presence(String value) {
    return value == null || value.isBlank() ? "missing" : "present";
  }
}
