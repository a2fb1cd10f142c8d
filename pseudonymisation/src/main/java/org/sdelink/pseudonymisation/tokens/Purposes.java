package org.sdelink.pseudonymisation.tokens;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * The HKDF info strings, one per field and purpose (see docs/pseudonymisation.md). Values that are meant
 * to be compared share a purpose: a first given name with full given names, a surname part with full
 * surnames, a day/month-swapped date with dates of birth. Values of different fields never do.
 */
public final class Purposes {
  public static final String NHS_NUMBER = "link/nhs_number";
  /** Full given names and the first given name. */
  public static final String GIVEN_NAME = "link/given_name";
  public static final String GIVEN_NAME_NICKNAME = "link/given_name_nickname";
  public static final String GIVEN_NAME_DOUBLE_METAPHONE = "link/given_name_dm";
  public static final String GIVEN_NAME_SOUNDEX = "link/given_name_soundex";
  public static final String GIVEN_INITIAL = "link/given_initial";
  /** Full family name and each family-name part. */
  public static final String FAMILY_NAME = "link/family_name";
  public static final String FAMILY_NAME_DOUBLE_METAPHONE = "link/family_name_dm";
  public static final String FAMILY_NAME_SOUNDEX = "link/family_name_soundex";
  /** Date of birth and its day/month-swapped form. */
  public static final String DOB = "link/dob";
  public static final String DOB_YEAR = "link/dob_year";
  public static final String DOB_MONTH = "link/dob_month";
  public static final String DOB_DAY = "link/dob_day";
  public static final String POSTCODE = "link/postcode";
  public static final String POSTCODE_SECTOR = "link/postcode_sector";
  public static final String POSTCODE_DISTRICT = "link/postcode_district";
  public static final String BLOOM_GIVEN_NAME = "bloom/given_name";
  public static final String BLOOM_FAMILY_NAME = "bloom/family_name";
  public static final String BLOOM_DOB = "bloom/dob";

  private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Purposes() {}

  /** {@code project/<id>}: the level-2 pseudonym key of one project. */
  public static String project(String projectId) {
    checkNotNull(projectId, "projectId");
    checkArgument(
        PROJECT_ID.matcher(projectId).matches(),
        "project id must be 1-64 of [A-Za-z0-9._-], starting alphanumeric");
    return "project/" + projectId;
  }
}
