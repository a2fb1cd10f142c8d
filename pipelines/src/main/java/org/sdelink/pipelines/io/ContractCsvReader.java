package org.sdelink.pipelines.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.sdelink.pipelines.contract.ContractDates;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.contract.RowRules;

/**
 * Reads one input file against its contract, streaming: UTF-8 with or without a byte-order mark (a UTF-16 or UTF-32
 * file stops, named, by {@link TextEncoding}), RFC 4180 quoting
 * (quoted newlines included), CRLF or LF. The header is checked first and any breach stops the file with an
 * {@link InputContractException}; then every data row is either accepted as a {@link SourceRow} or rejected as a
 * {@link RejectedRow} with its line and reason, so rows in = accepted + rejected.
 */
public final class ContractCsvReader {
  /** Longest value accepted in one field; longer ones are rejected (a 1 MB field is broken input, not data). */
  public static final int MAX_FIELD_CHARS = 32_768;
  /** Stands in for bytes that are not UTF-8; a row holding it is rejected as {@code INVALID_ENCODING}. */
  private static final char NOT_UTF8 = '\uFFFD';

  /** Receives the outcome of every data row. */
  public interface RowHandler {
    void accept(SourceRow row);

    void reject(RejectedRow rejected);
  }

  private final InputSource source;

  private ContractCsvReader(InputSource source) {
    this.source = source;
  }

  public static ContractCsvReader forSource(InputSource source) {
    return new ContractCsvReader(checkNotNull(source));
  }

  /** Checks only the header of a file: the pre-flight check that stops a run before any pipeline starts. */
  public List<String> checkHeader(InputStream in, String fileName) throws IOException {
    try (Reader reader = utf8Reader(TextEncoding.requireUtf8(in, fileName));
        CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      return canonicalHeader(nextHeader(records, fileName), fileName);
    }
  }

  /** Reads every data row of {@code in}, handing each to {@code handler}; returns the number of data rows seen. */
  public long read(InputStream in, String fileName, RowHandler handler) throws IOException {
    try (Reader reader = utf8Reader(TextEncoding.requireUtf8(in, fileName));
        CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      List<String> header = canonicalHeader(nextHeader(records, fileName), fileName);
      return readRecords(parser, records, header, fileName, 0, 0, handler);
    }
  }

  /**
   * Reads the data rows of one range of a file ({@link InputFileRanges}) whose header {@link #checkHeader} gave:
   * rows, lines and row numbers come out as {@link #read} gives them for the whole file. Returns the data rows seen in
   * the range.
   */
  public long readRange(InputStream in, String fileName, List<String> header, InputFileRanges.Range range,
      RowHandler handler) throws IOException {
    try (Reader reader = new InputStreamReader(in, utf8Decoder());
        CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
      return readRecords(parser, parser.iterator(), List.copyOf(header), fileName, range.firstLine() - 1,
          range.rowsBefore(), handler) - range.rowsBefore();
    }
  }

  /**
   * Reads the records left in {@code parser}; {@code linesBefore} line breaks and {@code rowsBefore} data rows come
   * before its first character. Returns {@code rowsBefore} plus the data rows seen.
   */
  private long readRecords(CSVParser parser, Iterator<CSVRecord> records, List<String> header, String fileName,
      long linesBefore, long rowsBefore, RowHandler handler) {
    long rows = rowsBefore;
    long nextLine = linesBefore + parser.getCurrentLineNumber() + 1;
    while (true) {
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        rows++;
        handler.reject(
            RejectedRow.of(fileName, nextLine, "", "UNREADABLE",
                "the rest of the file from this line to line " + (linesBefore + parser.getCurrentLineNumber())
                    + " cannot be parsed (" + rootCause(e).getClass().getSimpleName()
                    + "): check for an unbalanced quote"));
        break;
      }
      rows++;
      long line = nextLine;
      nextLine = linesBefore + parser.getCurrentLineNumber() + 1;
      if (record.size() == 1 && record.get(0).isEmpty() && header.size() > 1) {
        rows--; // a blank line carries no row
        continue;
      }
      handleRecord(record, header, fileName, line, rows, handler);
    }
    return rows;
  }

  private void handleRecord(
      CSVRecord record, List<String> header, String fileName, long line, long rowNumber, RowHandler handler) {
    String la = councilOf(record, header);
    RowHandler tagged = new RowHandler() {
      @Override
      public void accept(SourceRow row) {
        handler.accept(row);
      }

      @Override
      public void reject(RejectedRow rejected) {
        handler.reject(rejected.withLaCode(la));
      }
    };
    if (record.size() != header.size()) {
      tagged.reject(RejectedRow.of(fileName, line, "", "COLUMN_COUNT",
          "expected " + header.size() + " columns, found " + record.size()));
      return;
    }
    LinkedHashMap<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String value = record.get(i);
      if (value.indexOf(NOT_UTF8) >= 0) {
        tagged.reject(RejectedRow.of(fileName, line, header.get(i), "INVALID_ENCODING",
            "bytes that are not UTF-8 (a Windows-1252 or Latin-1 file?): save the file as UTF-8"));
        return;
      }
      if (value.length() > MAX_FIELD_CHARS) {
        tagged.reject(RejectedRow.of(fileName, line, header.get(i), "FIELD_TOO_LONG",
            "value longer than " + MAX_FIELD_CHARS + " characters"));
        return;
      }
      values.put(header.get(i), value.trim());
    }
    for (String required : source.requiredColumns()) {
      if (values.getOrDefault(required, "").isEmpty()) {
        tagged.reject(RejectedRow.of(fileName, line, required, "MISSING_REQUIRED", "required value is blank"));
        return;
      }
    }
    for (String dateColumn : source.dateColumns()) {
      String value = values.getOrDefault(dateColumn, "");
      if (!value.isEmpty() && !source.identifierColumns().contains(dateColumn)
          && ContractDates.parse(value).isEmpty()) {
        tagged.reject(RejectedRow.of(fileName, line, dateColumn, "INVALID_DATE",
            "not a real date in yyyy-MM-dd or dd/MM/yyyy form"));
        return;
      }
    }
    java.util.Optional<RowRules.Failure> broken = RowRules.check(source, values);
    if (broken.isPresent()) {
      tagged.reject(RejectedRow.of(fileName, line, broken.get().column(), broken.get().reason(),
          broken.get().message()));
      return;
    }
    handler.accept(SourceRow.of(fileName, line, rowNumber, values));
  }

  /** The council a row belongs to, for per-council counts of rejects: LA_Code (CLD) or RESLADST_ONS (APC). */
  private String councilOf(CSVRecord record, List<String> header) {
    int index = header.indexOf(source == InputSource.CLD ? "LA_Code" : "RESLADST_ONS");
    if (index < 0 || index >= record.size()) {
      return "";
    }
    String value = record.get(index).trim();
    return value.length() <= 12 && value.matches("[A-Za-z0-9]*") ? value : "";
  }

  private static List<String> nextHeader(Iterator<CSVRecord> records, String fileName) {
    CSVRecord header;
    try {
      if (!records.hasNext()) {
        throw new InputContractException(
            "file " + fileName + " is empty: expected a header row with the contract's column names");
      }
      header = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      // Both the pre-flight check and the full read stop here: a header that cannot be parsed is a file-level fault.
      throw new InputContractException(
          "file " + fileName + ": the header row cannot be read as CSV (" + rootCause(e).getClass().getSimpleName()
              + ", e.g. an unbalanced quote); correct the header and run again");
    }
    List<String> names = new ArrayList<>();
    header.forEach(names::add);
    return names;
  }

  private List<String> canonicalHeader(List<String> raw, String fileName) {
    List<String> canonical = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    long declared = raw.stream().filter(name -> source.canonicalColumn(name).isPresent()).count();
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i);
      int position = i + 1;
      String column =
          source.canonicalColumn(name).orElseThrow(() -> undeclared(raw, declared, name, position, fileName));
      if (!seen.add(column)) {
        throw new InputContractException(
            "file " + fileName + ": column '" + column + "' appears twice in the header; keep one and run again");
      }
      canonical.add(column);
    }
    for (String required : source.requiredColumns()) {
      if (!seen.contains(required)) {
        throw new InputContractException(
            "file " + fileName + ": required column '" + required + "' is missing from the header; add it and run"
                + " again");
      }
    }
    return canonical;
  }

  /**
   * The stop for an undeclared column. Its name is shown only when {@link QuotableHeaderCell} allows it (a column-name
   * shape made of known column words); otherwise its position only, since the cell may be a data value (a name, when
   * the header row is missing or mistyped). When most of the row is not in the contract the header row is probably
   * missing and no cell is quoted.
   */
  private InputContractException undeclared(List<String> raw, long declared, String name, int position,
      String fileName) {
    String contract = source.id().toUpperCase(java.util.Locale.ROOT);
    if (declared * 2 < raw.size()) {
      return new InputContractException("file " + fileName + ": " + (raw.size() - declared) + " of the "
          + raw.size() + " names in its first row are not in the " + contract + " contract"
          + " (docs/data-contracts.md): the header row is missing, or this is not " + (source == InputSource.APC ? "an "
          : "a ") + contract + " file. Add the"
          + " header row (or give the file to the right --source) and run again");
    }
    String shown = QuotableHeaderCell.isQuotable(name) ? " '" + name.strip() + "'" : " (its text is not shown: it"
        + " is not a known column name and may be a data value)";
    return new InputContractException(
        "file " + fileName + ": column " + position + " of the header" + shown + " is not in the " + contract
            + " contract (docs/data-contracts.md). An undeclared column may carry identifiers: remove it "
            + "from the file, or correct its name, and run again");
  }

  private static Reader utf8Reader(InputStream in) throws IOException {
    InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
    return new InputStreamReader(withoutBom, utf8Decoder());
  }

  private static CharsetDecoder utf8Decoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(NOT_UTF8));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
