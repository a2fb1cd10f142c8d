package org.sdelink.linkage.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Relative frequencies of field values (tokens or plaintext), for term-frequency adjustment of exact-match
 * weights: the frequency of a value is its count over the count of present values of that field. Build from the
 * records to be linked (both sources together, each record once), or from counts combined elsewhere (Beam).
 */
public final class TermFrequencies implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final TermFrequencies NONE = new TermFrequencies(ImmutableMap.of());

  private final ImmutableMap<String, ImmutableMap<String, Double>> frequencies;

  private TermFrequencies(ImmutableMap<String, ImmutableMap<String, Double>> frequencies) {
    this.frequencies = frequencies;
  }

  /** No frequencies: exact matches keep their level's u. */
  public static TermFrequencies none() {
    return NONE;
  }

  /** The value frequencies of {@code fields} over {@code records}. */
  public static TermFrequencies fromRecords(Iterable<LinkRecord> records, Collection<String> fields) {
    checkNotNull(records, "records");
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (String field : fields) {
      counts.put(field, new HashMap<>());
    }
    for (LinkRecord record : records) {
      for (String field : fields) {
        String value = record.value(field);
        if (value != null) {
          counts.get(field).merge(value, 1L, Long::sum);
        }
      }
    }
    return fromCounts(counts);
  }

  /**
   * Frequencies from value counts per field (e.g. combined by a Beam stage).
   *
   * @throws IllegalArgumentException if a count is not positive
   */
  public static TermFrequencies fromCounts(Map<String, ? extends Map<String, Long>> countsByField) {
    checkNotNull(countsByField, "countsByField");
    ImmutableMap.Builder<String, ImmutableMap<String, Double>> result = ImmutableMap.builder();
    for (Map.Entry<String, ? extends Map<String, Long>> field : new TreeMap<>(countsByField).entrySet()) {
      long total = 0;
      for (long count : field.getValue().values()) {
        checkArgument(count > 0, "term counts must be positive (field '%s')", field.getKey());
        total += count;
      }
      ImmutableMap.Builder<String, Double> values = ImmutableMap.builderWithExpectedSize(field.getValue().size());
      for (Map.Entry<String, Long> value : field.getValue().entrySet()) {
        values.put(value.getKey(), (double) value.getValue() / total);
      }
      result.put(field.getKey(), values.buildOrThrow());
    }
    return new TermFrequencies(result.buildOrThrow());
  }

  /** The frequency table of {@code field}, or {@code null} if this holds none for it. */
  @Nullable ImmutableMap<String, Double> table(String field) {
    return frequencies.get(field);
  }

  /** The relative frequency of {@code value} in {@code field}, or {@code NaN} if unknown. */
  public double frequency(String field, String value) {
    ImmutableMap<String, Double> table = frequencies.get(field);
    Double frequency = table == null ? null : table.get(value);
    return frequency == null ? Double.NaN : frequency;
  }

  /** The fields with frequencies, sorted. */
  public ImmutableSortedMap<String, Integer> distinctValuesByField() {
    ImmutableSortedMap.Builder<String, Integer> sizes = ImmutableSortedMap.naturalOrder();
    frequencies.forEach((field, table) -> sizes.put(field, table.size()));
    return sizes.buildOrThrow();
  }

  @Override
  public String toString() {
    return "TermFrequencies" + distinctValuesByField();
  }
}
