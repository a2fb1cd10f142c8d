package org.sdelink.metrics.waiting;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The age bands of {@code waiting_times.csv}: {@code 25-64} and {@code 65+}, from the derived age at the start of the
 * event ({@code waiting_times_method.sql} v1.1: requests need {@code Der_Age_Event_Start_Date >= 25}; the code's
 * {@code 18 to 64} band is relabelled {@code 25 to 64}). Under-25s and unknown ages are in neither band.
 */
public final class WaitingAgeBand {
  public static final String WORKING_AGE = "25-64";
  public static final String OLDER = "65+";

  private WaitingAgeBand() {}

  /** The band of a derived age at the event start, or empty. */
  public static Optional<String> of(OptionalInt ageAtEventStart) {
    if (ageAtEventStart.isEmpty() || ageAtEventStart.getAsInt() < 25) {
      return Optional.empty();
    }
    return Optional.of(ageAtEventStart.getAsInt() <= 64 ? WORKING_AGE : OLDER);
  }
}
