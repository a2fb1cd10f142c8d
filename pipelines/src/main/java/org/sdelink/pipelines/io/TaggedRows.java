package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * CSV rows (values in column order, as {@link ReadCsvColumns} gives them) turned into column-to-value maps, tagged
 * with where they came from and keyed by one of their columns: {@code key -> (tag, row)}, the element the stages
 * group by person or by record. The key is {@code keyPrefix} followed by the row's {@code keyColumn} value (blank
 * when the row has none).
 */
public final class TaggedRows
    extends PTransform<PCollection<List<String>>, PCollection<KV<String, KV<String, Map<String, String>>>>> {
  private final String tag;
  private final List<String> columns;
  private final String keyPrefix;
  private final String keyColumn;
  private final Map<String, List<String>> layouts;

  private TaggedRows(String tag, List<String> columns, String keyPrefix, String keyColumn,
      Map<String, List<String>> layouts) {
    this.tag = tag;
    this.columns = List.copyOf(columns);
    this.keyPrefix = keyPrefix;
    this.keyColumn = keyColumn;
    this.layouts = Map.copyOf(layouts);
  }

  /** Rows with {@code columns} tagged {@code tag} and keyed by {@code keyPrefix + row[keyColumn]}. */
  public static TaggedRows of(String tag, List<String> columns, String keyPrefix, String keyColumn) {
    checkNotNull(tag, "tag");
    checkNotNull(columns, "columns");
    checkNotNull(keyPrefix, "keyPrefix");
    checkNotNull(keyColumn, "keyColumn");
    checkArgument(columns.contains(keyColumn), "the key column %s is not among the columns read", keyColumn);
    return new TaggedRows(tag, columns, keyPrefix, keyColumn, Map.of(tag, columns));
  }

  /**
   * The same rows encoded with {@link #coder(Map)} of {@code layouts} (every tag's columns): rows of several tags that
   * are flattened together must share one coder.
   */
  public TaggedRows encodedFor(Map<String, List<String>> layouts) {
    checkArgument(columns.equals(layouts.get(tag)), "the layouts must give tag %s its columns", tag);
    return new TaggedRows(tag, columns, keyPrefix, keyColumn, layouts);
  }

  /** The element type, for {@code MapElements.into}. */
  public static TypeDescriptor<KV<String, KV<String, Map<String, String>>>> type() {
    return new TypeDescriptor<>() {};
  }

  /** The element coder for rows of the tags of {@code layouts}, each with its columns ({@link TaggedRowCoder}). */
  public static Coder<KV<String, KV<String, Map<String, String>>>> coder(Map<String, List<String>> layouts) {
    return KvCoder.of(StringUtf8Coder.of(), TaggedRowCoder.of(layouts));
  }

  @Override
  public PCollection<KV<String, KV<String, Map<String, String>>>> expand(PCollection<List<String>> rows) {
    List<String> names = columns;
    String source = tag;
    String prefix = keyPrefix;
    String key = keyColumn;
    return rows
        .apply("ToTaggedMap", MapElements.into(type()).via((List<String> values) -> {
          Map<String, String> row = new HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values.get(i));
          }
          return KV.of(prefix + row.getOrDefault(key, ""), KV.of(source, row));
        }))
        .setCoder(coder(layouts));
  }
}
