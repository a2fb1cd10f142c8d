package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The STS002a mapping of ST-Max sequels (outcomes and service types) to SALT categories (SALT STS002a replication
 * code, {@code #REF_ST_MAX_Sequel_Mappings}; Principles appendix p.38).
 */
public final class Sts002aSequelMapping {
  public static final String NO_SERVICES_OTHER = "No services provided – other";
  public static final String LONG_TERM_ANY = "Long Term Support (any setting)";
  static final String EARLY_CESSATION =
      "Early cessation of service (not leading to long term support) - 100% NHS funded care/End of Life/deceased";

  private static final ImmutableMap<String, String> MAPPING = ImmutableMap.<String, String>builder()
      .put("NFA - 100% NHS funded care", EARLY_CESSATION)
      .put("NFA - Deceased", EARLY_CESSATION)
      .put("NFA - Self-funded client (Inc. 12wk disregard)",
          "No services provided – needs identified but self-funding")
      .put("NFA - Support declined", "No services provided – needs identified but support declined")
      .put("NFA - Information & Advice / Signposting only",
          "No Services Provided – Universal Services / signposted to other services")
      .put("NFA - Moved to another LA", NO_SERVICES_OTHER)
      .put("NFA- Other", NO_SERVICES_OTHER)
      .put("NFA - No services offered: Other reason", NO_SERVICES_OTHER)
      .put("NFA - Support ended: Other reason", NO_SERVICES_OTHER)
      .put("Progress to End of Life Care", NO_SERVICES_OTHER)
      .put("Admitted to hospital", NO_SERVICES_OTHER)
      .put("Long Term Support: Nursing Care", LONG_TERM_ANY)
      .put("Long Term Support: Residential Care", LONG_TERM_ANY)
      .put("Long Term Support: Community", LONG_TERM_ANY)
      .put("Long Term Support: Prison", LONG_TERM_ANY)
      .put("Short Term Support: Ongoing Low Level", "Ongoing Low Level Support")
      .put("Short Term Support: Other Short Term", "Short Term Support (other)")
      .buildOrThrow();

  private Sts002aSequelMapping() {}

  /** The SALT category of a (Release 1) outcome or service type, if the table maps it. */
  public static Optional<String> of(String outcomeOrService) {
    checkNotNull(outcomeOrService, "outcomeOrService");
    return Optional.ofNullable(MAPPING.get(outcomeOrService));
  }
}
