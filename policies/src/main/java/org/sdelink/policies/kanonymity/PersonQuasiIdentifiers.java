package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a researcher can put together about one person by joining the released datasets on {@code person_id}: for
 * each joinable dataset, the distinct combinations of its quasi-identifier values over the person's rows (values as
 * the policy's actions released them, before the k-anonymity gate), and how many rows the person has there. A dataset
 * where the person has no row is absent. Encoded as one line of JSON for the pipeline's scratch files.
 */
public final class PersonQuasiIdentifiers implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Lexicographic order of value combinations, so a person's combinations always come out in the same order. */
  static final Comparator<List<String>> TUPLE_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final ImmutableSortedMap<String, ImmutableList<ImmutableList<String>>> values;
  private final ImmutableSortedMap<String, Long> rows;

  private PersonQuasiIdentifiers(ImmutableSortedMap<String, ImmutableList<ImmutableList<String>>> values,
      ImmutableSortedMap<String, Long> rows) {
    this.values = values;
    this.rows = rows;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The distinct value combinations of {@code dataset}, sorted; empty when the person has no row there. */
  public ImmutableList<ImmutableList<String>> values(String dataset) {
    return values.getOrDefault(dataset, ImmutableList.of());
  }

  /** The person's rows in {@code dataset} (0 when none). */
  public long rows(String dataset) {
    return rows.getOrDefault(dataset, 0L);
  }

  /** The datasets where the person has rows. */
  public ImmutableSortedMap<String, Long> rows() {
    return rows;
  }

  /** One line of JSON. */
  public String encode() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode rowsNode = root.putObject("rows");
    rows.forEach(rowsNode::put);
    ObjectNode valuesNode = root.putObject("values");
    values.forEach((dataset, tuples) -> {
      ArrayNode array = valuesNode.putArray(dataset);
      for (List<String> tuple : tuples) {
        ArrayNode t = array.addArray();
        tuple.forEach(t::add);
      }
    });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a person's quasi-identifiers", e);
    }
  }

  /** The person encoded by {@link #encode()}. */
  public static PersonQuasiIdentifiers decode(String line) {
    checkNotNull(line, "line");
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an encoded person's quasi-identifiers (damaged scratch file?)");
    }
    Builder builder = builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("values").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dataset = it.next();
      for (JsonNode tuple : dataset.getValue()) {
        List<String> t = new ArrayList<>();
        tuple.forEach(v -> t.add(v.asText()));
        builder.values.computeIfAbsent(dataset.getKey(), d -> new TreeSet<>(TUPLE_ORDER)).add(ImmutableList.copyOf(t));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rows").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dataset = it.next();
      builder.rows.put(dataset.getKey(), dataset.getValue().asLong());
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonQuasiIdentifiers other && values.equals(other.values) && rows.equals(other.rows);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + rows.hashCode();
  }

  @Override
  public String toString() {
    return "PersonQuasiIdentifiers{rows=" + rows + "}";
  }

  /** Collects one person's rows. Not thread-safe. */
  public static final class Builder {
    private final Map<String, TreeSet<ImmutableList<String>>> values = new TreeMap<>();
    private final Map<String, Long> rows = new TreeMap<>();

    private Builder() {}

    /** Adds one released row of {@code dataset} with quasi-identifier values {@code tuple} (may be empty). */
    public Builder add(String dataset, List<String> tuple) {
      checkNotNull(dataset, "dataset");
      checkNotNull(tuple, "tuple");
      checkArgument(!dataset.isEmpty(), "dataset must not be empty");
      values.computeIfAbsent(dataset, d -> new TreeSet<>(TUPLE_ORDER)).add(ImmutableList.copyOf(tuple));
      rows.merge(dataset, 1L, Long::sum);
      return this;
    }

    public PersonQuasiIdentifiers build() {
      ImmutableSortedMap.Builder<String, ImmutableList<ImmutableList<String>>> v = ImmutableSortedMap.naturalOrder();
      values.forEach((d, tuples) -> v.put(d, ImmutableList.copyOf(tuples)));
      return new PersonQuasiIdentifiers(v.build(), ImmutableSortedMap.copyOf(rows));
    }
  }
}
