package org.sdelink.linkage.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableSortedMap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record to be linked: its id, its source (e.g. {@code cld}, {@code apc}, or {@code left}, {@code right}) and
 * its field values in the order of a {@link RecordLayout}. Blank values are missing ({@code null}). Bloom-filter
 * fields are decoded once, here, into bitsets with their cardinalities so that comparisons do not allocate.
 *
 * <p>Immutable and serializable. {@link #toString()} shows no field values: they may be identifiers.
 */
public final class LinkRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String source;
  private final RecordLayout layout;
  private final @Nullable String[] values;
  private final long[][] blooms;
  private final int[] bloomCardinalities;

  private LinkRecord(String id, String source, RecordLayout layout, @Nullable String[] values) {
    this.id = id;
    this.source = source;
    this.layout = layout;
    this.values = values;
    this.blooms = new long[values.length][];
    this.bloomCardinalities = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (layout.isBloom(i) && values[i] != null) {
        long[] bits = BloomFilterBits.decode(values[i]);
        if (bits == null) {
          values[i] = null; // an empty filter encodes a missing value
        } else {
          blooms[i] = bits;
          bloomCardinalities[i] = BloomFilterBits.cardinality(bits);
        }
      }
    }
  }

  /**
   * A record of {@code layout} holding {@code values} by field name; fields absent from the map, and blank
   * values, are missing. Values are trimmed.
   *
   * @throws IllegalArgumentException if the id or source is blank or a value names a field not in the layout
   */
  public static LinkRecord of(RecordLayout layout, String id, String source, Map<String, String> values) {
    checkNotNull(layout, "layout");
    checkNotNull(values, "values");
    @Nullable String[] array = new String[layout.size()];
    for (Map.Entry<String, String> entry : values.entrySet()) {
      array[layout.indexOf(entry.getKey())] = blankToNull(entry.getValue());
    }
    return create(layout, id, source, array);
  }

  /** A record from values already in layout order (copied); used by {@link RecordReader}. */
  static LinkRecord create(RecordLayout layout, String id, String source, @Nullable String[] values) {
    checkArgument(!Strings.isNullOrEmpty(id) && !id.isBlank(), "a linkage record needs a non-blank id");
    checkArgument(
        !Strings.isNullOrEmpty(source) && !source.isBlank(), "a linkage record needs a non-blank source");
    checkArgument(values.length == layout.size(), "expected %s values, got %s", layout.size(), values.length);
    return new LinkRecord(id.trim(), source.trim(), layout, values.clone());
  }

  static @Nullable String blankToNull(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public String id() {
    return id;
  }

  public String source() {
    return source;
  }

  /** {@code source + ":" + id}: unique across sources, used as the node name in clusters. */
  public String key() {
    return source + ":" + id;
  }

  public RecordLayout layout() {
    return layout;
  }

  /** The value at layout position {@code index}, or {@code null} if missing. */
  public @Nullable String value(int index) {
    return values[index];
  }

  /** The value of {@code field}, or {@code null} if missing. */
  public @Nullable String value(String field) {
    return values[layout.indexOf(field)];
  }

  /**
   * The decoded Bloom filter at {@code index}, or {@code null} if missing or not a Bloom field. The array is
   * shared for speed: callers must not modify it.
   */
  public long @Nullable [] bloom(int index) {
    return blooms[index];
  }

  /** The number of bits set in the Bloom filter at {@code index} (0 if missing). */
  public int bloomCardinality(int index) {
    return bloomCardinalities[index];
  }

  /** The present values by field name. */
  public ImmutableSortedMap<String, String> values() {
    ImmutableSortedMap.Builder<String, String> map = ImmutableSortedMap.naturalOrder();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(layout.fields().get(i), values[i]);
      }
    }
    return map.buildOrThrow();
  }

  /**
   * Writes this record compactly (id, source, values; not the layout) for a Beam coder that knows the layout.
   * Read it back with {@link #decode(DataInput, RecordLayout)}.
   */
  public void encode(DataOutput out) throws IOException {
    writeString(out, id);
    writeString(out, source);
    out.writeInt(values.length);
    for (String value : values) {
      out.writeBoolean(value != null);
      if (value != null) {
        writeString(out, value);
      }
    }
  }

  /** Reads a record written by {@link #encode(DataOutput)} for {@code layout}. */
  public static LinkRecord decode(DataInput in, RecordLayout layout) throws IOException {
    String id = readString(in);
    String source = readString(in);
    int size = in.readInt();
    if (size != layout.size()) {
      throw new IOException("encoded record has " + size + " fields but the layout has " + layout.size());
    }
    @Nullable String[] values = new String[size];
    for (int i = 0; i < size; i++) {
      values[i] = in.readBoolean() ? readString(in) : null;
    }
    return new LinkRecord(id, source, layout, values);
  }

  private static void writeString(DataOutput out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkRecord that
        && id.equals(that.id)
        && source.equals(that.source)
        && layout.equals(that.layout)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    long present = Arrays.stream(values).filter(Objects::nonNull).count();
    return "LinkRecord{" + source + ":" + id + ", " + present + "/" + values.length + " fields present}";
  }
}
