package org.sdelink.pipelines.publish;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.metrics.summary.Metric;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.DriverWork;
import org.sdelink.pipelines.io.ReadCsvColumns;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.UserError;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.ProjectIds;
import org.sdelink.policies.approval.Approval;
import org.sdelink.policies.approval.PolicyApprovals;
import org.sdelink.policies.disclosure.AcroOutput;
import org.sdelink.policies.disclosure.AcroResults;
import org.sdelink.policies.disclosure.AcroResultsCheck;
import org.sdelink.policies.disclosure.MagnitudeRules;
import org.sdelink.policies.disclosure.ProtectedSummaryTable;
import org.sdelink.policies.disclosure.SmallNumberRule;
import org.sdelink.policies.disclosure.SummaryRow;
import org.sdelink.policies.disclosure.SummaryTableProtection;
import org.sdelink.policies.disclosure.TablesBesideRecords;
import org.sdelink.policies.review.DryRunFigures;
import org.sdelink.policies.sde.SdeConfiguration;
import org.sdelink.policies.treatments.CodeTables;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The publish stage: a research release for one approved project. Steps: refuse an unapproved or invalid policy;
 * release the record datasets ({@link RecordRelease}: the policy's actions, the leak scan, and the k-anonymity gate
 * per person across the datasets joined on {@code person_id}); protect the summary table (HES small-number rule with
 * secondary suppression; never beside the record rows it counts, {@link TablesBesideRecords}) and the cost table
 * (ACRO's rules, finite bounded magnitudes) and record the checks for ACRO/SACRO; write Parquet copies,
 * the manifest and the data dictionary. Everything is written to a work folder and moved into place when complete.
 */
public final class PublishStage {
  public static final List<String> RECORD_DATASETS = RecordRelease.RECORD_DATASETS;
  public static final String SUMMARY_DATASET = "summary";
  public static final String COSTS_DATASET = "costs";
  public static final String MANIFEST = "manifest.json";
  public static final String DICTIONARY = "data-dictionary.md";

  static final Map<String, String> SOURCE_FILES = Map.of(
      "persons", MetricsStage.PERSONS, "journeys", MetricsStage.JOURNEYS, "discharges", MetricsStage.DISCHARGES);

  private final String projectId;
  private final Path policyFile;
  private final Path metricsDir;
  private final MasterKey key;
  private final Clock clock;
  private final SdeConfiguration sde;

  private PublishStage(String projectId, Path policyFile, Path metricsDir, MasterKey key, Clock clock,
      SdeConfiguration sde) {
    this.projectId = projectId;
    this.policyFile = policyFile;
    this.metricsDir = metricsDir;
    this.key = key;
    this.clock = clock;
    this.sde = sde;
  }

  /** The release of {@code projectId} under {@code policyFile}, whose approval is checked against {@code sde}. */
  public static PublishStage of(String projectId, Path policyFile, Path metricsDir, MasterKey key,
      SdeConfiguration sde) {
    return new PublishStage(projectId, policyFile, metricsDir, key, Clock.systemUTC(),
        java.util.Objects.requireNonNull(sde, "sde"));
  }

  /**
   * Checks the policy: valid, at or above the SDE's floors, approved in exactly this version with a signature by a
   * reviewer the SDE trusts, and for this project (a project id of the allowed syntax). Returns the approval.
   */
  public Approval checkPolicy(Policy policy) throws IOException {
    if (!ProjectIds.isValid(projectId)) {
      throw new UserError("the project id given is not valid: use " + ProjectIds.RULE);
    }
    PolicyValidator.requireValid(policy);
    sde.floors().requireMet(policy);
    Approval approval = new PolicyApprovals(clock).requireApproved(policyFile, sde.reviewers());
    if (!policy.project().id().equals(projectId)) {
      throw new UserError("policy " + policyFile + " is for project " + policy.project().id() + ", not " + projectId
          + ": use the project's own approved policy");
    }
    return approval;
  }

  private List<Path> inputs(Policy policy) {
    List<Path> inputs = new ArrayList<>(List.of(policyFile, metricsDir));
    policy.lookups().values().forEach(t -> inputs.add(t.resolve(policy.source())));
    return inputs;
  }

  private String settings() {
    return "project=" + projectId + ";key_fingerprint=" + key.fingerprint();
  }

  /**
   * Whether {@code releaseDir} already holds this release for the same policy bytes, code tables, metrics outputs,
   * project and key. The approval is checked again on every run, skipped or not.
   */
  public boolean isUpToDate(Path releaseDir) {
    try {
      return StageDirectory.isUpToDate(releaseDir, "publish", inputs(Policy.load(policyFile)), settings());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs the stage unless {@code releaseDir} is up to date; the policy's approval is checked either way. */
  public Path runOrKeep(SdelinkPipelineOptions options, Path releaseDir) throws Exception {
    checkPolicy(Policy.load(policyFile));
    return isUpToDate(releaseDir) ? releaseDir.toAbsolutePath().normalize() : run(options, releaseDir);
  }

  public Path run(SdelinkPipelineOptions options, Path releaseDir) throws Exception {
    Policy policy = Policy.load(policyFile);
    StageDirectory.checkOutput(releaseDir, inputs(policy));
    // The policy and its signed approval first (no data read yet), then the metrics folder's seal and hashes.
    Approval approval = checkPolicy(policy);
    UpstreamFolder.verifyAll(metricsDir, "metrics");
    CodeTables tables = codeTables(policy);
    StageDirectory stage = StageDirectory.begin(releaseDir, inputs(policy));
    try {
      Path out = stage.work();
      RecordRelease.Outcome records = RecordRelease.of(policy, policyText(policy), tables, metricsDir,
          ProjectTreatments.of(key, policy), true).run(options, stage, out);
      Map<String, Long> rowsOut = new LinkedHashMap<>(records.rowsOut());
      List<DriverWork.FileTask> copies = new ArrayList<>();
      for (String dataset : records.datasets()) {
        copies.add(() -> ParquetCopies.write(out.resolve(dataset + ".csv"), dataset,
            out.resolve(dataset + ".parquet")));
      }
      DriverWork.inParallel(copies);
      List<AcroOutput> acro = tables(policy, out, rowsOut, true, new ArrayList<>());
      for (String table : List.of(SUMMARY_DATASET, COSTS_DATASET)) {
        if (rowsOut.containsKey(table)) {
          ParquetCopies.write(out.resolve(table + ".csv"), table, out.resolve(table + ".parquet"));
        }
      }
      // ACRO records a time per output; the approval's time keeps the release byte-identical on a rerun.
      AcroResults.of(acro, approval.approvedAt())
          .withRiskProfile(countRule(policy), magnitudeRules(policy))
          .writeTo(out);
      List<String> acroProblems = AcroResultsCheck.problems(out);
      if (!acroProblems.isEmpty()) {
        throw new IllegalStateException("release stopped: results.json would not open in ACRO or the SACRO viewer "
            + "(an internal check that should never fail; report it as a bug): " + acroProblems);
      }
      ReleaseDocuments.writeDataDictionary(policy, records, out.resolve(DICTIONARY));
      ReleaseDocuments.writeManifest(out, policy, approval, projectId, key.id(), records, rowsOut, tables,
          out.resolve(MANIFEST));
      stage.commit("publish", inputs(policy), settings());
      return stage.target();
    } catch (Exception | Error e) {
      stage.abandon();
      throw e;
    }
  }

  /**
   * The risk figures of a dry run for a policy review: the whole record release over {@code metricsDir} into a
   * throwaway folder under a throwaway key (pseudonyms do not change class sizes), the gates' decisions (their best
   * ones when over the policy's limit, which the report then flags), the output checks, and nothing kept.
   */
  public static DryRunFigures dryRun(Policy policy, Path metricsDir, SdelinkPipelineOptions options)
      throws Exception {
    PolicyValidator.requireValid(policy);
    CodeTables tables = codeTables(policy);
    UpstreamFolder.verifyAll(metricsDir, "metrics");
    byte[] throwaway = new byte[32];
    new java.security.SecureRandom().nextBytes(throwaway);
    MasterKey key = MasterKey.of("dry-run", throwaway);
    Path scratch = Files.createTempDirectory("sdelink-dry-run");
    StageDirectory stage = null;
    try {
      stage = StageDirectory.begin(scratch.resolve("release"));
      RecordRelease.Outcome records = RecordRelease.of(policy, policyText(policy), tables, metricsDir,
          ProjectTreatments.of(key, policy), false).run(options, stage, stage.work());
      PublishStage publish = new PublishStage(policy.project().id(), null, metricsDir, key, Clock.systemUTC(), null);
      Map<String, Long> rowsOut = new LinkedHashMap<>(records.rowsOut());
      Map<String, String> checks = new LinkedHashMap<>();
      List<String> crossFile = new ArrayList<>();
      for (AcroOutput output : publish.tables(policy, stage.work(), rowsOut, false, crossFile)) {
        checks.put(output.uid(), output.summary());
      }
      crossFile.forEach(problem -> checks.put("across files", "publish would stop: " + problem));
      Map<String, String> fingerprints = new LinkedHashMap<>();
      tables.sources().forEach((name, source) -> fingerprints.put(name, source.sha256()));
      return DryRunFigures.of(rowsOut, records.gates(), checks, records.linked(), fingerprints);
    } finally {
      if (stage != null) {
        stage.abandon();
      }
      StageDirectory.deleteRecursively(scratch);
    }
  }

  /** The policy's code tables, read (and checked) now: a missing or unreadable table stops before any pipeline. */
  private static CodeTables codeTables(Policy policy) throws IOException {
    try {
      return CodeTables.of(policy);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * Writes the summary and cost tables the policy releases into {@code out}; returns their ACRO records. A summary
   * table with suppressed cells beside the release's record rows stops the release ({@code failClosed}) or, for a
   * dry run, is added to {@code crossFileProblems}.
   */
  private List<AcroOutput> tables(Policy policy, Path out, Map<String, Long> rowsOut, boolean failClosed,
      List<String> crossFileProblems) throws IOException {
    List<AcroOutput> acro = new ArrayList<>();
    String command = "sdelink publish --project " + projectId;
    if (policy.datasets().containsKey(SUMMARY_DATASET)) {
      ProtectedSummaryTable table = SummaryTableProtection.protect(
          summaryRows(metricsDir.resolve(MetricsStage.SUMMARY)), countRule(policy));
      // Disclosure control across the release's files: no suppressed cell beside the rows it counts (issue 15).
      List<String> recordFiles = RECORD_DATASETS.stream().filter(d -> policy.datasets().containsKey(d))
          .map(d -> d + ".csv").toList();
      Optional<String> acrossFiles = TablesBesideRecords.problem(table, SUMMARY_DATASET + ".csv", recordFiles);
      if (acrossFiles.isPresent()) {
        if (failClosed) {
          throw new UserError("release stopped: " + acrossFiles.get());
        }
        crossFileProblems.add(acrossFiles.get());
      }
      StringBuilder csv = new StringBuilder();
      table.writeCsv(csv);
      Files.writeString(out.resolve(SUMMARY_DATASET + ".csv"), CsvLines.forPeople(csv.toString()),
          StandardCharsets.UTF_8);
      rowsOut.put(SUMMARY_DATASET, (long) table.rows().size());
      acro.add(table.toAcroOutput(SUMMARY_DATASET, SUMMARY_DATASET + ".csv", command));
    }
    if (policy.datasets().containsKey(COSTS_DATASET)) {
      Path costs = out.resolve(COSTS_DATASET + ".csv");
      acro.add(CostTable.write(metricsDir.resolve(MetricsStage.SERVICE_COSTS), magnitudeRules(policy), costs,
          command));
      rowsOut.put(COSTS_DATASET, countRows(costs));
    }
    return acro;
  }

  private static SmallNumberRule countRule(Policy policy) {
    return policy.countTableRule().orElse(SmallNumberRule.hes());
  }

  private static MagnitudeRules magnitudeRules(Policy policy) {
    return policy.magnitudeRules().orElse(MagnitudeRules.acroDefaults());
  }

  /** The exact text of the policy, so workers rebuild the same treatments from it. */
  private static String policyText(Policy policy) throws IOException {
    Path source = policy.source().orElseThrow(() -> new IllegalStateException("policy has no source file"));
    return Files.readString(source, StandardCharsets.UTF_8);
  }

  private static List<SummaryRow> summaryRows(Path summary) throws IOException {
    List<SummaryRow> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(summary, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      for (CSVRecord r : parser) {
        String metric = r.get("metric");
        Metric.Kind kind = kindOf(metric);
        long numerator;
        long denominator;
        switch (kind) {
          case PROPORTION -> rows.add(SummaryRow.proportion(metric, r.get("breakdown"), r.get("group"),
              Long.parseLong(r.get("numerator")), Long.parseLong(r.get("denominator"))));
          case RATE_PER_1000_YEARS -> {
            numerator = Long.parseLong(r.get("numerator"));
            denominator = Math.round(Double.parseDouble(r.get("denominator")) * 365.25);
            rows.add(SummaryRow.ratio(metric, r.get("breakdown"), r.get("group"), numerator, denominator, 365_250));
          }
          case MEDIAN_DAYS -> {
            denominator = Long.parseLong(r.get("denominator"));
            String value = r.get("value");
            rows.add(SummaryRow.statistic(metric, r.get("breakdown"), r.get("group"), denominator, denominator,
                value.isEmpty() ? Double.NaN : Double.parseDouble(value)));
          }
          default -> throw new IllegalStateException("unknown metric kind " + kind);
        }
      }
    }
    return rows;
  }

  private static Metric.Kind kindOf(String metricId) {
    for (Metric metric : Metric.values()) {
      if (metric.id().equals(metricId)) {
        return metric.kind();
      }
    }
    throw new IllegalArgumentException("summary.csv names an unknown metric '" + metricId
        + "': is it the output of this sdelink version's metrics stage?");
  }

  private static long countRows(Path csv) throws IOException {
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      long n = 0;
      for (CSVRecord ignored : parser) {
        n++;
      }
      return n;
    }
  }

  static List<String> header(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file + " (give the folder written by sdelink metrics)");
    }
    return ReadCsvColumns.header(file);
  }
}
