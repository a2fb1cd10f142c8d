package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.sdelink.pipelines.run.UserError;

/**
 * The operator's council lookups for the dashboard: council names ({@code la_code,la_name}) and comparator groups
 * ({@code la_code,comparator_group}). sdelink ships neither, so both are optional: without names a council is shown
 * by its code (the documented fallback); without a comparator file a council's group is the councils of its
 * {@link CouncilType}, and a council the comparator file leaves out falls back to its type. Files are read whole (one
 * line per council: small). A missing or malformed file stops the run naming the file, where it was given (an option
 * or a run-configuration key), the line and column and what to do, never a value.
 */
public final class CouncilLookups {
  static final List<String> NAMES_HEADER = List.of("la_code", "la_name");
  static final List<String> COMPARATORS_HEADER = List.of("la_code", "comparator_group");

  private final ImmutableMap<String, String> names;
  private final ImmutableMap<String, String> groups;

  private CouncilLookups(Map<String, String> names, Map<String, String> groups) {
    this.names = ImmutableMap.copyOf(names);
    this.groups = ImmutableMap.copyOf(groups);
  }

  /** No names and the default groups (council type). */
  public static CouncilLookups defaults() {
    return new CouncilLookups(Map.of(), Map.of());
  }

  /** Reads the files given to {@code sdelink report} ({@code --council-names}, {@code --comparators}; either null). */
  public static CouncilLookups read(@Nullable Path namesFile, @Nullable Path comparatorFile) throws IOException {
    return read(namesFile, "--council-names", comparatorFile, "--comparators");
  }

  /**
   * Reads the files given (either may be null); {@code namesOrigin} and {@code comparatorOrigin} say where each was
   * named (an option such as {@code --council-names}, or a run-configuration key), for the messages.
   */
  public static CouncilLookups read(@Nullable Path namesFile, String namesOrigin, @Nullable Path comparatorFile,
      String comparatorOrigin) throws IOException {
    checkNotNull(namesOrigin, "namesOrigin");
    checkNotNull(comparatorOrigin, "comparatorOrigin");
    return new CouncilLookups(
        namesFile == null ? Map.of() : readPairs(namesFile, NAMES_HEADER, "council names file", namesOrigin,
            "the council's name"),
        comparatorFile == null ? Map.of() : readPairs(comparatorFile, COMPARATORS_HEADER, "comparator file",
            comparatorOrigin, "the council's comparator group"));
  }

  private static Map<String, String> readPairs(Path file, List<String> header, String kind, String origin,
      String valueMeaning) throws IOException {
    String what = kind + " " + file + " (" + origin + ")";
    String shape = "a UTF-8 CSV with the header " + String.join(",", header) + " and one row per council";
    if (!Files.isRegularFile(file)) {
      throw new UserError(what + " does not exist or is not a file; give " + shape + ", or leave " + origin
          + " out (councils are then shown by code" + (kind.startsWith("comparator") ? " and grouped by type" : "")
          + ")");
    }
    Map<String, String> pairs = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      List<String> found = new ArrayList<>(parser.getHeaderNames());
      if (!found.isEmpty()) {
        found.set(0, found.get(0).replace("\uFEFF", "")); // a byte-order mark, as spreadsheets write
      }
      if (!found.equals(header)) {
        throw new UserError(what + " line 1: the header must be exactly " + String.join(",", header)
            + "; give " + shape);
      }
      for (CSVRecord record : parser) {
        long lineNumber = parser.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue; // a blank line
        }
        if (record.size() != header.size()) {
          throw new UserError(what + " line " + lineNumber + ": " + record.size() + " field(s) where " + header.size()
              + " (" + String.join(",", header) + ") are expected; put a value holding a comma in double quotes");
        }
        String la = record.get(0).strip();
        String value = record.get(1).strip();
        for (int column = 0; column < header.size(); column++) {
          if ((column == 0 ? la : value).isEmpty()) {
            throw new UserError(what + " line " + lineNumber + ", column " + header.get(column) + " is empty; give "
                + (column == 0 ? "the council's code (LA_Code as in CLD)" : valueMeaning)
                + ", or leave the row out");
          }
        }
        if (pairs.put(la, value) != null) {
          throw new UserError(what + " line " + lineNumber + ", column la_code: a council already listed on an earlier"
              + " line; give each la_code once");
        }
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new UserError(what + " is not UTF-8 text; save it as UTF-8 CSV (" + String.join(",", header) + ")");
      }
      // commons-csv reports a broken quote as one of these; its message may quote the file, so it is not shown.
      throw new UserError(what + " is not valid CSV (" + e.getClass().getSimpleName() + ", e.g. an unclosed double"
          + " quote); give " + shape);
    } catch (CharacterCodingException e) {
      throw new UserError(what + " is not UTF-8 text; save it as UTF-8 CSV (" + String.join(",", header) + ")");
    }
    if (pairs.isEmpty()) {
      throw new UserError(what + " has no rows; give " + shape + ", or leave " + origin + " out");
    }
    return pairs;
  }

  /** The council's name, or its code when no name is known. */
  public String name(String laCode) {
    checkNotNull(laCode, "laCode");
    return names.getOrDefault(laCode, laCode);
  }

  /** Whether a name was given for the council. */
  public boolean hasName(String laCode) {
    return names.containsKey(laCode);
  }

  /** Whether a names file was given (then by-council CSVs carry a {@code council_name} column). */
  public boolean namesGiven() {
    return !names.isEmpty();
  }

  /** A council as shown on a page: {@code name (code)} when a names file gave its name, else its code. */
  public String label(String laCode) {
    checkNotNull(laCode, "laCode");
    String name = names.get(laCode);
    return name == null ? laCode : name + " (" + laCode + ")";
  }

  /** The council's comparator group: the operator's, else its {@link CouncilType}. */
  public String group(String laCode) {
    checkNotNull(laCode, "laCode");
    String group = groups.get(laCode);
    return group != null ? group : CouncilType.of(laCode);
  }

  /** Whether the comparator groups come from an operator file. */
  public boolean operatorGroups() {
    return !groups.isEmpty();
  }
}
