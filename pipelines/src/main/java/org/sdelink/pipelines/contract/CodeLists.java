package org.sdelink.pipelines.contract;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The permitted code values of the coded CLD and APC columns, read from the published code-list files
 * ({@code cld_code_lists.json}, {@code hes_apc_code_lists.json}) that the operator supplies. sdelink does not ship
 * its own copy: the lists change with each specification release. A column without a list is not checked, and
 * {@link #none()} checks nothing, so reports can say which columns were checked.
 *
 * <p>CLD values are compared case-insensitively and across Release 1 and Release 2 spellings; HES codes exactly.
 */
public final class CodeLists implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String CLD_FILE = "cld_code_lists.json";
  public static final String APC_FILE = "hes_apc_code_lists.json";

  private final ImmutableMap<InputSource, ImmutableMap<String, ImmutableSet<String>>> permitted;
  private final String fingerprint;

  private CodeLists(ImmutableMap<InputSource, ImmutableMap<String, ImmutableSet<String>>> permitted) {
    this.permitted = permitted;
    this.fingerprint = fingerprintOf(permitted);
  }

  /** Checks nothing: every column is unchecked. */
  public static CodeLists none() {
    return new CodeLists(ImmutableMap.of());
  }

  /**
   * Reads the code lists from a folder holding {@value #CLD_FILE} and/or {@value #APC_FILE}. A folder holding
   * neither is an error: the operator asked for checks that cannot be made.
   */
  public static CodeLists load(Path folder) {
    checkNotNull(folder, "folder");
    Path cld = folder.resolve(CLD_FILE);
    Path apc = folder.resolve(APC_FILE);
    checkArgument(
        Files.isRegularFile(cld) || Files.isRegularFile(apc),
        "no code lists in %s: expected %s and/or %s",
        folder,
        CLD_FILE,
        APC_FILE);
    ImmutableMap.Builder<InputSource, ImmutableMap<String, ImmutableSet<String>>> lists = ImmutableMap.builder();
    if (Files.isRegularFile(cld)) {
      lists.put(InputSource.CLD, readCld(read(cld)));
    }
    if (Files.isRegularFile(apc)) {
      lists.put(InputSource.APC, readApc(read(apc)));
    }
    return new CodeLists(lists.build());
  }

  /**
   * A short SHA-256 of the permitted values, "none" when nothing is checked: recorded in a stage's settings, so that a
   * rerun with other lists is not mistaken for an up-to-date one.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether any column of {@code source} is checked. */
  public boolean checksAny(InputSource source) {
    return !columns(source).isEmpty();
  }

  /** Whether this column's values are checked against a list. */
  public boolean checks(InputSource source, String column) {
    return columns(source).containsKey(column);
  }

  /** The columns of a source whose values are checked, in the order of the contract. */
  public ImmutableSet<String> checkedColumns(InputSource source) {
    ImmutableSet.Builder<String> checked = ImmutableSet.builder();
    for (String column : source.columns()) {
      if (checks(source, column)) {
        checked.add(column);
      }
    }
    return checked.build();
  }

  /**
   * Whether a filled value is a permitted code of the column. Unchecked columns permit everything; a blank value is
   * missing, not invalid, and is permitted here (completeness is counted separately).
   */
  public boolean permits(InputSource source, String column, String value) {
    ImmutableSet<String> codes = columns(source).get(column);
    if (codes == null || value == null || value.isBlank()) {
      return true;
    }
    return codes.contains(normalise(source, value));
  }

  private ImmutableMap<String, ImmutableSet<String>> columns(InputSource source) {
    return permitted.getOrDefault(source, ImmutableMap.of());
  }

  private static String normalise(InputSource source, String value) {
    String trimmed = value.trim();
    return source == InputSource.CLD ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }

  private static String fingerprintOf(ImmutableMap<InputSource, ImmutableMap<String, ImmutableSet<String>>> lists) {
    if (lists.isEmpty()) {
      return "none";
    }
    Hasher hasher = Hashing.sha256().newHasher();
    new TreeMap<>(lists).forEach((source, columns) -> new TreeMap<>(columns).forEach((column, codes) -> {
      hasher.putString(source.id() + "\u0000" + column, StandardCharsets.UTF_8).putByte((byte) 1);
      new TreeSet<>(codes).forEach(code -> hasher.putString(code, StandardCharsets.UTF_8).putByte((byte) 0));
    }));
    return hasher.hash().toString().substring(0, 16);
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read code list " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** CLD file: column -> {R1: [...], R2: [...], ...}; lists whose name starts with R1 or R2 hold values. */
  private static ImmutableMap<String, ImmutableSet<String>> readCld(JsonNode root) {
    ImmutableMap.Builder<String, ImmutableSet<String>> columns = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      if (column.getKey().startsWith("_") || !column.getValue().isObject()) {
        continue;
      }
      ImmutableSet.Builder<String> codes = ImmutableSet.builder();
      for (Iterator<Map.Entry<String, JsonNode>> lists = column.getValue().fields(); lists.hasNext(); ) {
        Map.Entry<String, JsonNode> list = lists.next();
        if (!(list.getKey().startsWith("R1") || list.getKey().startsWith("R2")) || !list.getValue().isArray()) {
          continue;
        }
        for (JsonNode entry : list.getValue()) {
          // Accommodation_Status entries are [value, settled-or-not] pairs.
          JsonNode value = entry.isArray() ? entry.get(0) : entry;
          if (value != null && value.isTextual() && !value.asText().equals("...")) {
            codes.add(normalise(InputSource.CLD, value.asText()));
            if (column.getKey().equals("Ethnicity") && value.asText().contains(" - ")) {
              // Release 2 writes "White: Irish" where Release 1 writes "White - Irish" (the file's _R2_note).
              codes.add(normalise(InputSource.CLD, value.asText().replaceFirst(" - ", ": ")));
            }
          }
        }
      }
      columns.put(column.getKey(), codes.build());
    }
    return columns.buildKeepingLast();
  }

  /** HES file: field -> {codes: {code: meaning}}; the pseudo-code "Null" means blank and is not a value. */
  private static ImmutableMap<String, ImmutableSet<String>> readApc(JsonNode root) {
    ImmutableMap.Builder<String, ImmutableSet<String>> columns = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode codes = field.getValue().path("codes");
      if (!codes.isObject() || InputSource.APC.canonicalColumn(field.getKey()).isEmpty()) {
        continue;
      }
      ImmutableSet.Builder<String> values = ImmutableSet.builder();
      codes.fieldNames().forEachRemaining(code -> {
        if (!code.equals("Null")) {
          values.add(code);
        }
      });
      columns.put(InputSource.APC.canonicalColumn(field.getKey()).get(), values.build());
    }
    return columns.buildKeepingLast();
  }
}
