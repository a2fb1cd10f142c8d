package org.sdelink.metrics.ascof;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The groups of {@code ascof.csv}: {@code all}, {@code 18-64} and {@code 65+}. The DHSC code writes them
 * {@code Total}, {@code 18 to 64} and {@code 65 and above}; its {@code Total} is a {@code ROLLUP} over every age band,
 * so it also holds the clients of unknown age where a measure keeps them (2A, 3D).
 */
public final class AscofGroup {
  public static final String ALL = "all";
  public static final String WORKING_AGE = "18-64";
  public static final String OLDER = "65+";

  private AscofGroup() {}

  /**
   * The age band of a derived age as the DHSC ASCOF code bands it ({@code BETWEEN 18 AND 64}, {@code >= 65}); empty
   * for under-18s and for an unknown age (the caller decides whether those count in {@link #ALL}).
   */
  public static Optional<String> band(OptionalInt age) {
    if (age.isEmpty() || age.getAsInt() < 18) {
      return Optional.empty();
    }
    return Optional.of(age.getAsInt() <= 64 ? WORKING_AGE : OLDER);
  }
}
