package org.sdelink.linkage.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.sdelink.linkage.cluster.AmbiguousLink;
import org.sdelink.linkage.cluster.Edge;
import org.sdelink.linkage.model.ModelParameters;

/**
 * The outcome of a linkage run: the parameters used (estimated or supplied), the spine (one row per distinct
 * record, sorted by source and id), the accepted links with waterfalls, the record pairs behind every decision
 * (accepted, cut by the cluster cap, or ambiguous), the ambiguous entities, the edges cut by the cluster cap, and
 * run statistics. Holds no identifier values, only record keys, labels and weights.
 */
public record LinkResult(
    ModelParameters parameters,
    List<SpineRow> spine,
    List<AcceptedLink> links,
    List<LinkedPair> pairs,
    List<AmbiguousLink> ambiguous,
    List<Edge> cutEdges,
    LinkStatistics statistics)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public LinkResult {
    spine = ImmutableList.copyOf(spine);
    links = ImmutableList.copyOf(links);
    pairs = ImmutableList.copyOf(pairs);
    ambiguous = ImmutableList.copyOf(ambiguous);
    cutEdges = ImmutableList.copyOf(cutEdges);
  }

  /** Person id by record key ({@code source:record_id}). */
  public ImmutableSortedMap<String, String> personIdByRecord() {
    ImmutableSortedMap.Builder<String, String> map = ImmutableSortedMap.naturalOrder();
    for (SpineRow row : spine) {
      map.put(row.source() + ":" + row.recordId(), row.personId());
    }
    return map.buildOrThrow();
  }

  /** The spine as CSV text (header first, {@code \n} line ends, weights to 4 decimals). */
  public String spineCsv() {
    StringBuilder csv = new StringBuilder(SpineRow.HEADER).append('\n');
    for (SpineRow row : spine) {
      csv.append(csvField(row.source())).append(',')
          .append(csvField(row.recordId())).append(',')
          .append(row.personId()).append(',')
          .append(csvField(row.matchRule())).append(',')
          .append(row.matchWeight() == null ? "" : String.format(Locale.ROOT, "%.4f", row.matchWeight()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String csvField(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
