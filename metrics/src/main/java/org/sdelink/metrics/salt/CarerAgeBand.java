package org.sdelink.metrics.salt;

import java.util.OptionalInt;

/**
 * The carer age bands of LTS003, with the replication code's labels (SALT LTS003 replication code, final query):
 * under 18, 18-25, 26-64, 65-84, 85+ and {@code Unknown} when birth year or month is missing.
 */
public final class CarerAgeBand {
  private CarerAgeBand() {}

  /** The LTS003 band label of a derived age. */
  public static String of(OptionalInt age) {
    if (age.isEmpty()) {
      return "Unknown";
    }
    int years = age.getAsInt();
    if (years < 18) {
      return "Carer aged under 18";
    } else if (years <= 25) {
      return "Carer aged 18-25";
    } else if (years <= 64) {
      return "Carer aged 26-64";
    } else if (years <= 84) {
      return "Carer aged 65-84";
    }
    return "Carer aged 85+";
  }
}
