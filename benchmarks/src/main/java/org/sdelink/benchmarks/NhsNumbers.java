package org.sdelink.benchmarks;

import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumberStatus;

/**
 * Deterministic benchmark inputs: distinct, valid (modulus 11) ten-digit NHS numbers. The nine-digit
 * prefixes walk the range 400000000..799999999 with a fixed stride coprime to the range size, so every
 * prefix is distinct; prefixes whose check digit would be 10 (never valid) are skipped. Every number is
 * checked with {@link NhsNumber#validate} and must be {@code VALID}.
 */
final class NhsNumbers {
  /** 2^20 inputs: more than fit in the CPU caches, so the run does not replay a few hot strings. */
  static final int COUNT = 1 << 20;

  static final int MASK = COUNT - 1;

  private static final long FIRST = 400_000_000L;
  private static final long RANGE = 400_000_000L; // 2^10 * 5^8
  private static final long STRIDE = 160_481_183L; // odd, not a multiple of 5: coprime to RANGE
  private static final long START = 12_345_677L;

  private NhsNumbers() {}

  /** {@code count} distinct valid NHS numbers as ten digits, always the same for the same count. */
  static String[] generate(int count) {
    String[] out = new String[count];
    long walk = START;
    int n = 0;
    while (n < count) {
      long prefix = FIRST + walk;
      walk = (walk + STRIDE) % RANGE;
      int check = checkDigit(prefix);
      if (check == 10) {
        continue;
      }
      String digits = Long.toString(prefix) + check;
      if (NhsNumber.validate(digits).status() != NhsNumberStatus.VALID) {
        continue; // placeholder patterns; none expected in this range, but never benchmark a rejection
      }
      out[n++] = digits;
    }
    return out;
  }

  /** The same numbers written as printed on NHS documents: {@code 943 476 5919}. */
  static String[] spaced(String[] digits) {
    String[] out = new String[digits.length];
    for (int i = 0; i < digits.length; i++) {
      String d = digits[i];
      out[i] = d.substring(0, 3) + ' ' + d.substring(3, 6) + ' ' + d.substring(6);
    }
    return out;
  }

  /** Modulus-11 check digit of a nine-digit prefix: 0-9, or 10 when no valid number has this prefix. */
  static int checkDigit(long prefix) {
    int sum = 0;
    long rest = prefix;
    for (int weight = 2; weight <= 10; weight++) {
      sum += (int) (rest % 10) * weight;
      rest /= 10;
    }
    int check = 11 - (sum % 11);
    return check == 11 ? 0 : check;
  }
}
