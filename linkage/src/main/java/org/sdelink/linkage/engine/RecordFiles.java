package org.sdelink.linkage.engine;

import static com.google.common.base.Preconditions.checkNotNull;

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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Reads linkage records from a CSV file with a header (RFC 4180; values and header names trimmed), through a
 * model's reader. A record id that repeats is read once (the spine contract: identical resubmitted records share
 * an id). For small files and tests; the Beam engine reads at scale.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /** The distinct records of the CSV file at {@code path}, read as {@code source}. */
  public static List<LinkRecord> readCsv(Path path, LinkageModel model, String source) {
    checkNotNull(path, "path");
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return readCsv(reader, model, source);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read records file " + path.getFileName(), e);
    }
  }

  /** The distinct records of CSV text, read as {@code source}. */
  public static List<LinkRecord> readCsv(Reader csv, LinkageModel model, String source) throws IOException {
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
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord row : parser) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
          values.put(header.get(i), row.get(i));
        }
        LinkRecord record = model.record(source, values);
        if (ids.add(record.id())) {
          records.add(record);
        }
      }
    }
    return records;
  }
}
