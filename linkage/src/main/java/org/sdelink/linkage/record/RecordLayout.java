package org.sdelink.linkage.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The ordered field names of linkage records built for one model, and which of them are Bloom filters. Records
 * keep their values in an array in this order so that compiled comparisons read them by index; the layout's
 * fingerprint lets a scorer check cheaply that a record was built for its model.
 */
public final class RecordLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> fields;
  private final ImmutableSet<String> bloomFields;
  private final ImmutableMap<String, Integer> indexByField;
  private final boolean[] bloom;
  private final long fingerprint;

  private RecordLayout(List<String> fields, Collection<String> bloomFields) {
    this.fields = ImmutableList.copyOf(fields);
    this.bloomFields = ImmutableSet.copyOf(bloomFields);
    ImmutableMap.Builder<String, Integer> index = ImmutableMap.builder();
    this.bloom = new boolean[fields.size()];
    Hasher hasher = Hashing.murmur3_128().newHasher();
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      index.put(field, i);
      bloom[i] = this.bloomFields.contains(field);
      hasher.putString(field, StandardCharsets.UTF_8).putBoolean(bloom[i]).putByte((byte) 0);
    }
    this.indexByField = index.buildOrThrow();
    this.fingerprint = hasher.hash().asLong();
  }

  /**
   * A layout of {@code fields} in this order, {@code bloomFields} being those holding Bloom filters.
   *
   * @throws IllegalArgumentException if a field is repeated or a Bloom field is not among the fields
   */
  public static RecordLayout of(List<String> fields, Collection<String> bloomFields) {
    checkNotNull(fields, "fields");
    checkNotNull(bloomFields, "bloomFields");
    checkArgument(
        ImmutableSet.copyOf(fields).size() == fields.size(), "record layout repeats a field name: %s", fields);
    checkArgument(fields.containsAll(bloomFields), "Bloom fields %s are not all in the layout", bloomFields);
    return new RecordLayout(fields, bloomFields);
  }

  /** The field names, in value order. */
  public ImmutableList<String> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  public boolean contains(String field) {
    return indexByField.containsKey(field);
  }

  /**
   * The position of {@code field}.
   *
   * @throws IllegalArgumentException if the layout has no such field
   */
  public int indexOf(String field) {
    Integer index = indexByField.get(field);
    checkArgument(index != null, "record layout has no field '%s' (fields: %s)", field, fields);
    return index;
  }

  public boolean isBloom(int index) {
    return bloom[index];
  }

  /** A 64-bit hash of the field names and kinds: equal layouts have equal fingerprints. */
  public long fingerprint() {
    return fingerprint;
  }

  /** Whether records of {@code other} hold the same fields in the same order (a cheap check, by fingerprint). */
  public boolean isCompatibleWith(RecordLayout other) {
    return other == this || other.fingerprint == fingerprint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordLayout that && fields.equals(that.fields) && bloomFields.equals(that.bloomFields);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return "RecordLayout" + fields;
  }
}
