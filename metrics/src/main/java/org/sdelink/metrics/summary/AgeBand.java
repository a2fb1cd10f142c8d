package org.sdelink.metrics.summary;

import org.jspecify.annotations.Nullable;

/** The age bands of the {@code age_band} breakdown; under-18s get {@code 0-17}, unknown ages {@code unknown}. */
public enum AgeBand {
  UNDER_18("0-17"),
  AGE_18_TO_64("18-64"),
  AGE_65_TO_74("65-74"),
  AGE_75_TO_84("75-84"),
  AGE_85_PLUS("85+"),
  UNKNOWN(Breakdown.UNKNOWN_GROUP);

  private final String label;

  AgeBand(String label) {
    this.label = label;
  }

  /** The band of an age in whole years; {@code null} gives {@link #UNKNOWN}. */
  public static AgeBand of(@Nullable Integer age) {
    if (age == null || age < 0) {
      return UNKNOWN;
    }
    if (age < 18) {
      return UNDER_18;
    }
    if (age < 65) {
      return AGE_18_TO_64;
    }
    if (age < 75) {
      return AGE_65_TO_74;
    }
    return age < 85 ? AGE_75_TO_84 : AGE_85_PLUS;
  }

  /** The group name written in the summary and discharge rows. */
  public String label() {
    return label;
  }
}
