package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {
  @TempDir Path dir;

  private Path write(String name) throws IOException {
    Schema schema = SchemaBuilder.record("r").fields()
        .name("a").type().nullable().stringType().noDefault()
        .name("b").type().nullable().stringType().noDefault().endRecord();
    Path file = dir.resolve(name);
    ParquetIO.Sink sink = ParquetIO.sink(schema);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      sink.open(channel);
      for (int i = 0; i < 100; i++) {
        GenericRecord row = new GenericData.Record(schema);
        row.put("a", "v" + (i % 7));
        row.put("b", i % 3 == 0 ? null : "w" + i);
        sink.write(row);
      }
      sink.flush();
    }
    return file;
  }

  private static FileMetaData footer(byte[] bytes) throws IOException {
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
  }

  /** Reverses every encoding list, as another process's HashSet order may have written it. */
  private static byte[] withEncodingsReversed(byte[] bytes) throws IOException {
    int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData metadata = footer(bytes);
    for (ColumnChunk chunk : metadata.getRow_groups().get(0).getColumns()) {
      Collections.reverse(chunk.getMeta_data().getEncodings());
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(metadata, footer);
    assertEquals(length, footer.size());
    byte[] copy = bytes.clone();
    System.arraycopy(footer.toByteArray(), 0, copy, bytes.length - 8 - length, length);
    return copy;
  }

  @Test
  void filesThatDifferOnlyInEncodingOrderBecomeByteIdentical() throws IOException {
    Path first = write("first.parquet");
    byte[] original = Files.readAllBytes(first);
    List<Encoding> encodings = footer(original).getRow_groups().get(0).getColumns().get(0).getMeta_data()
        .getEncodings();
    org.junit.jupiter.api.Assumptions.assumeTrue(encodings.size() > 1, "needs more than one encoding to reorder");
    Path second = dir.resolve("second.parquet");
    Files.write(second, withEncodingsReversed(original));
    Path third = dir.resolve("third.parquet");
    Files.write(third, original);
    assertFalse(Arrays.equals(Files.readAllBytes(second), Files.readAllBytes(third)), "the test must start apart");

    ParquetFooters.sortEncodings(second);
    ParquetFooters.sortEncodings(third);

    assertArrayEquals(Files.readAllBytes(third), Files.readAllBytes(second));
    FileMetaData sorted = footer(Files.readAllBytes(second));
    assertEquals(100, sorted.getNum_rows());
    for (ColumnChunk chunk : sorted.getRow_groups().get(0).getColumns()) {
      List<Encoding> list = chunk.getMeta_data().getEncodings();
      for (int i = 1; i < list.size(); i++) {
        assertFalse(list.get(i - 1).getValue() > list.get(i).getValue(), "not sorted: " + list);
      }
    }
  }

  @Test
  void aFileThatIsNotParquetIsRefused() throws IOException {
    Path text = dir.resolve("x.parquet");
    Files.writeString(text, "not a parquet file at all");
    assertThrows(IOException.class, () -> ParquetFooters.sortEncodings(text));
  }
}
