package org.sdelink.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.SmallNumberRule;

/** Turns a policy YAML tree into a {@link Policy}, noting every unknown key and wrong type as a problem. */
final class PolicyReader {
  private static final ImmutableSet<String> TOP_KEYS = ImmutableSet.of(
      "policy", "description", "project", "datasets", "date_shift", "k_anonymity", "output_checks", "lookups");
  private static final ImmutableSet<String> LOOKUP_KEYS = ImmutableSet.of("file", "key_column", "value_column");
  private static final ImmutableSet<String> PROJECT_KEYS = ImmutableSet.of("id", "purpose");
  private static final ImmutableSet<String> FIELD_KEYS = ImmutableSet.of("action", "to", "band_years", "as_of");
  private static final ImmutableSet<String> DATE_SHIFT_KEYS = ImmutableSet.of("max_days");
  private static final ImmutableSet<String> K_KEYS =
      ImmutableSet.of("k", "max_suppressed_fraction", "quasi_identifiers");
  private static final ImmutableSet<String> QI_KEYS = ImmutableSet.of("field", "ladder");
  private static final ImmutableSet<String> OUTPUT_KEYS = ImmutableSet.of("count_tables", "magnitude_tables");
  private static final ImmutableSet<String> COUNT_KEYS = ImmutableSet.of("suppress_up_to", "round_to");
  private static final ImmutableSet<String> MAGNITUDE_KEYS =
      ImmutableSet.of("threshold", "p_ratio", "nk_n", "nk_k", "zeros_are_disclosive");

  private final List<PolicyProblem> problems = new ArrayList<>();

  private PolicyReader() {}

  static Policy read(String text, String sha256, String fileName, Optional<Path> source) {
    return new PolicyReader().readPolicy(YamlDocuments.read(text, "policy " + fileName), sha256, fileName, source);
  }

  private Policy readPolicy(JsonNode root, String sha256, String fileName, Optional<Path> source) {
    checkKeys(root, "", TOP_KEYS);
    String name = text(root, "policy", "policy");
    if (!name.isEmpty() && !name.equals(fileName)) {
      problem("policy", "the policy is called '" + name + "' but its file is '" + fileName
          + ".yaml': rename the file or change `policy:` so they match");
    }
    JsonNode projectNode = objectOrEmpty(root, "project", "project");
    checkKeys(projectNode, "project", PROJECT_KEYS);
    ProjectInfo project = new ProjectInfo(text(projectNode, "id", "project.id"),
        text(projectNode, "purpose", "project.purpose"));
    return new Policy(
        fileName,
        text(root, "description", "description"),
        project,
        readDatasets(root),
        readDateShift(root),
        readKAnonymity(root),
        readCountRule(root),
        readMagnitudeRules(root),
        readLookups(root),
        sha256,
        source,
        ImmutableList.copyOf(problems));
  }

  private ImmutableMap<String, ImmutableMap<String, FieldRule>> readDatasets(JsonNode root) {
    JsonNode datasetsNode = objectOrEmpty(root, "datasets", "datasets");
    ImmutableMap.Builder<String, ImmutableMap<String, FieldRule>> datasets = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = datasetsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dataset = it.next();
      String where = "datasets." + dataset.getKey();
      if (!dataset.getValue().isObject()) {
        problem(where, "must list the dataset's fields, one `field: action` line each");
        continue;
      }
      ImmutableMap.Builder<String, FieldRule> rules = ImmutableMap.builder();
      for (Iterator<Map.Entry<String, JsonNode>> fields = dataset.getValue().fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        rules.put(field.getKey(), readField(dataset.getKey(), field.getKey(), field.getValue()));
      }
      datasets.put(dataset.getKey(), rules.buildOrThrow());
    }
    return datasets.buildOrThrow();
  }

  private FieldRule readField(String dataset, String field, JsonNode node) {
    String where = "datasets." + dataset + "." + field;
    if (node.isTextual()) {
      return new FieldRule(dataset, field, node.asText(), "", 0, Optional.empty());
    }
    if (!node.isObject()) {
      problem(where, "write the action as `" + field + ": drop` (or keep, pseudonymise, shift-dates), or as a "
          + "mapping with `action:` and, for generalise, `to:`");
      return new FieldRule(dataset, field, "", "", 0, Optional.empty());
    }
    checkKeys(node, where, FIELD_KEYS);
    String action = text(node, "action", where + ".action");
    String target = node.has("to") ? text(node, "to", where + ".to") : "";
    int bandYears = node.has("band_years") ? intValue(node, "band_years", where + ".band_years").orElse(0) : 0;
    Optional<LocalDate> asOf = Optional.empty();
    if (node.has("as_of")) {
      String asOfText = text(node, "as_of", where + ".as_of");
      try {
        asOf = Optional.of(LocalDate.parse(asOfText));
      } catch (DateTimeParseException e) {
        problem(where + ".as_of", "must be a date written yyyy-mm-dd, e.g. 2025-03-31");
      }
    }
    return new FieldRule(dataset, field, action, target, bandYears, asOf);
  }

  private OptionalInt readDateShift(JsonNode root) {
    if (!root.has("date_shift")) {
      return OptionalInt.empty();
    }
    JsonNode node = objectOrEmpty(root, "date_shift", "date_shift");
    checkKeys(node, "date_shift", DATE_SHIFT_KEYS);
    return intValue(node, "max_days", "date_shift.max_days");
  }

  private Optional<KAnonymityRules> readKAnonymity(JsonNode root) {
    if (!root.has("k_anonymity")) {
      return Optional.empty();
    }
    JsonNode node = objectOrEmpty(root, "k_anonymity", "k_anonymity");
    checkKeys(node, "k_anonymity", K_KEYS);
    int k = intValue(node, "k", "k_anonymity.k").orElse(0);
    double maxFraction = doubleValue(node, "max_suppressed_fraction", "k_anonymity.max_suppressed_fraction")
        .orElse(-1.0);
    ImmutableMap.Builder<String, ImmutableList<QuasiIdentifierRule>> byDataset = ImmutableMap.builder();
    JsonNode qiNode = objectOrEmpty(node, "quasi_identifiers", "k_anonymity.quasi_identifiers");
    for (Iterator<Map.Entry<String, JsonNode>> it = qiNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> dataset = it.next();
      String where = "k_anonymity.quasi_identifiers." + dataset.getKey();
      if (!dataset.getValue().isArray()) {
        problem(where, "must be a list of `- field: NAME` entries, each with a `ladder:` list");
        continue;
      }
      ImmutableList.Builder<QuasiIdentifierRule> rules = ImmutableList.builder();
      for (JsonNode entry : dataset.getValue()) {
        if (!entry.isObject()) {
          problem(where, "each entry must be a mapping with `field:` and `ladder:`");
          continue;
        }
        checkKeys(entry, where, QI_KEYS);
        String field = text(entry, "field", where + ".field");
        ImmutableList.Builder<String> ladder = ImmutableList.builder();
        JsonNode ladderNode = entry.path("ladder");
        if (!ladderNode.isMissingNode() && !ladderNode.isArray()) {
          problem(where + "." + field + ".ladder", "must be a list of level names, e.g. [age-band-10y, withheld]");
        }
        for (JsonNode level : ladderNode) {
          ladder.add(level.asText());
        }
        rules.add(new QuasiIdentifierRule(dataset.getKey(), field, ladder.build()));
      }
      byDataset.put(dataset.getKey(), rules.build());
    }
    return Optional.of(new KAnonymityRules(k, maxFraction, byDataset.buildOrThrow()));
  }

  private Optional<SmallNumberRule> readCountRule(JsonNode root) {
    JsonNode output = root.path("output_checks");
    if (!output.isObject()) {
      return Optional.empty();
    }
    checkKeys(output, "output_checks", OUTPUT_KEYS);
    if (!output.has("count_tables")) {
      return Optional.empty();
    }
    JsonNode node = objectOrEmpty(output, "count_tables", "output_checks.count_tables");
    checkKeys(node, "output_checks.count_tables", COUNT_KEYS);
    OptionalInt suppressUpTo = intValue(node, "suppress_up_to", "output_checks.count_tables.suppress_up_to");
    OptionalInt roundTo = intValue(node, "round_to", "output_checks.count_tables.round_to");
    if (suppressUpTo.isEmpty() || roundTo.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SmallNumberRule(suppressUpTo.getAsInt(), roundTo.getAsInt()));
    } catch (IllegalArgumentException e) {
      problem("output_checks.count_tables", e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<MagnitudeRules> readMagnitudeRules(JsonNode root) {
    JsonNode output = root.path("output_checks");
    if (!output.isObject() || !output.has("magnitude_tables")) {
      return Optional.empty();
    }
    String where = "output_checks.magnitude_tables";
    JsonNode node = objectOrEmpty(output, "magnitude_tables", where);
    checkKeys(node, where, MAGNITUDE_KEYS);
    OptionalInt threshold = intValue(node, "threshold", where + ".threshold");
    Optional<Double> pRatio = doubleValue(node, "p_ratio", where + ".p_ratio");
    OptionalInt nkN = intValue(node, "nk_n", where + ".nk_n");
    Optional<Double> nkK = doubleValue(node, "nk_k", where + ".nk_k");
    JsonNode zeros = node.path("zeros_are_disclosive");
    if (!zeros.isBoolean()) {
      problem(where + ".zeros_are_disclosive", "must be true or false");
    }
    if (threshold.isEmpty() || pRatio.isEmpty() || nkN.isEmpty() || nkK.isEmpty() || !zeros.isBoolean()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MagnitudeRules(threshold.getAsInt(), pRatio.get(), nkN.getAsInt(), nkK.get(),
          zeros.booleanValue()));
    } catch (IllegalArgumentException e) {
      problem(where, e.getMessage());
      return Optional.empty();
    }
  }

  private ImmutableMap<String, CodeTableRule> readLookups(JsonNode root) {
    if (!root.has("lookups")) {
      return ImmutableMap.of();
    }
    JsonNode node = objectOrEmpty(root, "lookups", "lookups");
    ImmutableMap.Builder<String, CodeTableRule> tables = ImmutableMap.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      String where = "lookups." + table.getKey();
      if (!table.getValue().isObject()) {
        problem(where, "must be a mapping with `file:`, `key_column:` and `value_column:`");
        continue;
      }
      checkKeys(table.getValue(), where, LOOKUP_KEYS);
      tables.put(table.getKey(), new CodeTableRule(table.getKey(), text(table.getValue(), "file", where + ".file"),
          text(table.getValue(), "key_column", where + ".key_column"),
          text(table.getValue(), "value_column", where + ".value_column")));
    }
    return tables.buildOrThrow();
  }

  private void checkKeys(JsonNode node, String where, ImmutableSet<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problem(where.isEmpty() ? key : where + "." + key,
            "is not a policy setting: remove it (allowed here: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private JsonNode objectOrEmpty(JsonNode parent, String key, String where) {
    JsonNode node = parent.path(key);
    if (node.isMissingNode() || node.isNull()) {
      problem(where, "is missing: add it");
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      problem(where, "must be a mapping of `key: value` lines");
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    return node;
  }

  private String text(JsonNode parent, String key, String where) {
    JsonNode node = parent.path(key);
    if (node.isMissingNode() || node.isNull()) {
      problem(where, "is missing: add it");
      return "";
    }
    if (!node.isValueNode()) {
      problem(where, "must be a single value, not a list or mapping");
      return "";
    }
    return node.asText().trim();
  }

  private OptionalInt intValue(JsonNode parent, String key, String where) {
    JsonNode node = parent.path(key);
    if (node.isMissingNode() || node.isNull()) {
      problem(where, "is missing: add it");
      return OptionalInt.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problem(where, "must be a whole number");
      return OptionalInt.empty();
    }
    return OptionalInt.of(node.intValue());
  }

  private Optional<Double> doubleValue(JsonNode parent, String key, String where) {
    JsonNode node = parent.path(key);
    if (node.isMissingNode() || node.isNull()) {
      problem(where, "is missing: add it");
      return Optional.empty();
    }
    if (!node.isNumber()) {
      problem(where, "must be a number, e.g. 0.01");
      return Optional.empty();
    }
    return Optional.of(node.doubleValue());
  }

  private void problem(String where, String message) {
    problems.add(new PolicyProblem(where, message));
  }
}
