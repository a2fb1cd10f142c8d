package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;

/**
 * The type of an English council with adult social services responsibilities, read from its GSS code's entity prefix
 * (ONS Register of Geographic Codes): {@code E06} unitary authority, {@code E08} metropolitan district, {@code E09}
 * London borough, {@code E10} county council. The dashboard's default comparator group is the councils of the same
 * type (the grouping DHSC's and NHS England's benchmarking uses before any nearest-neighbour model); any other code
 * is of type {@link #OTHER}.
 */
public final class CouncilType {
  /** The type of a code outside the four upper-tier prefixes. */
  public static final String OTHER = "Other councils";

  private static final ImmutableMap<String, String> BY_PREFIX = ImmutableMap.of(
      "E06", "Unitary authorities",
      "E08", "Metropolitan districts",
      "E09", "London boroughs",
      "E10", "County councils");

  private CouncilType() {}

  /** The type (plural, as a group's name) of the council with GSS code {@code laCode}. */
  public static String of(String laCode) {
    checkNotNull(laCode, "laCode");
    String code = laCode.trim().toUpperCase(Locale.ROOT);
    return code.length() == 9 ? BY_PREFIX.getOrDefault(code.substring(0, 3), OTHER) : OTHER;
  }
}
