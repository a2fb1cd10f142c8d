package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.StructuredCoder;
import org.apache.beam.sdk.values.KV;

/**
 * The coder of a tagged row ({@code tag -> column-to-value map}) that knows each tag's columns: a row holding exactly
 * its tag's columns is written as its values in column order, without the column names, which halves the bytes and
 * the strings a shuffle of rows decodes. Any other row (other columns, or a tag it does not know) is written whole.
 */
public final class TaggedRowCoder extends StructuredCoder<KV<String, Map<String, String>>> {
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final MapCoder<String, String> MAP = MapCoder.of(STRING, STRING);
  private static final int BY_LAYOUT = 0;
  private static final int WHOLE = 1;

  private final ImmutableMap<String, ImmutableList<String>> layouts;

  private TaggedRowCoder(ImmutableMap<String, ImmutableList<String>> layouts) {
    this.layouts = layouts;
  }

  /** A coder for rows tagged with the keys of {@code layouts}, each holding its tag's columns. */
  public static TaggedRowCoder of(Map<String, List<String>> layouts) {
    checkNotNull(layouts, "layouts");
    ImmutableMap.Builder<String, ImmutableList<String>> copy = ImmutableMap.builder();
    layouts.forEach((tag, columns) -> copy.put(tag, ImmutableList.copyOf(columns)));
    return new TaggedRowCoder(copy.buildOrThrow());
  }

  @Override
  public void encode(KV<String, Map<String, String>> row, OutputStream out) throws IOException {
    STRING.encode(row.getKey(), out);
    Map<String, String> values = row.getValue();
    ImmutableList<String> columns = layouts.get(row.getKey());
    if (columns != null && values.size() == columns.size() && values.keySet().containsAll(columns)) {
      out.write(BY_LAYOUT);
      for (String column : columns) {
        STRING.encode(values.get(column), out);
      }
    } else {
      out.write(WHOLE);
      MAP.encode(values, out);
    }
  }

  @Override
  public KV<String, Map<String, String>> decode(InputStream in) throws IOException {
    String tag = STRING.decode(in);
    int form = in.read();
    if (form == WHOLE) {
      return KV.of(tag, MAP.decode(in));
    }
    ImmutableList<String> columns = layouts.get(tag);
    if (form != BY_LAYOUT || columns == null) {
      throw new CoderException("a tagged row written by another layout (form " + form + ")");
    }
    Map<String, String> values = new HashMap<>(columns.size() * 2);
    for (String column : columns) {
      values.put(column, STRING.decode(in));
    }
    return KV.of(tag, values);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "map order is not part of a row's encoding contract");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TaggedRowCoder that && layouts.equals(that.layouts);
  }

  @Override
  public int hashCode() {
    return layouts.hashCode();
  }

  @Override
  public String toString() {
    return "TaggedRowCoder" + layouts;
  }
}
