package org.sdelink.pseudonymisation.nhsnumber;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import org.sdelink.pseudonymisation.validation.Validated;

/**
 * A validated NHS number: ten digits with a correct modulus-11 check digit that is not one of the
 * placeholder numbers HES rejects. Build with {@link #validate(String)} (status, never throws) or
 * {@link #parse(String)} (throws). {@link #toString()} never shows the digits.
 */
public final class NhsNumber {
  private static final CharMatcher SEPARATORS = CharMatcher.anyOf(" -");
  private static final CharMatcher DIGITS = CharMatcher.inRange('0', '9');
  private static final String HES_DUMMY = "2333455667";
  private static final String TEST_RANGE_PREFIX = "999";

  private final String digits;

  private NhsNumber(String digits) {
    this.digits = digits;
  }

  /**
   * Normalises (removes spaces and hyphens, as NHS numbers are often written {@code 943 476 5919}) and
   * validates. Rules, in order: ten ASCII digits; modulus-11 check digit; not all one digit; not the
   * HES dummy 2333455667; not N00000000N. Numbers starting 999 pass as {@link NhsNumberStatus#TEST_RANGE}.
   */
  public static Validated<NhsNumber, NhsNumberStatus> validate(String raw) {
    if (raw == null || raw.isBlank()) {
      return Validated.rejected(NhsNumberStatus.MISSING);
    }
    String digits = SEPARATORS.removeFrom(raw.strip());
    if (digits.length() != 10 || !DIGITS.matchesAllOf(digits)) {
      return Validated.rejected(NhsNumberStatus.INVALID_FORMAT);
    }
    if (!isCheckDigitValid(digits)) {
      return Validated.rejected(NhsNumberStatus.INVALID_CHECK_DIGIT);
    }
    if (CharMatcher.is(digits.charAt(0)).matchesAllOf(digits)) {
      return Validated.rejected(NhsNumberStatus.INVALID_ALL_SAME_DIGIT);
    }
    if (digits.equals(HES_DUMMY)) {
      return Validated.rejected(NhsNumberStatus.INVALID_DUMMY);
    }
    if (digits.charAt(0) == digits.charAt(9) && digits.substring(1, 9).equals("00000000")) {
      return Validated.rejected(NhsNumberStatus.INVALID_PATTERN);
    }
    NhsNumberStatus status =
        digits.startsWith(TEST_RANGE_PREFIX) ? NhsNumberStatus.TEST_RANGE : NhsNumberStatus.VALID;
    return Validated.usable(new NhsNumber(digits), status);
  }

  /** As {@link #validate(String)}, but throws {@link IllegalArgumentException} naming the status. */
  public static NhsNumber parse(String raw) {
    Validated<NhsNumber, NhsNumberStatus> result = validate(raw);
    checkArgument(result.isUsable(), "NHS number is not usable: %s", result.status());
    return result.get();
  }

  /**
   * Whether ten ASCII digits carry a correct modulus-11 check digit: weights 10..2 on the first nine
   * digits, check = 11 - (sum mod 11); 11 becomes 0; 10 means the number can never be valid.
   */
  public static boolean isCheckDigitValid(CharSequence tenDigits) {
    checkNotNull(tenDigits, "tenDigits");
    checkArgument(
        tenDigits.length() == 10 && DIGITS.matchesAllOf(tenDigits), "expected ten ASCII digits");
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (tenDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == tenDigits.charAt(9) - '0';
  }

  /** The ten digits, no separators: the form that is tokenised. */
  public String digits() {
    return digits;
  }

  public boolean isTestRange() {
    return digits.startsWith(TEST_RANGE_PREFIX);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NhsNumber other && digits.equals(other.digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public String toString() {
    return "NhsNumber{redacted}";
  }
}
