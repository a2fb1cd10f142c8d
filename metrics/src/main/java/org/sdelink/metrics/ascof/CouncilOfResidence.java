package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The council a discharge counts in for ASCOF 2D part 2's denominator. DHSC maps the patient's 2011 LSOA to the
 * 2023 upper-tier council ({@code REF_ONS_LSOA11_UTLA23_Lookup}) and keeps only English councils; that lookup is ONS
 * data sdelink does not ship, so the operator names a CSV {@code lsoa_code,la_code} in the run configuration.
 * <ul>
 *   <li>With a lookup: the LSOA's council; a discharge whose LSOA is not in it, or maps outside England, is not
 *       counted at all (as the code's inner join).</li>
 *   <li>Without one (documented fallback): HES's {@code RESLADST_ONS} when it is already an upper-tier English code
 *       (unitary {@code E06}, metropolitan {@code E08}, London {@code E09}, county {@code E10}); a non-English one is
 *       not counted; otherwise the council of the person's linked CLD rows when there is exactly one; otherwise the
 *       discharge counts for {@code ENGLAND} only ({@link #UNATTRIBUTED}).</li>
 * </ul>
 * Codes are compared as SQL Server does, ignoring letter case and surrounding spaces, and written upper case.
 */
public final class CouncilOfResidence implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The council of a discharge that counts for England but no council. */
  public static final String UNATTRIBUTED = "ENGLAND";

  private final ImmutableMap<String, String> lookup;
  private final boolean hasLookup;

  private CouncilOfResidence(Map<String, String> lookup, boolean hasLookup) {
    this.lookup = ImmutableMap.copyOf(lookup);
    this.hasLookup = hasLookup;
  }

  /** The mapping from an operator's LSOA lookup (LSOA code to upper-tier council code). */
  public static CouncilOfResidence fromLookup(Map<String, String> lsoaToCouncil) {
    checkNotNull(lsoaToCouncil, "lsoaToCouncil");
    checkArgument(!lsoaToCouncil.isEmpty(), "the LSOA lookup is empty");
    Map<String, String> upper = new java.util.HashMap<>();
    new java.util.TreeMap<>(lsoaToCouncil).forEach((lsoa, council) -> upper.putIfAbsent(code(lsoa), code(council)));
    return new CouncilOfResidence(upper, true);
  }

  /** The fallback without a lookup. */
  public static CouncilOfResidence fallback() {
    return new CouncilOfResidence(Map.of(), false);
  }

  /** A code as SQL Server compares it: letter case and surrounding spaces ignored (ONS codes are upper case). */
  private static String code(String value) {
    return value.trim().toUpperCase(java.util.Locale.ROOT);
  }

  public boolean hasLookup() {
    return hasLookup;
  }

  /**
   * The council of {@code discharge} ({@link #UNATTRIBUTED} for England only), or empty when it is not counted;
   * {@code linkedCouncils} are the councils of the person's linked CLD rows.
   */
  public Optional<String> of(HospitalDischarge discharge, Collection<String> linkedCouncils) {
    checkNotNull(discharge, "discharge");
    checkNotNull(linkedCouncils, "linkedCouncils");
    if (hasLookup) {
      String council = lookup.get(code(discharge.lsoa()));
      return council != null && council.startsWith("E") ? Optional.of(council) : Optional.empty();
    }
    String residence = code(discharge.residenceLa());
    if (residence.matches("E(06|08|09|10)\\d{6}")) {
      return Optional.of(residence);
    }
    if (!residence.isEmpty() && !residence.startsWith("E")) {
      return Optional.empty();
    }
    Set<String> councils = new TreeSet<>(linkedCouncils);
    return Optional.of(councils.size() == 1 ? councils.iterator().next() : UNATTRIBUTED);
  }
}
