package org.sdelink.metrics.salt;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The age bands of the client tables: {@code 18-64}, {@code 65+} and {@code unknown} (no birth year or month).
 * Under-18s are outside every SALT client table ({@code Der_Age_EndDate between 18 and 64} / {@code > 64} in the LTS001a code).
 * The published code drops clients of unknown age; sdelink counts them under {@code unknown} (docs/statistics.md).
 */
public final class SaltAgeBand {
  public static final String WORKING_AGE = "18-64";
  public static final String OLDER = "65+";
  public static final String UNKNOWN = "unknown";

  private SaltAgeBand() {}

  /** The band of a derived age; empty for under-18s (not counted). */
  public static Optional<String> of(OptionalInt age) {
    if (age.isEmpty()) {
      return Optional.of(UNKNOWN);
    }
    int years = age.getAsInt();
    if (years < 18) {
      return Optional.empty();
    }
    return Optional.of(years <= 64 ? WORKING_AGE : OLDER);
  }
}
