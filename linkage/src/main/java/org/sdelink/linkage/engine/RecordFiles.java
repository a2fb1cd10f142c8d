package org.sdelink.linkage.engine;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelSpecException;
import org.sdelink.linkage.record.FieldSpec;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Reads linkage records from a CSV file with a header (RFC 4180; values and header names trimmed), through a
 * model's reader. The header is checked first: a column a field of the model reads, or the id column, missing
 * from the file stops the read with a message naming the file, the column, the field and its spec line (never a
 * value). A record id that repeats is read once (the spine contract: identical resubmitted records share an id).
 * Dates present but unreadable are read as missing and counted per field. For small files and tests; the Beam
 * engine reads at scale.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /**
   * The records of a file with the counts a report needs.
   *
   * @param records the distinct records, in file order
   * @param rows the data rows read
   * @param repeatedIds rows whose id repeated an earlier row's (read once)
   * @param unreadableDates per date field, the rows whose date was present but not readable (read as missing)
   */
  public record Contents(
      List<LinkRecord> records, long rows, long repeatedIds, ImmutableSortedMap<String, Long> unreadableDates) {
    public Contents {
      records = ImmutableList.copyOf(records);
    }
  }

  /** The distinct records of the CSV file at {@code path}, read as {@code source}. */
  public static List<LinkRecord> readCsv(Path path, LinkageModel model, String source) {
    return read(path, model, source).records();
  }

  /** The records and counts of the CSV file at {@code path}, read as {@code source}. */
  public static Contents read(Path path, LinkageModel model, String source) {
    checkNotNull(path, "path");
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(reader, model, source, String.valueOf(path.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read records file " + path.getFileName(), e);
    }
  }

  /** The distinct records of CSV text, read as {@code source}. */
  public static List<LinkRecord> readCsv(Reader csv, LinkageModel model, String source) throws IOException {
    return read(csv, model, source, "the records file").records();
  }

  private static Contents read(Reader csv, LinkageModel model, String source, String fileName)
      throws IOException {
    checkNotNull(csv, "csv");
    checkNotNull(model, "model");
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .setIgnoreSurroundingSpaces(true)
        .get();
    List<LinkRecord> records = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, Long> unreadable = new TreeMap<>();
    long rows = 0;
    long repeated = 0;
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      checkHeader(header, model, source, fileName);
      for (CSVRecord row : parser) {
        rows++;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
          values.put(header.get(i), row.get(i));
        }
        String id = values.get(model.reader().idColumn());
        if (id == null || id.isBlank()) {
          throw ModelSpecException.of(String.format(
              "%s line %d: the id column '%s' is blank; every row needs a record id",
              fileName, parser.getCurrentLineNumber(), model.reader().idColumn()));
        }
        LinkRecord record = model.record(source, values);
        for (String field : model.reader().unreadableDates(source, values)) {
          unreadable.merge(field, 1L, Long::sum);
        }
        if (ids.add(record.id())) {
          records.add(record);
        } else {
          repeated++;
        }
      }
    }
    return new Contents(records, rows, repeated, ImmutableSortedMap.copyOf(unreadable));
  }

  /** Fails, naming the file, column, field and spec line, if the header lacks a column the model reads. */
  private static void checkHeader(List<String> header, LinkageModel model, String source, String fileName) {
    Set<String> columns = new HashSet<>(header);
    String idColumn = model.reader().idColumn();
    if (!columns.contains(idColumn)) {
      int line = model.specLine("id_column");
      throw ModelSpecException.of(String.format(
          "%s (source '%s') has no id column '%s'%s; give the file that column or set id_column in the model",
          fileName, source, idColumn, line > 0 ? " (model line " + line + ")" : ""));
    }
    for (FieldSpec field : model.fields()) {
      String column = field.columnFor(source);
      if (!column.isEmpty() && !columns.contains(column)) {
        int line = model.fieldLine(field.name());
        throw ModelSpecException.of(String.format(
            "%s (source '%s') has no column '%s', which field '%s' reads%s; fix the field's column(s) in the"
                + " model or give a file with that column",
            fileName, source, column, field.name(), line > 0 ? " (model line " + line + ")" : ""));
      }
    }
  }
}
