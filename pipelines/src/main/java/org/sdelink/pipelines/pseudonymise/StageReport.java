package org.sdelink.pipelines.pseudonymise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.sdelink.pipelines.contract.InputSource;

/**
 * The counts of a pseudonymise run, per file, per council and per reject reason, and the reconciliation that every
 * row read was either accepted or rejected. Written as {@code report.json}; holds counts only, never values.
 */
public final class StageReport {
  private final InputSource source;
  private final String keyId;
  private final Map<String, Map<String, Long>> files = new TreeMap<>();
  private final Map<String, Map<String, Long>> councils = new TreeMap<>();
  private final Map<String, Long> rejectReasons = new TreeMap<>();

  private StageReport(InputSource source, String keyId) {
    this.source = source;
    this.keyId = keyId;
  }

  /** Builds the report from tab-separated count keys: {@code file|la|reason <TAB> name <TAB> metric}. */
  static StageReport fromCounts(InputSource source, String keyId, Map<String, Long> counts) {
    StageReport report = new StageReport(source, keyId);
    counts.forEach((key, value) -> {
      String[] parts = key.split("\t", 3);
      switch (parts[0]) {
        case "file" -> report.files.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
        case "la" -> report.councils.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
        case "reason" -> report.rejectReasons.put(parts[1], value);
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
        root.path("key_id").asText());
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
    ObjectNode totals = root.putObject("totals");
    totals.put("rows_in", rowsIn());
    totals.put("accepted", accepted());
    totals.put("rejected", rejected());
    root.set("reject_reasons", mapper.valueToTree(rejectReasons));
    root.set("files", mapper.valueToTree(files));
    root.set("councils", mapper.valueToTree(councils));
    mapper.writeValue(file.toFile(), root);
  }
}
