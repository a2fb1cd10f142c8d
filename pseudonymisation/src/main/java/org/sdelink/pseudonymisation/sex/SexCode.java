package org.sdelink.pseudonymisation.sex;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * One code set for sex/gender across sources: the NHS Data Dictionary "Person Stated Gender Code" values
 * 1, 2, 9, 0. Mapping (input compared after trimming, case-insensitively, inner whitespace collapsed):
 *
 * <pre>
 * code  CLD Gender (Release 1 and 2)                       HES SEX
 * 1     Male, M                                           1
 * 2     Female, F                                         2
 * 9     Other, Indeterminate                              9, 3 (older "indeterminate" code)
 * 0     Unknown, Not known, Not stated, Not recorded, U   0, X
 * </pre>
 *
 * CLD "Other" maps to 9, the only non-binary value in the Data Dictionary list; the two sources cannot
 * distinguish "other" from "indeterminate" after mapping. Blank input is {@link SexStatus#MISSING};
 * anything else {@link SexStatus#UNRECOGNISED}.
 */
public enum SexCode {
  MALE("1"),
  FEMALE("2"),
  INDETERMINATE("9"),
  NOT_KNOWN("0");

  private static final ImmutableMap<String, SexCode> BY_INPUT =
      ImmutableMap.<String, SexCode>builder()
          .put("1", MALE).put("MALE", MALE).put("M", MALE)
          .put("2", FEMALE).put("FEMALE", FEMALE).put("F", FEMALE)
          .put("9", INDETERMINATE).put("3", INDETERMINATE).put("OTHER", INDETERMINATE)
          .put("INDETERMINATE", INDETERMINATE)
          .put("0", NOT_KNOWN).put("X", NOT_KNOWN).put("U", NOT_KNOWN).put("UNKNOWN", NOT_KNOWN)
          .put("NOT KNOWN", NOT_KNOWN).put("NOT STATED", NOT_KNOWN).put("NOT RECORDED", NOT_KNOWN)
          .buildOrThrow();

  private final String code;

  SexCode(String code) {
    this.code = code;
  }

  /** The Person Stated Gender Code: {@code 1}, {@code 2}, {@code 9} or {@code 0}. */
  public String code() {
    return code;
  }

  public static Validated<SexCode, SexStatus> validate(String raw) {
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(SexStatus.MISSING);
    }
    String key = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    SexCode code = BY_INPUT.get(key);
    return code == null
        ? Validated.rejected(SexStatus.UNRECOGNISED)
        : Validated.usable(code, SexStatus.VALID);
  }

  /** The code whose {@link #code()} is the given Data Dictionary value. */
  public static SexCode fromCode(String code) {
    for (SexCode value : values()) {
      if (value.code.equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException("not a Person Stated Gender Code: expected 1, 2, 9 or 0");
  }
}
