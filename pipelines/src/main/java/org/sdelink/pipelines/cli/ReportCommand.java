package org.sdelink.pipelines.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.report.Audience;
import org.sdelink.pipelines.report.CouncilLookups;
import org.sdelink.pipelines.report.ReportStage;
import org.sdelink.pipelines.run.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdelink report}: the static HTML dashboard of pseudonymised CLD for one reporting period. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Build a self-contained HTML dashboard (requests, assessments, service users, service costs,"
        + " reviews, data quality) from pseudonymised CLD, with a CSV beside every chart (docs/dashboard.md).")
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CldStageOptions stage;

  @Option(names = "--period-start", required = true, paramLabel = "YYYY-MM-DD", description = "first day of the period")
  LocalDate periodStart;

  @Option(names = "--period-end", required = true, paramLabel = "YYYY-MM-DD", description = "last day of the period")
  LocalDate periodEnd;

  @Option(names = "--code-lists", paramLabel = "DIR",
      description = "folder holding cld_code_lists.json; without it code validity is not checked (and the data-quality"
          + " page says so)")
  Path codeLists;

  @Option(names = "--for-councils",
      description = "protect small numbers for councils (HES rule: 1-7 suppressed, others rounded to 5); without it"
          + " the dashboard is the operator's internal, exact view")
  boolean forCouncils;

  @Option(names = "--statistics", paramLabel = "DIR",
      description = "output folder of sdelink statistics: adds a SALT page (each SALT table, council beside England)"
          + " to every area, and ASCOF and waiting-times pages when it has ascof.csv / waiting_times.csv")
  Path statistics;

  @Option(names = "--council-names", paramLabel = "FILE",
      description = "CSV la_code,la_name: council names shown beside their codes (default: codes only)")
  Path councilNames;

  @Option(names = "--comparators", paramLabel = "FILE",
      description = "CSV la_code,comparator_group: each council's comparator group on the ASCOF and waiting-times"
          + " pages (default, and for councils the file leaves out: councils of the same type)")
  Path comparators;

  @Option(names = "--dq-threshold", defaultValue = "0.95", paramLabel = "SHARE",
      description = "share a council must reach on a data-quality field to meet the threshold (default"
          + " ${DEFAULT-VALUE})")
  double threshold;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    if (periodEnd.isBefore(periodStart)) {
      throw new UserError("--period-end is before --period-start");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new UserError("--dq-threshold must be a share above 0 and at most 1, e.g. 0.95");
    }
    ReportStage report = ReportStage.of(stage.cld(), ReportingPeriod.of(periodStart, periodEnd))
        .forAudience(forCouncils ? Audience.COUNCILS : Audience.OPERATOR)
        .withThreshold(threshold);
    if (codeLists != null) {
      if (!Files.isRegularFile(codeLists.resolve(CodeLists.CLD_FILE))) {
        throw new UserError("--code-lists " + codeLists + " holds no " + CodeLists.CLD_FILE
            + ": give the folder of the published CLD code lists");
      }
      report = report.withCodeLists(CodeLists.load(codeLists), codeLists.resolve(CodeLists.CLD_FILE).getFileName()
          .toString());
    }
    if (statistics != null) {
      if (!Files.isDirectory(statistics.resolve("salt"))) {
        throw new UserError("--statistics " + statistics + " has no salt/ folder: give the output folder of sdelink"
            + " statistics");
      }
      report = report.withStatistics(statistics);
    }
    // A missing or malformed lookup file stops here, naming the file, line and column (never a value).
    ReportStage run = report.withCouncilLookups(CouncilLookups.read(councilNames, comparators));
    StageProgress.runAndReport("report", "dashboard", spec.commandLine().getOut(),
        () -> run.run(beam.options(), stage.output()).resolve("index.html"));
    return 0;
  }
}
