package org.sdelink.pipelines.pseudonymise;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A compact coder of {@link RowPseudonymiser.PseudonymisedRow} (strings and string lists, no Java serialization). */
public final class PseudonymisedRowCoder extends CustomCoder<RowPseudonymiser.PseudonymisedRow> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final ListCoder<String> LIST = ListCoder.of(STRING);
  private static final PseudonymisedRowCoder INSTANCE = new PseudonymisedRowCoder();

  private PseudonymisedRowCoder() {}

  public static PseudonymisedRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RowPseudonymiser.PseudonymisedRow row, OutputStream out) throws IOException {
    STRING.encode(row.recordId(), out);
    STRING.encode(row.laCode(), out);
    LIST.encode(row.values(), out);
    LIST.encode(row.flags(), out);
    LIST.encode(row.unknownCodeColumns(), out);
  }

  @Override
  public RowPseudonymiser.PseudonymisedRow decode(InputStream in) throws IOException {
    String recordId = STRING.decode(in);
    String laCode = STRING.decode(in);
    List<String> values = LIST.decode(in);
    List<String> flags = LIST.decode(in);
    List<String> unknown = LIST.decode(in);
    return new RowPseudonymiser.PseudonymisedRow(recordId, laCode, values, flags, unknown);
  }

  @Override
  public void verifyDeterministic() {}
}
