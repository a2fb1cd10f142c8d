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
 * <p>For speed, each present value also gets a 64-bit hash (so most disagreements are seen without touching the
 * strings; agreement is always confirmed on the strings), its value as a whole number if it is one, and the hashes
 * of its tokens if it is a list of tokens.
 *
 * <p>Immutable and serializable. {@link #toString()} shows no field values: they may be identifiers.
 */
public final class LinkRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String source;
  private final transient String key;
  private final RecordLayout layout;
  private final @Nullable String[] values;

  /**
   * Derived data in one array, for memory locality: the value hashes {@code [0, n)}, the whole numbers {@code [n,
   * 2n)}, then per present Bloom field its cardinality, its length in words, and its words.
   */
  private final transient long[] packed;

  /** Per field, where its Bloom filter starts in {@code packed} (its cardinality), or -1. */
  private final transient int[] bloomStart;

  private final transient long[][] tokenHashes;

  private LinkRecord(String id, String source, RecordLayout layout, @Nullable String[] values) {
    this.id = id;
    this.source = source;
    this.key = source + ":" + id;
    this.layout = layout;
    this.values = values;
    int n = values.length;
    long[][] decoded = new long[n][];
    int words = 0;
    for (int i = 0; i < n; i++) {
      if (layout.isBloom(i) && values[i] != null) {
        decoded[i] = BloomFilterBits.decode(values[i]);
        if (decoded[i] == null) {
          values[i] = null; // an empty filter encodes a missing value
        } else {
          words += 2 + decoded[i].length;
        }
      }
    }
    this.packed = new long[2 * n + words];
    this.bloomStart = new int[n];
    this.tokenHashes = new long[n][];
    int next = 2 * n;
    for (int i = 0; i < n; i++) {
      String value = values[i];
      packed[n + i] = -1;
      bloomStart[i] = -1;
      if (value == null) {
        continue;
      }
      packed[i] = hash(value, 0, value.length());
      packed[n + i] = wholeNumber(value);
      tokenHashes[i] = tokenHashes(value);
      if (decoded[i] != null) {
        bloomStart[i] = next;
        packed[next] = BloomFilterBits.cardinality(decoded[i]);
        packed[next + 1] = decoded[i].length;
        System.arraycopy(decoded[i], 0, packed, next + 2, decoded[i].length);
        next += 2 + decoded[i].length;
      }
    }
  }

  /** Rebuilds the derived arrays after deserialization. */
  private Object readResolve() {
    return new LinkRecord(id, source, layout, values.clone());
  }

  /** Characters that separate the tokens of a token-list value. */
  static boolean isTokenSeparator(char c) {
    return c == ' ' || c == '|' || c == ';' || c == '\t';
  }

  /** 64-bit FNV-1a of {@code text[from, to)}, never 0 (0 marks a missing value). */
  private static long hash(String text, int from, int to) {
    long hash = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }

  private static long wholeNumber(String value) {
    if (value.length() > 18) {
      return -1;
    }
    long number = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The sorted hashes of the tokens of a value holding separators, else null (the value is one token). */
  private static long @Nullable [] tokenHashes(String value) {
    boolean separated = false;
    for (int i = 0; i < value.length() && !separated; i++) {
      separated = isTokenSeparator(value.charAt(i));
    }
    if (!separated) {
      return null;
    }
    long[] tokens = new long[value.length()];
    int count = 0;
    int start = 0;
    while (start < value.length()) {
      int end = start;
      while (end < value.length() && !isTokenSeparator(value.charAt(end))) {
        end++;
      }
      if (end > start) {
        tokens[count++] = hash(value, start, end);
      }
      start = end + 1;
    }
    long[] result = Arrays.copyOf(tokens, count);
    Arrays.sort(result);
    return result;
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
    return key;
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

  /** Whether the value at {@code index} is present here and in {@code other}, and equal. */
  public boolean sameValue(LinkRecord other, int index) {
    return sameValue(index, other, index);
  }

  /** Whether this record's value at {@code index} is present and equals {@code other}'s at {@code otherIndex}. */
  public boolean sameValue(int index, LinkRecord other, int otherIndex) {
    long hash = packed[index];
    return hash != 0 && hash == other.packed[otherIndex] && values[index].equals(other.values[otherIndex]);
  }

  /** Whether a value is present at {@code index}. */
  public boolean has(int index) {
    return packed[index] != 0;
  }

  /** The value at {@code index} as a whole number, or -1 if missing or not all digits. */
  public long number(int index) {
    return packed[values.length + index];
  }

  /**
   * The Dice coefficient of the Bloom filters at {@code index} here and in {@code other}, or -1 if either is
   * missing. Allocation-free.
   *
   * @throws IllegalArgumentException if the filters differ in length
   */
  public double bloomDice(LinkRecord other, int index) {
    int start = bloomStart[index];
    int otherStart = other.bloomStart[index];
    if (start < 0 || otherStart < 0) {
      return -1;
    }
    long[] theirs = other.packed;
    int words = (int) packed[start + 1];
    if (words != theirs[otherStart + 1]) {
      throw new IllegalArgumentException(
          "Bloom filters of different lengths (" + words * 64 + " and " + theirs[otherStart + 1] * 64
              + " bits) cannot be compared: encode both sources with the same Bloom parameters");
    }
    long total = packed[start] + theirs[otherStart];
    int common = 0;
    for (int w = start + 2, v = otherStart + 2, end = start + 2 + words; w < end; w++, v++) {
      common += Long.bitCount(packed[w] & theirs[v]);
    }
    return 2.0 * common / total;
  }

  /**
   * Whether the values at {@code index}, read as lists of tokens separated by spaces, '|', ';' or tabs, share a
   * token (a value without separators is one token).
   */
  public boolean sharesToken(LinkRecord other, int index) {
    if (packed[index] == 0 || other.packed[index] == 0) {
      return false;
    }
    long[] mine = tokenHashes[index];
    long[] theirs = other.tokenHashes[index];
    if (mine == null && theirs == null) {
      return sameValue(other, index);
    }
    long[] left = mine == null ? new long[] {packed[index]} : mine;
    long[] right = theirs == null ? new long[] {other.packed[index]} : theirs;
    int i = 0;
    int j = 0;
    while (i < left.length && j < right.length) {
      if (left[i] == right[j]) {
        return TokenLists.shareToken(values[index], other.values[index]);
      } else if (left[i] < right[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /** A copy of the decoded Bloom filter at {@code index}, or {@code null} if missing or not a Bloom field. */
  public long @Nullable [] bloom(int index) {
    int start = bloomStart[index];
    return start < 0 ? null : Arrays.copyOfRange(packed, start + 2, start + 2 + (int) packed[start + 1]);
  }

  /** The number of bits set in the Bloom filter at {@code index} (0 if missing). */
  public int bloomCardinality(int index) {
    int start = bloomStart[index];
    return start < 0 ? 0 : (int) packed[start];
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
