package org.sdelink.pipelines.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The operator's council lookups for the benchmarking pages: council names ({@code la_code,la_name}) and comparator
 * groups ({@code la_code,comparator_group}). Both are optional: without names a council is shown by its code;
 * without a comparator file a council's group is the councils of its {@link CouncilType}. A council the comparator
 * file leaves out falls back to its type. Files are read whole (one line per council: small); a bad file stops the
 * report naming the file, line and column, never a value.
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

  /** Reads the files given (either may be null). */
  public static CouncilLookups read(@Nullable Path namesFile, @Nullable Path comparatorFile) throws IOException {
    return new CouncilLookups(namesFile == null ? Map.of() : readPairs(namesFile, NAMES_HEADER, "--council-names"),
        comparatorFile == null ? Map.of() : readPairs(comparatorFile, COMPARATORS_HEADER, "--comparators"));
  }

  private static Map<String, String> readPairs(Path file, List<String> header, String option) throws IOException {
    Map<String, String> pairs = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      if (!parser.getHeaderNames().equals(header)) {
        throw new IllegalArgumentException(option + " file " + file + ": the header must be exactly "
            + String.join(",", header));
      }
      for (CSVRecord record : parser) {
        long lineNumber = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          throw new IllegalArgumentException(option + " file " + file + " line " + lineNumber + ": " + record.size()
              + " fields where " + header.size() + " are expected");
        }
        String la = record.get(0).trim();
        String value = record.get(1).trim();
        if (la.isEmpty() || value.isEmpty()) {
          throw new IllegalArgumentException(option + " file " + file + " line " + lineNumber + ", column "
              + (la.isEmpty() ? header.get(0) : header.get(1)) + " is empty");
        }
        if (pairs.put(la, value) != null) {
          throw new IllegalArgumentException(option + " file " + file + " line " + lineNumber
              + ": a second row for a council already listed; give each la_code once");
        }
      }
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
