package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks a folder of ACRO outputs the way the tools that read it do: every field ACRO's {@code load_records} reads
 * (it fails on a missing one) and every field the SACRO viewer reads ({@code version} of ACRO 0.4 or later;
 * per output {@code status}, {@code type}, {@code properties.method}, {@code summary}, {@code timestamp},
 * {@code comments}, {@code exception}, and per file {@code name}, {@code sdc.cells} and the checksum in
 * {@code checksums/<name>.txt}), and that every flagged cell position points at a cell of the file the viewer would
 * highlight. Returns the problems, empty when none.
 */
public final class AcroResultsCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STATUSES = Set.of("pass", "review", "fail");
  private static final List<String> ACRO_CHECKS = List.of("negative", "missing", "threshold", "p-ratio", "nk-rule",
      "all-values-are-same");
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\..*)?");

  private AcroResultsCheck() {}

  /** The problems of {@code results.json} (and its files) in {@code directory}. */
  public static ImmutableList<String> problems(Path directory) throws IOException {
    checkNotNull(directory, "directory");
    List<String> problems = new ArrayList<>();
    Path file = directory.resolve(AcroResults.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return ImmutableList.of("no " + AcroResults.FILE_NAME);
    }
    JsonNode root = JSON.readTree(file.toFile());
    Matcher version = VERSION.matcher(root.path("version").asText(""));
    if (!root.path("version").isTextual() || !version.matches()) {
      problems.add("version must be text like 0.4.12");
    } else if (Integer.parseInt(version.group(1)) == 0 && Integer.parseInt(version.group(2)) < 4) {
      problems.add("version must be 0.4 or later for the SACRO viewer");
    }
    if (!root.path("results").isObject() || root.path("results").isEmpty()) {
      problems.add("results must be a non-empty mapping of outputs");
      return ImmutableList.copyOf(problems);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("results").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      checkOutput(directory, entry.getKey(), entry.getValue(), problems);
    }
    return ImmutableList.copyOf(problems);
  }

  private static void checkOutput(Path directory, String key, JsonNode output, List<String> problems)
      throws IOException {
    String where = "results." + key;
    if (!output.path("uid").asText("").equals(key)) {
      problems.add(where + ".uid must equal the output's key");
    }
    if (!STATUSES.contains(output.path("status").asText(""))) {
      problems.add(where + ".status must be pass, review or fail");
    }
    for (String text : List.of("type", "command", "summary", "exception", "timestamp")) {
      if (!output.path(text).isTextual()) {
        problems.add(where + "." + text + " must be text");
      }
    }
    if (!output.path("summary").asText("").startsWith(output.path("status").asText("?"))) {
      problems.add(where + ".summary must start with the status, as ACRO writes it");
    }
    if (!isTimestamp(output.path("timestamp").asText(""))) {
      problems.add(where + ".timestamp must be an ISO 8601 date and time");
    }
    if (!output.path("properties").path("method").isTextual()) {
      problems.add(where + ".properties.method must be text");
    }
    if (!output.path("comments").isArray()) {
      problems.add(where + ".comments must be a list");
    }
    JsonNode outcome = output.path("outcome");
    if (!outcome.isObject()) {
      problems.add(where + ".outcome must be a mapping of columns to rows to outcomes");
    } else {
      outcome.forEach(column -> {
        if (!column.isObject()) {
          problems.add(where + ".outcome must map each column to a mapping of rows");
        }
      });
    }
    JsonNode files = output.path("files");
    if (!files.isArray() || files.isEmpty()) {
      problems.add(where + ".files must list at least one file");
      return;
    }
    for (JsonNode fileNode : files) {
      checkFile(directory, where, fileNode, outcome, problems);
    }
  }

  private static void checkFile(Path directory, String where, JsonNode fileNode, JsonNode outcome,
      List<String> problems) throws IOException {
    String name = fileNode.path("name").asText("");
    Path file = directory.resolve(name);
    if (name.isEmpty() || !Files.isRegularFile(file)) {
      problems.add(where + ".files: no file named '" + name + "' in the folder");
      return;
    }
    Path checksum = directory.resolve(AcroResults.CHECKSUMS_FOLDER).resolve(name + ".txt");
    if (!Files.isRegularFile(checksum)) {
      problems.add(where + ": no " + AcroResults.CHECKSUMS_FOLDER + "/" + name + ".txt (the viewer then shows the file "
          + "as modified and highlights nothing)");
    } else if (!Files.readString(checksum, StandardCharsets.UTF_8)
        .equals(Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString())) {
      problems.add(where + ": the checksum of " + name + " does not match the file");
    }
    JsonNode sdc = fileNode.path("sdc");
    if (!sdc.path("summary").path("suppressed").isBoolean()) {
      problems.add(where + ".sdc.summary.suppressed must be true or false");
    }
    for (String check : ACRO_CHECKS) {
      if (!sdc.path("summary").path(check).isInt()) {
        problems.add(where + ".sdc.summary." + check + " must be a whole number");
      }
      if (!sdc.path("cells").path(check).isArray()) {
        problems.add(where + ".sdc.cells." + check + " must be a list of [row, column] positions");
      }
    }
    if (!name.endsWith(".csv")) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    }
    int bodyRows = Math.max(0, rows.size() - 1);
    int dataColumns = rows.isEmpty() ? 0 : rows.get(0).size() - 1;
    if (outcome.isObject() && outcome.size() != dataColumns) {
      problems.add(where + ".outcome must have one column per column of " + name + " after the first ("
          + dataColumns + "), as the cell positions count them");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = sdc.path("cells").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> check = it.next();
      if (sdc.path("summary").path(check.getKey()).isInt()
          && sdc.path("summary").path(check.getKey()).asInt() != check.getValue().size()) {
        problems.add(where + ".sdc: the count of " + check.getKey() + " differs from its number of cells");
      }
      for (JsonNode position : check.getValue()) {
        boolean pair = position.isArray() && position.size() == 2 && position.get(0).isInt()
            && position.get(1).isInt();
        if (!pair || position.get(0).asInt() < 0 || position.get(0).asInt() >= bodyRows
            || position.get(1).asInt() < 0 || position.get(1).asInt() >= dataColumns) {
          problems.add(where + ".sdc.cells." + check.getKey() + ": " + position + " is not a cell of " + name
              + " (rows 0-" + (bodyRows - 1) + ", columns 0-" + (dataColumns - 1) + " after the first)");
        }
      }
    }
  }

  private static boolean isTimestamp(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }
}
