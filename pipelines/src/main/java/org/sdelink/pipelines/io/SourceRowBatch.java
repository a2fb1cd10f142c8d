package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Consecutive accepted rows of one file, sharing one header: the unit in which {@link ReadContractRows} moves rows
 * from the one reader of a file to the workers that process them. Moving a thousand rows as one element, with the
 * column names once, makes the shuffle's sort and the multi-output plumbing of batch runners cost per batch, not per
 * row.
 */
final class SourceRowBatch {
  private final String fileName;
  private final List<String> columns;
  private final List<long[]> positions = new ArrayList<>();
  private final List<String[]> values = new ArrayList<>();

  private SourceRowBatch(String fileName, List<String> columns) {
    this.fileName = fileName;
    this.columns = List.copyOf(columns);
  }

  static SourceRowBatch startingWith(SourceRow row) {
    SourceRowBatch batch = new SourceRowBatch(row.fileName(), new ArrayList<>(row.values().keySet()));
    batch.add(row);
    return batch;
  }

  /** Whether {@code row} has this batch's file and columns, in the same order. */
  boolean fits(SourceRow row) {
    if (!row.fileName().equals(fileName) || row.values().size() != columns.size()) {
      return false;
    }
    Iterator<String> names = row.values().keySet().iterator();
    for (String column : columns) {
      if (!column.equals(names.next())) {
        return false;
      }
    }
    return true;
  }

  void add(SourceRow row) {
    checkArgument(fits(row), "row does not fit the batch");
    positions.add(new long[] {row.line(), row.rowNumber()});
    values.add(row.values().values().toArray(new String[0]));
  }

  int size() {
    return values.size();
  }

  List<SourceRow> rows() {
    List<SourceRow> rows = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Map<String, String> row = new LinkedHashMap<>(columns.size() * 2);
      String[] rowValues = values.get(i);
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c), rowValues[c]);
      }
      rows.add(SourceRow.of(fileName, positions.get(i)[0], positions.get(i)[1], row));
    }
    return rows;
  }

  /** Encodes the header once and each row as its line, row number and values. */
  static final class Coder extends CustomCoder<SourceRowBatch> {
    private static final long serialVersionUID = 1L;
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    @Override
    public void encode(SourceRowBatch batch, OutputStream out) throws IOException {
      STRING.encode(batch.fileName, out);
      INT.encode(batch.columns.size(), out);
      for (String column : batch.columns) {
        STRING.encode(column, out);
      }
      INT.encode(batch.values.size(), out);
      for (int i = 0; i < batch.values.size(); i++) {
        LONG.encode(batch.positions.get(i)[0], out);
        LONG.encode(batch.positions.get(i)[1], out);
        for (String value : batch.values.get(i)) {
          STRING.encode(value, out);
        }
      }
    }

    @Override
    public SourceRowBatch decode(InputStream in) throws IOException {
      String fileName = STRING.decode(in);
      int width = INT.decode(in);
      List<String> columns = new ArrayList<>(width);
      for (int c = 0; c < width; c++) {
        columns.add(STRING.decode(in));
      }
      SourceRowBatch batch = new SourceRowBatch(fileName, columns);
      int size = INT.decode(in);
      for (int i = 0; i < size; i++) {
        batch.positions.add(new long[] {LONG.decode(in), LONG.decode(in)});
        String[] row = new String[width];
        for (int c = 0; c < width; c++) {
          row[c] = STRING.decode(in);
        }
        batch.values.add(row);
      }
      return batch;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
