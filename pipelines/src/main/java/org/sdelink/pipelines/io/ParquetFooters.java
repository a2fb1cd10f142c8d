package org.sdelink.pipelines.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer independent of the process that wrote it. parquet-java lists each column's encodings
 * in the iteration order of a {@code HashSet} of enum constants, which follows identity hash codes, so two processes
 * writing the same rows can write different bytes (apache/parquet-java#3215). Sorting those lists restores
 * "same input, same bytes". The footer keeps its length, so it is rewritten in place.
 */
public final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /** Sorts the encoding lists in the footer of {@code parquet}, in place. */
  public static void sortEncodings(Path parquet) throws IOException {
    try (FileChannel file = FileChannel.open(parquet, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = file.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(file, tail, size - 8);
      int footerLength = tail.getInt(0);
      byte[] magic = new byte[4];
      tail.position(4);
      tail.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC) || footerLength <= 0 || footerLength > size - 12) {
        throw new IOException("not a Parquet file: " + parquet.getFileName());
      }
      long footerStart = size - 8 - footerLength;
      ByteBuffer footer = ByteBuffer.allocate(footerLength);
      readFully(file, footer, footerStart);
      FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      for (RowGroup group : metadata.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData column = chunk.getMeta_data();
          if (column == null) {
            continue;
          }
          if (column.getEncodings() != null) {
            column.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
          }
          if (column.getEncoding_stats() != null) {
            column.getEncoding_stats().sort(Comparator
                .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                .thenComparingInt(s -> s.getEncoding().getValue())
                .thenComparingInt(PageEncodingStats::getCount));
          }
        }
      }
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footerLength);
      Util.writeFileMetaData(metadata, rewritten);
      if (rewritten.size() != footerLength) {
        throw new IOException("the sorted Parquet footer of " + parquet.getFileName() + " changed length");
      }
      ByteBuffer out = ByteBuffer.wrap(rewritten.toByteArray());
      long position = footerStart;
      while (out.hasRemaining()) {
        position += file.write(out, position);
      }
    }
  }

  private static void readFully(FileChannel file, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = file.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of file");
      }
      at += read;
    }
  }
}
