package org.sdelink.pipelines.pseudonymise;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** The coder of {@link RowPseudonymiser.PseudonymisedRow}: record id, council, values and flags, without Java serialisation. */
public final class PseudonymisedRowCoder extends CustomCoder<RowPseudonymiser.PseudonymisedRow> {
  private static final long serialVersionUID = 1L;
  private static final PseudonymisedRowCoder INSTANCE = new PseudonymisedRowCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarIntCoder INT = VarIntCoder.of();

  private PseudonymisedRowCoder() {}

  public static PseudonymisedRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowPseudonymiser.PseudonymisedRow row, OutputStream out) throws IOException {
    if (row == null) {
      throw new CoderException("cannot encode a null pseudonymised row");
    }
    STRING.encode(row.recordId(), out);
    STRING.encode(row.laCode(), out);
    encodeList(row.values(), out);
    encodeList(row.flags(), out);
  }

  @Override
  public RowPseudonymiser.PseudonymisedRow decode(InputStream in) throws IOException {
    String recordId = STRING.decode(in);
    String laCode = STRING.decode(in);
    List<String> values = decodeList(in);
    List<String> flags = decodeList(in);
    return new RowPseudonymiser.PseudonymisedRow(recordId, laCode, values, flags);
  }

  private static void encodeList(List<String> list, OutputStream out) throws IOException {
    INT.encode(list.size(), out);
    for (String value : list) {
      STRING.encode(value, out);
    }
  }

  private static List<String> decodeList(InputStream in) throws IOException {
    int size = INT.decode(in);
    List<String> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(STRING.decode(in));
    }
    return list;
  }

  @Override
  public void verifyDeterministic() {}
}
