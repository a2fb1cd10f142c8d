package org.sdelink.pipelines.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole run described in one YAML file: inputs, keystore, reporting period, release policy, output folder and
 * runner. Unknown keys are errors (fail closed), and relative paths are resolved against the file's folder.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class RunConfig {
  /** Input files per source. */
  public static final class Inputs {
    @JsonProperty public List<String> cld = new ArrayList<>();
    @JsonProperty public List<String> apc = new ArrayList<>();
  }

  /** The reporting period of the metrics. */
  public static final class Period {
    @JsonProperty public LocalDate start;
    @JsonProperty public LocalDate end;
  }

  /** The official statistics (SALT tables); absent = the statistics stage does not run. */
  public static final class Statistics {
    /** Financial year, e.g. 2024-25. */
    @JsonProperty public String year;
    /** Ignore submissions received after this date; unset = every submission. */
    @JsonProperty("submitted_by") public LocalDate submittedBy;
    /**
     * Population estimates for ASCOF 2B/2C ({@code la_code,age_band,population}), relative to this file; unset = those
     * values are blank with the reason.
     */
    @JsonProperty public String population;
    /** ASCOF 2D: CSV lsoa_code,la_code (2011 LSOA to upper-tier council); unset = the documented fallback. */
    @JsonProperty("lsoa_lookup") public String lsoaLookup;
  }

  /**
   * The operator's lookups for the dashboards the run builds with the statistics (sdelink ships neither), relative to
   * this file; absent = councils are shown by code and compared with councils of the same type.
   */
  public static final class Report {
    /** CSV {@code la_code,la_name}: council names shown as "name (code)"; unset = codes only. */
    @JsonProperty("council_names") public String councilNames;
    /** CSV {@code la_code,comparator_group}: comparator groups of the ASCOF and waiting-times pages; unset = type. */
    @JsonProperty public String comparators;
  }

  @JsonProperty public Inputs inputs = new Inputs();
  @JsonProperty public Statistics statistics;
  @JsonProperty public Report report;
  @JsonProperty public String keystore;
  @JsonProperty("keystore_password_file") public String keystorePasswordFile;
  @JsonProperty public Period period = new Period();
  @JsonProperty public String policy;
  @JsonProperty public String project;
  /** The SDE's configuration (trusted reviewers, policy floors), written by the SDE only. */
  @JsonProperty("sde_config") public String sdeConfig;
  @JsonProperty public String output;
  @JsonProperty public String runner = "DirectRunner";
  @JsonProperty("pipeline_options") public List<String> pipelineOptions = new ArrayList<>();
  @JsonProperty("reference_date") public LocalDate referenceDate;
  @JsonProperty("max_reject_rate") public double maxRejectRate =
      org.sdelink.pipelines.pseudonymise.PseudonymiseStage.DEFAULT_MAX_REJECT_RATE;
  /** Folder of the published code lists; unset = code values are not checked. */
  @JsonProperty("code_lists") public String codeLists;
  /** The councils' CLD submissions ({@code file,la_code,received_date}); unset = received dates are blank. */
  @JsonProperty public String submissions;

  private Path base = Path.of(".");

  public static RunConfig load(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    RunConfig config;
    try {
      // One document only: a second one after `---` would be ignored silently (issue 15), so YamlDocuments refuses it.
      com.fasterxml.jackson.databind.JsonNode tree = org.sdelink.policies.YamlDocuments.read(
          java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), "run configuration " + file);
      config = mapper.treeToValue(tree, RunConfig.class);
    } catch (UnrecognizedPropertyException e) {
      List<String> path = new ArrayList<>();
      e.getPath().forEach(reference -> path.add(reference.getFieldName() != null ? reference.getFieldName()
          : "[" + reference.getIndex() + "]"));
      if (path.size() <= 1) {
        throw new IllegalArgumentException("run configuration " + file + ": unknown key '" + e.getPropertyName()
            + "'; the keys are inputs, keystore, keystore_password_file, period, policy, project, sde_config,"
            + " output, runner, pipeline_options, reference_date, max_reject_rate, code_lists, submissions,"
            + " statistics, report");
      }
      List<String> known = new ArrayList<>();
      e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      java.util.Collections.sort(known);
      throw new IllegalArgumentException("run configuration " + file + ": unknown key '" + String.join(".", path)
          + "'; the keys under " + String.join(".", path.subList(0, path.size() - 1)) + " are "
          + String.join(", ", known));
    }
    config.base = file.toAbsolutePath().getParent();
    config.check(file);
    return config;
  }

  private void check(Path file) {
    List<String> missing = new ArrayList<>();
    if (inputs.cld.isEmpty()) {
      missing.add("inputs.cld");
    }
    if (inputs.apc.isEmpty()) {
      missing.add("inputs.apc");
    }
    if (keystore == null) {
      missing.add("keystore");
    }
    if (period.start == null || period.end == null) {
      missing.add("period.start/period.end");
    }
    if (output == null) {
      missing.add("output");
    }
    if (statistics != null && statistics.year == null) {
      missing.add("statistics.year");
    }
    if (report != null && statistics == null) {
      throw new IllegalArgumentException("run configuration " + file + ": report (council names, comparators) is for"
          + " the dashboards, which a run builds with its statistics: add a statistics section (statistics.year) or"
          + " remove report");
    }
    if (project != null && !org.sdelink.policies.ProjectIds.isValid(project)) {
      throw new IllegalArgumentException("run configuration " + file + ": project is not a valid project id: use "
          + org.sdelink.policies.ProjectIds.RULE);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("run configuration " + file + " lacks " + String.join(", ", missing)
          + "; see docs/operator-runbook.md for an example");
    }
  }

  public Path resolve(String path) {
    return base.resolve(path).normalize();
  }

  /** The code lists folder, resolved against the configuration's folder, if one is given. */
  public java.util.Optional<Path> codeListsFolder() {
    return java.util.Optional.ofNullable(codeLists).map(this::resolve);
  }

  /** The statistics' LSOA lookup (ASCOF 2D), resolved against the configuration's folder, if one is given. */
  public java.util.Optional<Path> lsoaLookupFile() {
    return java.util.Optional.ofNullable(statistics).map(s -> s.lsoaLookup).map(this::resolve);
  }

  /** The ASCOF population estimates file, resolved against the configuration's folder, if one is given. */
  public java.util.Optional<Path> populationFile() {
    return java.util.Optional.ofNullable(statistics).map(s -> s.population).map(this::resolve);
  }

  /** The dashboards' council names file ({@code report.council_names}), resolved, if one is given. */
  public java.util.Optional<Path> councilNamesFile() {
    return java.util.Optional.ofNullable(report).map(r -> r.councilNames).map(this::resolve);
  }

  /** The dashboards' comparator file ({@code report.comparators}), resolved, if one is given. */
  public java.util.Optional<Path> comparatorsFile() {
    return java.util.Optional.ofNullable(report).map(r -> r.comparators).map(this::resolve);
  }

  /** The submissions file, resolved against the configuration's folder, if one is given. */
  public java.util.Optional<Path> submissionsFile() {
    return java.util.Optional.ofNullable(submissions).map(this::resolve);
  }

  public List<Path> cldFiles() {
    return inputs.cld.stream().map(this::resolve).toList();
  }

  public List<Path> apcFiles() {
    return inputs.apc.stream().map(this::resolve).toList();
  }

  /** Beam arguments: the runner plus any extra pipeline options. */
  public List<String> beamArgs() {
    List<String> args = new ArrayList<>();
    args.add("--runner=" + runner);
    args.addAll(pipelineOptions);
    return args;
  }
}
