package org.sdelink.pipelines.publish;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.sdelink.pipelines.io.ParquetFooters;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.policies.spreadsheet.SpreadsheetSafeCells;

/**
 * Parquet copies of released CSV files, written with Beam's {@link ParquetIO} sink in the CSV's row order, so the
 * Parquet file is as deterministic as the CSV. Every column is an optional string, exactly as in the CSV (blank =
 * null), so no value changes meaning between the two formats; a cell the CSV neutralised for spreadsheets
 * ({@link SpreadsheetSafeCells}) is stored with its true value.
 */
final class ParquetCopies {
  private ParquetCopies() {}

  /** Writes {@code parquet} from {@code csv}; returns the number of rows. */
  static long write(Path csv, String recordName, Path parquet) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      List<String> columns = parser.getHeaderNames();
      SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(avroName(recordName))
          .namespace("org.sdelink.release").fields();
      for (String column : columns) {
        fields = fields.name(avroName(column)).type().nullable().stringType().noDefault();
      }
      Schema schema = fields.endRecord();
      ParquetIO.Sink sink = ParquetIO.sink(schema);
      long rows = 0;
      try (FileChannel channel = FileChannel.open(parquet, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        sink.open(channel);
        for (CSVRecord record : parser) {
          // Fields by position: the schema's fields are the CSV's columns in order.
          GenericRecord row = new GenericData.Record(schema);
          for (int i = 0; i < columns.size(); i++) {
            String value = SpreadsheetSafeCells.restore(record.get(i));
            row.put(i, value.isEmpty() ? null : value);
          }
          sink.write(row);
          rows++;
        }
        sink.flush();
      }
      ParquetFooters.sortEncodings(parquet);
      return rows;
    }
  }

  /** Avro names allow letters, digits and underscores, not starting with a digit. */
  private static String avroName(String column) {
    String name = column.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }
}
