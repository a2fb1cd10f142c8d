package org.sdelink.policies.treatments;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.policies.CodeTableRule;
import org.sdelink.policies.Policy;

/**
 * The code tables a policy names in its {@code lookups:} section, read from the operator's CSV files (sdelink ships
 * none). Each file needs a header line with the key and value columns the policy names; blank keys are skipped, a
 * key given two different values is an error, and the postcode table's keys are normalised like the postcodes looked
 * up in it. The SHA-256 of each file is kept: a worker that reads a table again ({@link #tables()}) checks it, so a
 * table changed during a run stops the run. Messages name files, columns and line numbers, never codes.
 */
public final class CodeTables implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One table: where it is and the SHA-256 of the bytes read. */
  public record Source(String name, String file, String keyColumn, String valueColumn, String sha256)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final ImmutableList<Source> sources;
  private transient ImmutableMap<String, ImmutableMap<String, String>> tables;

  private CodeTables(ImmutableList<Source> sources, ImmutableMap<String, ImmutableMap<String, String>> tables) {
    this.sources = sources;
    this.tables = tables;
  }

  /** No tables. */
  public static CodeTables none() {
    return new CodeTables(ImmutableList.of(), ImmutableMap.of());
  }

  /**
   * Reads every table {@code policy} names, resolving relative paths against the policy file's folder.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException when a file lacks a named column or maps a code to two values
   */
  public static CodeTables of(Policy policy) throws IOException {
    checkNotNull(policy, "policy");
    ImmutableList.Builder<Source> sources = ImmutableList.builder();
    ImmutableMap.Builder<String, ImmutableMap<String, String>> tables = ImmutableMap.builder();
    for (CodeTableRule rule : policy.lookups().values()) {
      Path file = rule.resolve(policy.source());
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file + " (the code table " + rule.name() + " named in lookups." + rule.name()
            + " of policy " + policy.name() + ": put the operator's copy of the table there)");
      }
      byte[] bytes = Files.readAllBytes(file);
      Source source = new Source(rule.name(), file.toAbsolutePath().toString(), rule.keyColumn(), rule.valueColumn(),
          Hashing.sha256().hashBytes(bytes).toString());
      sources.add(source);
      tables.put(rule.name(), parse(source, new String(bytes, StandardCharsets.UTF_8)));
    }
    return new CodeTables(sources.build(), tables.buildOrThrow());
  }

  /** The tables, name to (code to value); read again from their files (and checked) on first use after shipping. */
  public ImmutableMap<String, ImmutableMap<String, String>> tables() {
    if (tables == null) {
      ImmutableMap.Builder<String, ImmutableMap<String, String>> read = ImmutableMap.builder();
      for (Source source : sources) {
        try {
          byte[] bytes = Files.readAllBytes(Path.of(source.file()));
          String sha256 = Hashing.sha256().hashBytes(bytes).toString();
          if (!sha256.equals(source.sha256())) {
            throw new IllegalStateException("the code table " + source.name() + " (" + source.file() + ") changed "
                + "while the release was being made: run publish again");
          }
          read.put(source.name(), parse(source, new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the code table " + source.name() + " (" + source.file() + ")",
              e);
        }
      }
      tables = read.buildOrThrow();
    }
    return tables;
  }

  /** The tables' files and fingerprints, for the manifest and the review report: name to source. */
  public ImmutableSortedMap<String, Source> sources() {
    ImmutableSortedMap.Builder<String, Source> out = ImmutableSortedMap.naturalOrder();
    sources.forEach(s -> out.put(s.name(), s));
    return out.build();
  }

  private static ImmutableMap<String, String> parse(Source source, String text) {
    String what = "the code table " + source.name() + " (" + source.file() + ")";
    boolean postcodes = source.name().equals(CodeTableRule.POSTCODE_TO_LSOA);
    Map<String, String> codes = new HashMap<>();
    try (Reader reader = new StringReader(text);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setIgnoreSurroundingSpaces(true).get()
            .parse(reader)) {
      List<String> header = parser.getHeaderNames();
      for (String column : List.of(source.keyColumn(), source.valueColumn())) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException(what + " has no column " + column + " (its columns are "
              + String.join(", ", header) + "): correct key_column / value_column in the policy's lookups");
        }
      }
      for (CSVRecord record : parser) {
        String key = record.get(source.keyColumn()).trim();
        String value = record.get(source.valueColumn()).trim();
        if (key.isEmpty()) {
          continue;
        }
        if (postcodes) {
          key = FieldTreatments.normalisePostcode(key);
        }
        String before = codes.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
          throw new IllegalArgumentException(what + " gives one code two different values (line "
              + record.getRecordNumber() + "): keep one row per code");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(what + " is not a readable CSV file with a header line ("
          + e.getClass().getSimpleName() + "): check the file");
    }
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(what + " has no codes: check the file");
    }
    return ImmutableMap.copyOf(new java.util.TreeMap<>(codes));
  }

  @Override
  public String toString() {
    return "CodeTables" + sources().keySet();
  }
}
