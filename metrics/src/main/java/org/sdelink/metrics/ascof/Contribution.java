package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;

/**
 * What one person adds to one cell of {@code ascof.csv}: the measure, the council, the group, and 0 or 1 to the
 * numerator and the denominator. Contributions of the same (measure, council, group) are summed, like the SALT cells,
 * so a Beam stage can combine them per key without holding any person; {@code ENGLAND} is the sum over councils.
 * A measure whose denominator is not a count of persons (2B, 2C: the population) contributes 0 to it.
 */
public record Contribution(String measure, String laCode, String group, long numerator, long denominator)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Contribution {
    checkNotNull(measure, "measure");
    checkNotNull(laCode, "laCode");
    checkNotNull(group, "group");
    checkArgument(numerator >= 0 && denominator >= 0, "contributions are counts");
  }

  /** A person in the denominator of {@code measure}, and in its numerator when {@code inNumerator}. */
  public static Contribution counted(String measure, String laCode, String group, boolean inNumerator) {
    return new Contribution(measure, laCode, group, inNumerator ? 1 : 0, 1);
  }

  /** A person in the numerator only (the denominator comes from elsewhere, e.g. the population). */
  public static Contribution numeratorOnly(String measure, String laCode, String group) {
    return new Contribution(measure, laCode, group, 1, 0);
  }

  /** The sum of this and {@code other}, which must have the same key. */
  public Contribution plus(Contribution other) {
    checkArgument(measure.equals(other.measure) && laCode.equals(other.laCode) && group.equals(other.group),
        "only contributions of one measure, council and group add up");
    return new Contribution(measure, laCode, group, numerator + other.numerator, denominator + other.denominator);
  }
}
