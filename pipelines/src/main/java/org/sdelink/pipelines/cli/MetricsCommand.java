package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.metrics.MetricsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink metrics}: journeys, discharges and the transition-metric summary. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Compute journeys, discharges and the admission/discharge transition metrics (docs/metrics.md).")
public final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CldStageOptions stage;

  @Option(names = "--apc", required = true, paramLabel = "DIR", description = "pseudonymise output for APC")
  Path apc;

  @Option(names = "--spine", required = true, paramLabel = "FILE", description = "linkage spine (spine.csv)")
  Path spine;

  @Option(names = "--period-start", required = true, paramLabel = "YYYY-MM-DD", description = "first day of the period")
  LocalDate periodStart;

  @Option(names = "--period-end", required = true, paramLabel = "YYYY-MM-DD", description = "last day of the period")
  LocalDate periodEnd;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    if (periodEnd.isBefore(periodStart)) {
      throw new UserError("--period-end is before --period-start");
    }
    MetricsStage metrics = MetricsStage.of(stage.cld(), apc, spine, ReportingPeriod.of(periodStart, periodEnd));
    StageProgress.runAndReport("metrics", "metrics", spec.commandLine().getOut(),
        () -> metrics.run(beam.options(), stage.output()));
    return 0;
  }
}
