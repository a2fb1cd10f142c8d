package org.sdelink.pipelines.pseudonymise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.pipelines.contract.InputSource;

/**
 * The counts of a pseudonymise run, per file, per council and per reject reason, and the reconciliation that every
 * row read was either accepted or rejected. Written as {@code report.json}; holds counts only, never values.
 */
public final class StageReport {
  /** Prefix of the per-file and per-council counts of unknown code values, followed by the column name. */
  public static final String UNKNOWN_CODE = "unknown_code:";
  /** What {@code code_lists.status} says when no code lists were given. */
  public static final String NOT_CHECKED = "not checked";
  /** The report field holding the fingerprint of the key the records were tokenised under ({@code KeyFingerprint}). */
  public static final String KEY_FINGERPRINT = "key_fingerprint";

  private final InputSource source;
  private final String keyId;
  private final String keyFingerprint;
  private final Map<String, Map<String, Long>> files = new TreeMap<>();
  private final Map<String, Map<String, Long>> councils = new TreeMap<>();
  private final Map<String, Long> rejectReasons = new TreeMap<>();
  private final Map<String, Long> unknownCodes = new TreeMap<>();
  private final List<String> checkedColumns = new ArrayList<>();
  private String codeListsFingerprint = "none";

  private StageReport(InputSource source, String keyId, String keyFingerprint) {
    this.source = source;
    this.keyId = keyId;
    this.keyFingerprint = keyFingerprint;
  }

  /** Builds the report from tab-separated count keys: {@code file|la|reason|code <TAB> name <TAB> metric}. */
  static StageReport fromCounts(InputSource source, String keyId, String keyFingerprint, CodeCheck codes,
      Map<String, Long> counts) {
    StageReport report = new StageReport(source, keyId, keyFingerprint);
    report.checkedColumns.addAll(codes.checkedColumns());
    report.codeListsFingerprint = codes.fingerprint();
    for (String column : codes.checkedColumns()) {
      report.unknownCodes.put(column, 0L);
    }
    counts.forEach((key, value) -> {
      String[] parts = key.split("\t", 3);
      switch (parts[0]) {
        case "file" -> report.files.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
        case "la" -> report.councils.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
        case "reason" -> report.rejectReasons.put(parts[1], value);
        case "code" -> report.unknownCodes.put(parts[1], value);
        default -> throw new IllegalStateException("unexpected count key kind " + parts[0]);
      }
    });
    for (Map<String, Long> file : report.files.values()) {
      file.putIfAbsent("accepted", 0L);
      file.putIfAbsent("rejected", 0L);
      file.putIfAbsent("rows_in", 0L);
    }
    return report;
  }

  /** The report a completed run wrote as {@code report.json}. */
  public static StageReport read(Path file) throws IOException {
    var root = new ObjectMapper().readTree(file.toFile());
    StageReport report = new StageReport(InputSource.fromId(root.path("source").asText()),
        root.path("key_id").asText(), root.path(KEY_FINGERPRINT).asText(""));
    root.path("files").fields().forEachRemaining(f -> {
      Map<String, Long> counts = new TreeMap<>();
      f.getValue().fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
      report.files.put(f.getKey(), counts);
    });
    root.path("councils").fields().forEachRemaining(f -> {
      Map<String, Long> counts = new TreeMap<>();
      f.getValue().fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
      report.councils.put(f.getKey(), counts);
    });
    root.path("reject_reasons").fields().forEachRemaining(r -> report.rejectReasons.put(r.getKey(),
        r.getValue().asLong()));
    var codeLists = root.path("code_lists");
    report.codeListsFingerprint = codeLists.path("fingerprint").asText("none");
    codeLists.path("checked_columns").forEach(c -> report.checkedColumns.add(c.asText()));
    codeLists.path("unknown_values").fields().forEachRemaining(c -> report.unknownCodes.put(c.getKey(),
        c.getValue().asLong()));
    return report;
  }

  public long rowsIn() {
    return files.values().stream().mapToLong(f -> f.get("rows_in")).sum();
  }

  public long accepted() {
    return files.values().stream().mapToLong(f -> f.get("accepted")).sum();
  }

  public long rejected() {
    return files.values().stream().mapToLong(f -> f.get("rejected")).sum();
  }

  public Map<String, Long> rejectReasons() {
    return java.util.Collections.unmodifiableMap(rejectReasons);
  }

  /** Whether coded values were checked against code lists (else every value was kept unchecked). */
  public boolean codesChecked() {
    return !checkedColumns.isEmpty();
  }

  /** Per checked column, the accepted rows whose value is not in the code lists (kept, not rejected). */
  public Map<String, Long> unknownCodes() {
    return java.util.Collections.unmodifiableMap(unknownCodes);
  }

  /** The counts of one input file (rows_in, accepted, rejected, unknown_code:COLUMN, ...), by its name. */
  public Map<String, Long> fileCounts(String fileName) {
    return java.util.Collections.unmodifiableMap(files.getOrDefault(fileName, Map.of()));
  }

  /** The counts of one council (rows, rejected, unknown_code:COLUMN, ...), by its code. */
  public Map<String, Long> councilCounts(String laCode) {
    return java.util.Collections.unmodifiableMap(councils.getOrDefault(laCode, Map.of()));
  }

  /** Rows of a given identifier status across councils, e.g. {@code nhs_number_status:VALID}. */
  public long countOf(String metric) {
    return councils.values().stream().mapToLong(c -> c.getOrDefault(metric, 0L)).sum();
  }

  /** Fails the run unless every file's rows in = accepted + rejected and the records file holds every accepted row. */
  void reconcile(long recordsWritten) {
    files.forEach((name, f) -> {
      long in = f.get("rows_in");
      long accepted = f.get("accepted");
      long rejected = f.get("rejected");
      if (in != accepted + rejected) {
        throw new IllegalStateException("count mismatch in " + name + ": " + in + " rows read, " + accepted
            + " accepted + " + rejected + " rejected; the output is not complete and was not written");
      }
      f.put("reconciled", 1L);
    });
    if (recordsWritten != accepted()) {
      throw new IllegalStateException("count mismatch: " + accepted() + " rows accepted but " + recordsWritten
          + " written; the output is not complete and was not written");
    }
  }

  /**
   * Stops the run when a file is mostly garbage: more than {@code maxRate} of its rows rejected. The message names the
   * file and the most common reasons, so the operator can go back to the council that sent it.
   */
  void checkRejectRate(double maxRate) {
    files.forEach((name, f) -> {
      long in = f.get("rows_in");
      long rejected = f.get("rejected");
      if (in > 0 && rejected > maxRate * in) {
        throw new org.sdelink.pipelines.contract.InputContractException(String.format(java.util.Locale.ROOT,
            "file %s: %d of its %d rows (%.1f%%) were rejected, more than --max-reject-rate %.1f%% (reasons: %s);"
                + " no output was written. Ask the sender for a corrected file, or raise --max-reject-rate to accept"
                + " it with its rejects",
            name, rejected, in, 100.0 * rejected / in, 100.0 * maxRate, rejectReasons));
      }
    });
  }

  void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode root = mapper.createObjectNode();
    root.put("stage", "pseudonymise");
    root.put("source", source.id());
    root.put("key_id", keyId);
    root.put(KEY_FINGERPRINT, keyFingerprint);
    ObjectNode totals = root.putObject("totals");
    totals.put("rows_in", rowsIn());
    totals.put("accepted", accepted());
    totals.put("rejected", rejected());
    root.set("reject_reasons", mapper.valueToTree(rejectReasons));
    ObjectNode codeLists = root.putObject("code_lists");
    if (checkedColumns.isEmpty()) {
      codeLists.put("status", NOT_CHECKED);
      codeLists.put("note", "no " + source.id().toUpperCase(java.util.Locale.ROOT) + " code lists were given"
          + " (--code-lists DIR or code_lists: in the run configuration): code values were kept without a check");
    } else {
      codeLists.put("status", "checked");
      codeLists.put("fingerprint", codeListsFingerprint);
      codeLists.set("checked_columns", mapper.valueToTree(checkedColumns));
      codeLists.put("note", "unknown_values counts the accepted rows whose value of a column is not in the code"
          + " lists; such rows are kept, not rejected. Values are never recorded.");
      codeLists.set("unknown_values", mapper.valueToTree(unknownCodes));
    }
    root.set("files", mapper.valueToTree(files));
    root.set("councils", mapper.valueToTree(councils));
    mapper.writeValue(file.toFile(), root);
  }
}
