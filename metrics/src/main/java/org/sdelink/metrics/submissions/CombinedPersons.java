package org.sdelink.metrics.submissions;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.metrics.salt.SaltEvent;

/**
 * DHSC's person, {@code Der_NHS_LA_Combined_Person_ID} ({@code GetDerivedFields}): per row, the (traced) NHS number
 * when there is one, otherwise the council and the council's person id; every ASCOF measure, the person details and
 * the waiting times partition by council and this id. sdelink gathers a council's rows by the council-local person
 * token; {@link #split} cuts such a group into DHSC's persons: rows with an NHS number token by that token, rows
 * without one as the council-local person. A council-local person whose rows carry two NHS numbers becomes two persons;
 * one whose rows lack the NHS number on some rows becomes an NHS-number person and a local one, as in the code. Only
 * one case is not reproduced: one NHS number under two council-local ids of one council (DHSC: one person; sdelink: two),
 * counted as deviation A3 (docs/statistics.md).
 */
public final class CombinedPersons {
  /** The prefix of a person id made of the council-local token (never equal to an NHS number token). */
  public static final String LOCAL = "local:";

  private CombinedPersons() {}

  /** The DHSC person id of one row within its council. */
  public static String personId(SaltEvent row) {
    checkNotNull(row, "row");
    return row.nhsToken().isEmpty() ? LOCAL + row.personToken() : row.nhsToken();
  }

  /** The rows of one council-local person, cut into DHSC persons (in id order, rows in their given order). */
  public static ImmutableSortedMap<String, ImmutableList<SaltEvent>> split(List<SaltEvent> rows) {
    checkNotNull(rows, "rows");
    Map<String, List<SaltEvent>> byId = new TreeMap<>();
    for (SaltEvent row : rows) {
      byId.computeIfAbsent(personId(row), k -> new ArrayList<>()).add(row);
    }
    ImmutableSortedMap.Builder<String, ImmutableList<SaltEvent>> out = ImmutableSortedMap.naturalOrder();
    byId.forEach((id, list) -> out.put(id, ImmutableList.copyOf(list)));
    return out.buildOrThrow();
  }
}
