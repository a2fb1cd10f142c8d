package org.sdelink.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The coder of {@link SourceRow}: file name, line, row number and the column/value pairs in order. It replaces Java
 * serialisation, which cost about half the pseudonymise stage's time on Flink (measured with JFR).
 */
public final class SourceRowCoder extends CustomCoder<SourceRow> {
  private static final long serialVersionUID = 1L;
  private static final SourceRowCoder INSTANCE = new SourceRowCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final VarIntCoder INT = VarIntCoder.of();

  private SourceRowCoder() {}

  public static SourceRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SourceRow row, OutputStream out) throws IOException {
    if (row == null) {
      throw new CoderException("cannot encode a null SourceRow");
    }
    STRING.encode(row.fileName(), out);
    LONG.encode(row.line(), out);
    LONG.encode(row.rowNumber(), out);
    Map<String, String> values = row.values();
    INT.encode(values.size(), out);
    for (Map.Entry<String, String> value : values.entrySet()) {
      STRING.encode(value.getKey(), out);
      STRING.encode(value.getValue(), out);
    }
  }

  @Override
  public SourceRow decode(InputStream in) throws IOException {
    String fileName = STRING.decode(in);
    long line = LONG.decode(in);
    long rowNumber = LONG.decode(in);
    int size = INT.decode(in);
    LinkedHashMap<String, String> values = new LinkedHashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      values.put(STRING.decode(in), STRING.decode(in));
    }
    return SourceRow.of(fileName, line, rowNumber, values);
  }

  @Override
  public void verifyDeterministic() {}
}
