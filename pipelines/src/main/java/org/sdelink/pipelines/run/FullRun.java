package org.sdelink.pipelines.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.io.OutputFolder;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.progress.ProgressMonitor;
import org.sdelink.pipelines.progress.StageMeasurement;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * Every stage in order, into one output folder: {@code pseudonymised/cld}, {@code pseudonymised/apc},
 * {@code linked}, {@code metrics} and {@code release/<project>}. Used by {@code sdelink run} and {@code sdelink demo}.
 */
public final class FullRun {
  /** The run's dashboard folders: the operator's view and the councils' version. */
  public static final String DASHBOARD = "dashboard";
  public static final String DASHBOARD_COUNCILS = "dashboard-councils";

  /** What a run produced, for the final summary. */
  public record Outcome(StageReport cld, StageReport apc, Path spine, Path metrics, Path release,
      Map<String, Duration> stageTimes, Path statistics) {
    /** An outcome without the statistics stage. */
    public Outcome(StageReport cld, StageReport apc, Path spine, Path metrics, Path release,
        Map<String, Duration> stageTimes) {
      this(cld, apc, spine, metrics, release, stageTimes, null);
    }
  }

  private final List<Path> cldFiles;
  private final List<Path> apcFiles;
  private final MasterKey key;
  private final ReportingPeriod period;
  private final LocalDate referenceDate;
  private final Path output;
  private final ReleaseStep release;
  private double maxRejectRate = org.sdelink.pipelines.pseudonymise.PseudonymiseStage.DEFAULT_MAX_REJECT_RATE;
  private Duration progressInterval = ProgressMonitor.DEFAULT_INTERVAL;
  private final List<StageMeasurement> measurements = new ArrayList<>();
  private org.sdelink.pipelines.contract.CodeLists codeLists = org.sdelink.pipelines.contract.CodeLists.none();
  private final List<Path> protectedPaths = new ArrayList<>();
  private String releaseFolder;
  private org.sdelink.pipelines.pseudonymise.Submissions submissions =
      org.sdelink.pipelines.pseudonymise.Submissions.none();
  private org.sdelink.metrics.evaluation.FinancialYear statisticsYear;
  private org.sdelink.metrics.submissions.SubmissionWindow statisticsWindow;
  private boolean dashboards;
  private Path population;
  private Path statisticsLsoaLookup;
  private org.sdelink.pipelines.report.CouncilLookups councilLookups =
      org.sdelink.pipelines.report.CouncilLookups.defaults();

  /** The publish step, given the metrics folder and the release folder to write. */
  public interface ReleaseStep {
    Path publish(SdelinkPipelineOptions options, Path metricsDir, Path releaseRoot) throws Exception;
  }

  public FullRun(List<Path> cldFiles, List<Path> apcFiles, MasterKey key, ReportingPeriod period,
      LocalDate referenceDate, Path output, ReleaseStep release) {
    this.cldFiles = List.copyOf(cldFiles);
    this.apcFiles = List.copyOf(apcFiles);
    this.key = key;
    this.period = period;
    this.referenceDate = referenceDate;
    this.output = output;
    this.release = release;
  }

  /** Count coded values that {@code lists} do not hold (see {@code --code-lists}); by default codes are not checked. */
  public FullRun withCodeLists(org.sdelink.pipelines.contract.CodeLists lists) {
    this.codeLists = lists;
    return this;
  }

  /** Date each CLD file by the councils' submissions ({@code --submissions}); by default received dates are blank. */
  public FullRun withSubmissions(org.sdelink.pipelines.pseudonymise.Submissions given) {
    this.submissions = given;
    return this;
  }

  /** Also runs the statistics stage (the SALT tables of {@code year}) into {@code statistics/}. */
  public FullRun withStatistics(org.sdelink.metrics.evaluation.FinancialYear year,
      org.sdelink.metrics.submissions.SubmissionWindow window) {
    this.statisticsYear = year;
    this.statisticsWindow = window;
    return this;
  }

  /**
   * Also builds the CLD dashboard after the statistics stage, with its SALT (and, when the statistics output has
   * them, ASCOF and waiting-times) pages: the operator's view into {@code dashboard/} and the councils' version
   * (small-number rule) into {@code dashboard-councils/}. Needs {@link #withStatistics}.
   */
  public FullRun withDashboards() {
    this.dashboards = true;
    return this;
  }

  /** The population estimates of ASCOF 2B/2C for the statistics stage ({@code --population}); null = none. */
  public FullRun withPopulation(Path populationCsv) {
    this.population = populationCsv;
    return this;
  }

  /** ASCOF 2D in the statistics stage: the operator's LSOA lookup (null: the documented fallback). */
  public FullRun withLsoaLookup(Path lookup) {
    this.statisticsLsoaLookup = lookup;
    return this;
  }

  /**
   * The dashboards' council names and comparator groups (the run configuration's {@code report} section); by default
   * councils are shown by code and compared with councils of the same type.
   */
  public FullRun withCouncilLookups(org.sdelink.pipelines.report.CouncilLookups lookups) {
    this.councilLookups = java.util.Objects.requireNonNull(lookups, "lookups");
    return this;
  }

  /** Stop when more than {@code rate} of a file's rows are rejected (see {@code --max-reject-rate}). */
  public FullRun withMaxRejectRate(double rate) {
    this.maxRejectRate = rate;
    return this;
  }

  /**
   * Files and folders the run reads besides its input files (keystore, password file, policy, configuration, code
   * lists): no output may be, hold or lie inside one of them. Checked with every stage folder before the first stage.
   */
  public FullRun protecting(Collection<Path> paths) {
    paths.stream().filter(java.util.Objects::nonNull).forEach(protectedPaths::add);
    return this;
  }

  /** The folder name under {@code release/} the release step writes, so that it is checked before the first stage. */
  public FullRun withReleaseFolder(String name) {
    this.releaseFolder = name;
    return this;
  }

  /** Prints progress lines every {@code interval} while a stage runs (default 10 s). */
  public FullRun withProgressInterval(Duration interval) {
    this.progressInterval = interval;
    return this;
  }

  /** What each stage cost in the last {@link #run}: wall time, rows read and peak heap, in stage order. */
  public List<StageMeasurement> measurements() {
    return List.copyOf(measurements);
  }

  /** One step of the run, which may throw. */
  private interface Step<T> {
    T run() throws Exception;
  }

  /**
   * Runs every stage in order. Stage lines and progress lines go to {@code progress}; pass null for none (scripts).
   */
  public Outcome run(SdelinkPipelineOptions options, PrintWriter progress) throws Exception {
    List<Path> reads = new ArrayList<>(cldFiles);
    reads.addAll(apcFiles);
    reads.addAll(protectedPaths);
    // Before any stage: the run folder is sdelink's (or new), no stage folder is foreign, and no other run writes it.
    try (OutputFolder root = OutputFolder.claim(output, OutputFolder.Kind.RUN, reads)) {
      List<Path> stageFolders = new ArrayList<>(List.of(output.resolve("pseudonymised").resolve("cld"),
          output.resolve("pseudonymised").resolve("apc"), output.resolve("linked"), output.resolve("metrics")));
      if (releaseFolder != null) {
        stageFolders.add(output.resolve("release").resolve(releaseFolder));
      }
      if (statisticsYear != null) {
        stageFolders.add(output.resolve("statistics"));
        if (dashboards) {
          stageFolders.add(output.resolve(DASHBOARD));
          stageFolders.add(output.resolve(DASHBOARD_COUNCILS));
        }
      }
      for (Path folder : stageFolders) {
        OutputFolder.check(folder, OutputFolder.Kind.STAGE, reads);
      }
      return runStages(options, progress);
    }
  }

  private Outcome runStages(SdelinkPipelineOptions options, PrintWriter progress) throws Exception {
    measurements.clear();
    Map<String, Duration> times = new LinkedHashMap<>();
    Path cldDir = output.resolve("pseudonymised").resolve("cld");
    Path apcDir = output.resolve("pseudonymised").resolve("apc");
    Path linkedDir = output.resolve("linked");
    Path metricsDir = output.resolve("metrics");

    var cldStage = Stages.pseudonymise(InputSource.CLD, cldFiles, key, referenceDate).withMaxRejectRate(maxRejectRate)
        .withCodeLists(codeLists).withSubmissions(submissions);
    StageReport cld = stage("pseudonymise cld", times, progress, () -> {
      if (cldStage.isUpToDate(cldDir)) {
        say(progress, "[1/5] pseudonymise cld: inputs and settings unchanged since the last run, kept");
        return StageReport.read(cldDir.resolve(PseudonymiseStage.REPORT));
      }
      say(progress, "[1/5] pseudonymise cld: " + cldFiles.size() + " file(s)");
      return cldStage.run(options, cldDir);
    });

    var apcStage = Stages.pseudonymise(InputSource.APC, apcFiles, key, referenceDate).withMaxRejectRate(maxRejectRate)
        .withCodeLists(codeLists);
    StageReport apc = stage("pseudonymise apc", times, progress, () -> {
      if (apcStage.isUpToDate(apcDir)) {
        say(progress, "[2/5] pseudonymise apc: inputs and settings unchanged since the last run, kept");
        return StageReport.read(apcDir.resolve(PseudonymiseStage.REPORT));
      }
      say(progress, "[2/5] pseudonymise apc: " + apcFiles.size() + " file(s)");
      return apcStage.run(options, apcDir);
    });

    LinkStage linkStage = LinkStage.of(cldDir, apcDir);
    stage("link", times, progress, () -> {
      if (linkStage.isUpToDate(linkedDir)) {
        say(progress, "[3/5] link: inputs unchanged since the last run, kept");
      } else {
        say(progress, "[3/5] link");
        linkStage.run(options, linkedDir);
      }
      return null;
    });
    Path linked = linkedDir.toAbsolutePath().normalize();

    MetricsStage metricsStage = MetricsStage.of(cldDir, apcDir, linked.resolve(LinkStage.SPINE), period);
    stage("metrics", times, progress, () -> {
      if (metricsStage.isUpToDate(metricsDir)) {
        say(progress, "[4/5] metrics: inputs and period unchanged since the last run, kept");
      } else {
        say(progress, "[4/5] metrics " + period.start() + " to " + period.end());
        metricsStage.run(options, metricsDir);
      }
      return null;
    });
    Path metrics = metricsDir.toAbsolutePath().normalize();

    Path statistics = null;
    if (statisticsYear != null) {
      Path statisticsDir = output.resolve("statistics");
      var statisticsStage = org.sdelink.pipelines.statistics.StatisticsStage.of(cldDir, statisticsYear,
          statisticsWindow).withHospital(org.sdelink.pipelines.statistics.HospitalInputs.of(apcDir,
              linked.resolve(LinkStage.SPINE), statisticsLsoaLookup)).withPopulation(population);
      stage("statistics", times, progress, () -> {
        if (statisticsStage.isUpToDate(statisticsDir)) {
          say(progress, "[4/5] statistics: inputs and settings unchanged since the last run, kept");
        } else {
          say(progress, "[4/5] statistics: SALT tables and ASCOF measures " + statisticsYear);
          statisticsStage.run(options, statisticsDir);
        }
        return null;
      });
      statistics = statisticsDir.toAbsolutePath().normalize();
      if (dashboards) {
        Path salt = statistics;
        stage("report", times, progress, () -> {
          say(progress, "[4/5] report: dashboards with the SALT pages, period " + period.start() + " to "
              + period.end());
          var report = org.sdelink.pipelines.report.ReportStage.of(cldDir, period).withStatistics(salt)
              .withCouncilLookups(councilLookups);
          if (codeLists.checksAny(InputSource.CLD)) {
            report = report.withCodeLists(codeLists, org.sdelink.pipelines.contract.CodeLists.CLD_FILE);
          }
          report.run(options, output.resolve(DASHBOARD));
          report.forAudience(org.sdelink.pipelines.report.Audience.COUNCILS)
              .run(options, output.resolve(DASHBOARD_COUNCILS));
          return null;
        });
      }
    }

    Path releaseDir = stage("publish", times, progress, () -> {
      say(progress, "[5/5] publish");
      return release.publish(options, metrics, output.resolve("release"));
    });
    Outcome outcome = new Outcome(cld, apc, linked.resolve(LinkStage.SPINE), metrics, releaseDir, times,
        statistics);
    Path report = RunReport.write(outcome, output);
    say(progress, "run report: " + report);
    return outcome;
  }

  private <T> T stage(String name, Map<String, Duration> times, PrintWriter progress, Step<T> step) throws Exception {
    ProgressMonitor monitor = ProgressMonitor.start(name, progress, progressInterval);
    try {
      return step.run();
    } finally {
      monitor.close();
      measurements.add(monitor.measurement());
      times.put(name, monitor.measurement().wall());
    }
  }

  private static void say(PrintWriter progress, String line) {
    if (progress != null) {
      synchronized (progress) {
        progress.println(line);
        progress.flush();
      }
    }
  }
}
