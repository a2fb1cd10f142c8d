package org.sdelink.pipelines.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * Every stage in order, into one output folder: {@code pseudonymised/cld}, {@code pseudonymised/apc},
 * {@code linked}, {@code metrics} and {@code release/<project>}. Used by {@code sdelink run} and {@code sdelink demo}.
 */
public final class FullRun {
  /** What a run produced, for the final summary. */
  public record Outcome(StageReport cld, StageReport apc, Path spine, Path metrics, Path release,
      Map<String, Duration> stageTimes) {}

  private final List<Path> cldFiles;
  private final List<Path> apcFiles;
  private final MasterKey key;
  private final ReportingPeriod period;
  private final LocalDate referenceDate;
  private final Path output;
  private final ReleaseStep release;
  private double maxRejectRate = org.sdelink.pipelines.pseudonymise.PseudonymiseStage.DEFAULT_MAX_REJECT_RATE;
  private org.sdelink.pipelines.contract.CodeLists codeLists = org.sdelink.pipelines.contract.CodeLists.none();

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

  /** Stop when more than {@code rate} of a file's rows are rejected (see {@code --max-reject-rate}). */
  public FullRun withMaxRejectRate(double rate) {
    this.maxRejectRate = rate;
    return this;
  }

  public Outcome run(SdelinkPipelineOptions options, PrintWriter progress) throws Exception {
    Map<String, Duration> times = new LinkedHashMap<>();
    Path cldDir = output.resolve("pseudonymised").resolve("cld");
    Path apcDir = output.resolve("pseudonymised").resolve("apc");
    Path linkedDir = output.resolve("linked");
    Path metricsDir = output.resolve("metrics");

    long start = System.nanoTime();
    var cldStage = Stages.pseudonymise(InputSource.CLD, cldFiles, key, referenceDate).withMaxRejectRate(maxRejectRate)
        .withCodeLists(codeLists);
    StageReport cld;
    if (cldStage.isUpToDate(cldDir)) {
      progress.println("[1/5] pseudonymise cld: inputs and settings unchanged since the last run, kept");
      cld = StageReport.read(cldDir.resolve(PseudonymiseStage.REPORT));
    } else {
      progress.println("[1/5] pseudonymise cld: " + cldFiles.size() + " file(s)");
      cld = cldStage.run(options, cldDir);
    }
    times.put("pseudonymise cld", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    var apcStage = Stages.pseudonymise(InputSource.APC, apcFiles, key, referenceDate).withMaxRejectRate(maxRejectRate)
        .withCodeLists(codeLists);
    StageReport apc;
    if (apcStage.isUpToDate(apcDir)) {
      progress.println("[2/5] pseudonymise apc: inputs and settings unchanged since the last run, kept");
      apc = StageReport.read(apcDir.resolve(PseudonymiseStage.REPORT));
    } else {
      progress.println("[2/5] pseudonymise apc: " + apcFiles.size() + " file(s)");
      apc = apcStage.run(options, apcDir);
    }
    times.put("pseudonymise apc", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    LinkStage linkStage = LinkStage.of(cldDir, apcDir);
    if (linkStage.isUpToDate(linkedDir)) {
      progress.println("[3/5] link: inputs unchanged since the last run, kept");
    } else {
      progress.println("[3/5] link");
      linkStage.run(options, linkedDir);
    }
    Path linked = linkedDir.toAbsolutePath().normalize();
    times.put("link", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    MetricsStage metricsStage = MetricsStage.of(cldDir, apcDir, linked.resolve(LinkStage.SPINE), period);
    if (metricsStage.isUpToDate(metricsDir)) {
      progress.println("[4/5] metrics: inputs and period unchanged since the last run, kept");
    } else {
      progress.println("[4/5] metrics " + period.start() + " to " + period.end());
      metricsStage.run(options, metricsDir);
    }
    Path metrics = metricsDir.toAbsolutePath().normalize();
    times.put("metrics", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    progress.println("[5/5] publish");
    Path releaseDir = release.publish(options, metrics, output.resolve("release"));
    times.put("publish", Duration.ofNanos(System.nanoTime() - start));
    Outcome outcome = new Outcome(cld, apc, linked.resolve(LinkStage.SPINE), metrics, releaseDir, times);
    progress.println("run report: " + RunReport.write(outcome, output));
    progress.flush();
    return outcome;
  }

}
