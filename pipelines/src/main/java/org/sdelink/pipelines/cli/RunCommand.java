package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.report.CouncilLookups;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.run.FullRun;
import org.sdelink.pipelines.run.RunConfig;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink run}: every stage from one YAML run configuration. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run pseudonymise, link, metrics and publish from one YAML run configuration"
        + " (see docs/operator-runbook.md for an example).")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "run configuration (YAML)")
  Path config;

  @Override
  public Integer call() throws Exception {
    RunConfig run = RunConfig.load(config);
    // Read before anything else: a missing or malformed lookup stops the run at once, naming file, line and column.
    CouncilLookups lookups = CouncilLookups.read(
        run.councilNamesFile().orElse(null), "run configuration key report.council_names",
        run.comparatorsFile().orElse(null), "run configuration key report.comparators");
    if (run.policy == null || run.project == null || run.sdeConfig == null) {
      throw new UserError("run configuration " + config + " needs 'policy', 'project' and 'sde_config' (the SDE's "
          + "trusted reviewers and policy floors) to publish a release");
    }
    var sde = org.sdelink.policies.sde.SdeConfiguration.load(run.resolve(run.sdeConfig));
    char[] password = KeystoreOptions.resolvePassword(
        run.keystorePasswordFile == null ? null : run.resolve(run.keystorePasswordFile));
    var key = Stages.openPrimaryKey(run.resolve(run.keystore), password, false);
    Path output = run.resolve(run.output);
    Path policy = run.resolve(run.policy);
    // Fail before any stage runs: the release policy must be valid, meet the SDE's floors and carry a trusted
    // reviewer's signed approval for this project.
    PublishStage.of(run.project, policy, output, key, sde).checkPolicy(org.sdelink.policies.Policy.load(policy));
    OutputMode mode = OutputMode.current();
    var out = spec.commandLine().getOut();
    FullRun fullRun = new FullRun(run.cldFiles(), run.apcFiles(), key,
        ReportingPeriod.of(run.period.start, run.period.end),
        run.referenceDate == null ? LocalDate.now() : run.referenceDate, output,
        (options, metricsDir, releaseRoot) -> PublishStage.of(run.project, policy, metricsDir, key, sde)
            .runOrKeep(options, releaseRoot.resolve(run.project)))
        .withMaxRejectRate(run.maxRejectRate)
        .withReleaseFolder(run.project)
        .protecting(java.util.Arrays.asList(config, run.resolve(run.keystore), policy,
            run.keystorePasswordFile == null ? null : run.resolve(run.keystorePasswordFile),
            run.codeListsFolder().orElse(null), run.populationFile().orElse(null),
            run.lsoaLookupFile().orElse(null), run.councilNamesFile().orElse(null),
            run.comparatorsFile().orElse(null)))
        .withCodeLists(run.codeListsFolder().map(Stages::codeLists)
            .orElse(org.sdelink.pipelines.contract.CodeLists.none()))
        .withSubmissions(Stages.submissions(InputSource.CLD, run.submissionsFile().orElse(null)));
    if (run.statistics != null) {
      org.sdelink.metrics.evaluation.FinancialYear year;
      try {
        year = org.sdelink.metrics.evaluation.FinancialYear.parse(run.statistics.year);
      } catch (IllegalArgumentException e) {
        throw new org.sdelink.pipelines.run.UserError("run configuration statistics.year: " + e.getMessage());
      }
      fullRun.withStatistics(year, run.statistics.submittedBy == null
          ? org.sdelink.metrics.submissions.SubmissionWindow.all()
          : org.sdelink.metrics.submissions.SubmissionWindow.asOf(run.statistics.submittedBy))
          .withPopulation(run.populationFile().orElse(null))
          .withDashboards();
      fullRun.withLsoaLookup(run.lsoaLookupFile().orElse(null)).withCouncilLookups(lookups);
    }
    FullRun.Outcome outcome = fullRun.run(StageOptions.fromArgs(run.beamArgs()), mode.progress(out));
    RunSummary.print(mode, fullRun, outcome, out);
    return 0;
  }

}
