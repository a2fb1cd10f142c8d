package org.sdelink.pipelines.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.linkage.evaluation.EvaluationReport;
import org.sdelink.linkage.evaluation.PairwiseCounts;
import org.sdelink.linkage.evaluation.PairwiseEvaluation;
import org.sdelink.pipelines.run.UserError;

/**
 * Evaluates a spine against a truth column of the input files (e.g. Splink's {@code cluster}): every pair of
 * records in one spine person is a predicted link, every pair sharing a truth value a true link (Splink's pairwise
 * definition: all within-cluster pairs), overall and by the source of the records. Records are matched by id; a
 * record missing from the truth counts as a person of its own. No value is printed but the counts.
 */
public final class ClusterTruthEvaluation {
  private final EvaluationReport report;
  private final long records;
  private final long recordsWithoutTruth;

  private ClusterTruthEvaluation(EvaluationReport report, long records, long recordsWithoutTruth) {
    this.report = report;
    this.records = records;
    this.recordsWithoutTruth = recordsWithoutTruth;
  }

  /**
   * @param spine spine.csv of a link run
   * @param truthFiles the input files holding the truth column
   * @param truthColumn the column holding the true cluster (person) of each record
   * @param idColumn the files' record id column, or null to take {@code record_id} or else {@code unique_id}
   */
  public static ClusterTruthEvaluation evaluate(Path spine, List<Path> truthFiles, String truthColumn,
      String idColumn) throws IOException {
    Map<String, String> predicted = new HashMap<>();
    Map<String, String> keyById = new HashMap<>();
    Map<String, String> sourceByRecord = new HashMap<>();
    forEachRow(spine, List.of("source", "record_id", "person_id"), row -> {
      String key = row.get("source") + ":" + row.get("record_id");
      predicted.put(key, row.get("person_id"));
      sourceByRecord.put(key, row.get("source"));
      if (keyById.putIfAbsent(row.get("record_id"), key) != null) {
        throw new UserError("spine " + spine.getFileName() + " holds one record id in two sources; a truth column"
            + " matches records by id, so it needs ids unique across the inputs");
      }
    });
    Map<String, String> truth = new HashMap<>();
    for (Path file : truthFiles) {
      String id = idColumn != null ? idColumn : header(file).contains("record_id") ? "record_id" : "unique_id";
      forEachRow(file, List.of(id, truthColumn), row -> {
        String key = keyById.get(row.get(id));
        String value = row.get(truthColumn);
        if (key != null && value != null && !value.isBlank()) {
          truth.put(key, value);
        }
      });
    }
    long without = predicted.keySet().stream().filter(k -> !truth.containsKey(k)).count();
    return new ClusterTruthEvaluation(PairwiseEvaluation.ofClusters(predicted, truth, sourceByRecord),
        predicted.size(), without);
  }

  public EvaluationReport report() {
    return report;
  }

  /** A plain-text table of the figures. */
  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%-30s %9s %9s %9s %9s %7s %7s%n", "pairs (all within-cluster pairs)",
        "TP", "FP", "FN", "precision", "recall", "F1"));
    row(t, "record pairs", report.overall());
    if (report.bySubgroup().size() > 1) {
      report.bySubgroup().forEach((source, counts) -> row(t, "  source " + source, counts));
    }
    t.append(String.format(Locale.ROOT, "records %d, of which without a truth value %d (each its own person)%n",
        records, recordsWithoutTruth));
    if (!report.overall().notApplicableReason().isEmpty()) {
      t.append("n/a: ").append(report.overall().notApplicableReason()).append('\n');
    }
    return t.toString();
  }

  private static void row(StringBuilder t, String label, PairwiseCounts c) {
    t.append(String.format(Locale.ROOT, "%-30s %9d %9d %9d %9s %7s %7s%n", label, c.truePositives(),
        c.falsePositives(), c.falseNegatives(), c.precisionText(), c.recallText(), c.f1Text()));
  }

  /** The figures as JSON. */
  public String toJson() throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode pairs = root.putObject("record_pairs");
    pairs.set("overall", SpineEvaluation.counts(mapper, report.overall()));
    ObjectNode bySource = pairs.putObject("by_source");
    report.bySubgroup().forEach((source, c) -> bySource.set(source, SpineEvaluation.counts(mapper, c)));
    root.put("records", records);
    root.put("records_without_truth", recordsWithoutTruth);
    return mapper.writeValueAsString(root) + "\n";
  }

  private interface RowConsumer {
    void accept(Map<String, String> row);
  }

  private static List<String> header(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      return parser.getHeaderNames();
    }
  }

  private static void forEachRow(Path file, List<String> required, RowConsumer consumer) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setTrim(true).get().parse(reader)) {
      for (String column : required) {
        if (!parser.getHeaderNames().contains(column)) {
          throw new UserError("file " + file.getFileName() + " has no column '" + column + "'"
              + " (check --truth-column and --truth-id-column)");
        }
      }
      for (CSVRecord record : parser) {
        Map<String, String> row = new HashMap<>();
        for (String column : required) {
          row.put(column, record.isSet(column) ? record.get(column) : null);
        }
        consumer.accept(row);
      }
    }
  }
}
