package org.sdelink.linkage.record;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a record field's text is read: as-is, as a base64 Bloom filter, or as a date split into parts. */
public enum FieldType {
  /** A token or plaintext value compared as text. */
  @JsonProperty("string")
  STRING,
  /** A base64 (or base64url) Bloom filter, decoded once into a bitset and compared by Dice coefficient. */
  @JsonProperty("bloom")
  BLOOM,
  /**
   * A clear date ({@code yyyyMMdd} or {@code yyyy-MM-dd}); the reader also derives {@code <name>_swapped},
   * {@code <name>_year}, {@code <name>_month} and {@code <name>_day} fields for partial date agreement.
   */
  @JsonProperty("date")
  DATE
}
