package org.sdelink.pipelines.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.Version;
import org.sdelink.policies.FieldRule;
import org.sdelink.policies.Policy;
import org.sdelink.policies.approval.Approval;
import org.sdelink.policies.catalogue.CatalogueField;
import org.sdelink.policies.catalogue.DatasetCatalogue;
import org.sdelink.policies.disclosure.AcroResults;
import org.sdelink.policies.review.DryRunFigures;
import org.sdelink.policies.treatments.CodeTables;
import org.sdelink.policies.review.TreatmentDescriptions;
import org.sdelink.policies.treatments.RecordTreatment;

/**
 * The two documents that travel with every release: {@code manifest.json} (what was released, under which approved
 * policy and key, with a SHA-256 per file, so a recipient or auditor can verify it) and {@code data-dictionary.md}
 * (every released column, its meaning and its treatment, for researchers). Both are deterministic.
 */
final class ReleaseDocuments {
  private ReleaseDocuments() {}

  static void writeDataDictionary(Policy policy, RecordRelease.Outcome records, Path target) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary: release for project ").append(policy.project().id()).append("\n\n");
    md.append("Policy `").append(policy.name()).append("` (SHA-256 `").append(policy.sha256()).append("`).\n\n");
    md.append("Purpose: ").append(policy.project().purpose().strip()).append("\n\n");
    md.append("Person ids are project pseudonyms: they differ from every other project's and cannot be joined to"
        + " them.");
    if (policy.datasets().containsKey(PublishStage.SUMMARY_DATASET)) {
      md.append(" Counts in `summary.csv` follow the HES small-number rule: 1-7 shown as `*`, others rounded to the"
          + " nearest 5, with further cells suppressed where a total would reveal one.");
    }
    md.append("\n\nSpreadsheet safety: in every CSV file a cell that begins with `=`, `+`, `-`, `@`, a tab or a"
        + " carriage return and is not a plain number (such as `-3` or `-0.5`), or that begins with `'`, is written with one"
        + " `'` in front (and quoted), so a spreadsheet never runs it as a formula. Remove one leading `'` to get the"
        + " true value; the Parquet copies hold the true values. A person id beginning with `-` is written `'-...` in"
        + " every CSV file alike, so the CSV files still join on `person_id`.\n\n");
    records.linked().ifPresent(linked -> md.append("The files ")
        .append(String.join(", ", linked.linked().datasets().stream().map(d -> "`" + d + ".csv`").toList()))
        .append(" join on `person_id`. Everything they say together about a person's ")
        .append(String.join(", ", linked.linked().qualifiedFields().stream().map(f -> "`" + f + "`").toList()))
        .append(" is shared by at least ").append(linked.linked().k()).append(" persons in this release: ")
        .append(linked.chosen().personsSuppressed()).append(" of ").append(linked.chosen().persons())
        .append(" persons did not meet this and are left out of every one of these files (")
        .append(linked.chosen().rowsSuppressed().entrySet().stream().map(e -> e.getValue() + " rows of " + e.getKey())
            .collect(java.util.stream.Collectors.joining(", ")))
        .append("), so counts from these files can be slightly lower than the published metrics, which are made "
            + "from everyone.\n\n"));
    DatasetCatalogue catalogue = DatasetCatalogue.standard();
    for (Map.Entry<String, RecordTreatment> entry : records.treatments().entrySet()) {
      DryRunFigures.KAnonymityFigures gate = records.gates().get(entry.getKey());
      appendDataset(md, policy, catalogue, entry.getKey(), entry.getValue().releasedColumns(),
          gate == null ? Map.of() : gate.levels());
    }
    for (String table : List.of(PublishStage.SUMMARY_DATASET, PublishStage.COSTS_DATASET)) {
      if (policy.datasets().containsKey(table)) {
        appendDataset(md, policy, catalogue, table, List.copyOf(policy.datasets().get(table).keySet()), Map.of());
      }
    }
    Files.writeString(target, md.toString(), StandardCharsets.UTF_8);
  }

  private static void appendDataset(StringBuilder md, Policy policy, DatasetCatalogue catalogue, String dataset,
      List<String> columns, Map<String, String> kAnonymityLevels) {
    md.append("## ").append(dataset).append(" (`").append(dataset).append(".csv`)\n\n");
    md.append("| column | meaning | treatment |\n|---|---|---|\n");
    for (String column : columns) {
      FieldRule rule = policy.rule(dataset, column).orElseThrow();
      if (!rule.isReleased()) {
        continue;
      }
      String meaning = catalogue.field(dataset, column).map(CatalogueField::meaning).orElse("");
      String treatment = TreatmentDescriptions.describe(rule, policy);
      String level = kAnonymityLevels.get(column);
      if (level != null && !level.equals("as released")) {
        treatment += " Then, to reach k-anonymity in this release, coarsened to: " + level + ".";
      }
      md.append("| `").append(column).append("` | ").append(escape(meaning)).append(" | ")
          .append(escape(treatment)).append(" |\n");
    }
    md.append('\n');
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  static void writeManifest(Path releaseDir, Policy policy, Approval approval, String projectId, String keyId,
      RecordRelease.Outcome records, Map<String, Long> rowsOut, CodeTables tables, Path target) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode root = mapper.createObjectNode();
    Map<String, String> files = new TreeMap<>();
    for (Path file : releasedFiles(releaseDir)) {
      String name = releaseDir.relativize(file).toString().replace('\\', '/');
      if (!name.equals(target.getFileName().toString()) && !name.equals(StageDirectory.SUCCESS)) {
        files.put(name, StageDirectory.sha256(file));
      }
    }
    String runId = Hashing.sha256().hashString(policy.sha256() + "|" + keyId + "|" + projectId + "|" + files,
        StandardCharsets.UTF_8).toString().substring(0, 16);
    root.put("run_id", runId);
    root.put("tool", "sdelink");
    root.put("tool_version", Version.current());
    root.put("project_id", projectId);
    ObjectNode policyNode = root.putObject("policy");
    policyNode.put("name", policy.name());
    policyNode.put("sha256", policy.sha256());
    ObjectNode approvalNode = policyNode.putObject("approval");
    approvalNode.put("sequence", approval.sequence());
    approvalNode.put("reviewer", approval.reviewer());
    approvalNode.put("approved_at", approval.approvedAt());
    approvalNode.put("sha256", approval.sha256());
    approvalNode.put("project", approval.project());
    approvalNode.put("approved_copy", approval.approvedCopy());
    approvalNode.put("key_fingerprint", approval.keyFingerprint());
    approvalNode.put("signature", approval.signature());
    ObjectNode lookups = policyNode.putObject("code_tables");
    tables.sources().forEach((name, source) -> lookups.putObject(name)
        .put("file", Path.of(source.file()).getFileName().toString())
        .put("sha256", source.sha256()));
    root.putObject("keys").put("master_key_id", keyId).put("level2_purpose", "project/" + projectId);
    root.set("input_rows", mapper.valueToTree(records.rowsIn()));
    root.set("output_rows", mapper.valueToTree(rowsOut));
    ObjectNode k = root.putObject("k_anonymity");
    records.linked().ifPresent(linked -> {
      ObjectNode person = k.putObject("per_person");
      person.put("k", linked.linked().k());
      person.set("datasets", mapper.valueToTree(linked.linked().datasets()));
      person.put("persons", linked.chosen().persons());
      person.put("persons_suppressed", linked.chosen().personsSuppressed());
      person.set("rows_suppressed", mapper.valueToTree(linked.chosen().rowsSuppressed()));
      person.set("levels", mapper.valueToTree(linked.levelNames()));
      person.put("summary", linked.summary());
    });
    records.gates().forEach((dataset, result) -> k.putObject(dataset)
        .put("k", result.k())
        .put("records", result.totalRecords())
        .put("records_suppressed", result.recordsSuppressed())
        .put("records_generalised", result.recordsGeneralised())
        .put("gate", records.linked().isPresent() && records.joinable().contains(dataset) ? "per person" : "dataset")
        .set("levels", mapper.valueToTree(result.levels())));
    root.set("files_sha256", mapper.valueToTree(files));
    mapper.writeValue(target.toFile(), root);
  }

  /** The release's files: the top folder's and those of the ACRO checksums folder, in name order. */
  private static List<Path> releasedFiles(Path releaseDir) throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    try (var listing = Files.list(releaseDir)) {
      listing.filter(Files::isRegularFile).forEach(files::add);
    }
    Path checksums = releaseDir.resolve(AcroResults.CHECKSUMS_FOLDER);
    if (Files.isDirectory(checksums)) {
      try (var listing = Files.list(checksums)) {
        listing.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    files.sort(java.util.Comparator.comparing(f -> releaseDir.relativize(f).toString()));
    return files;
  }
}
