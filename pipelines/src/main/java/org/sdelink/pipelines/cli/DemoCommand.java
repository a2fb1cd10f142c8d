package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdelink.fixtures.generator.CouncilNames;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.io.OutputFolder;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.report.CouncilLookups;
import org.sdelink.pipelines.run.FullRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdelink demo}: fresh synthetic data, a throwaway demo key and every stage, into {@code demo-output/}. The
 * demo key is marked as such, so no other command accepts it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate synthetic data, create a throwaway demo key and run every stage into demo-output/.")
public final class DemoCommand implements Callable<Integer> {
  static final String DEMO_PROJECT = "DEMO-0001";
  /** The demo's council names file, beside its synthetic input. */
  static final String COUNCIL_NAMES = "council_names.csv";

  @Spec CommandSpec spec;

  @Option(names = "--people", defaultValue = "5000", description = "synthetic people (default ${DEFAULT-VALUE})")
  int people;

  @Option(names = "--seed", defaultValue = "20240401", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--output", defaultValue = "demo-output", paramLabel = "DIR", description = "default ${DEFAULT-VALUE}")
  Path output;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    OutputMode mode = OutputMode.current();
    var out = spec.commandLine().getOut();
    var progress = mode.progress(out);
    try (OutputFolder claimed = OutputFolder.claim(output, OutputFolder.Kind.RUN, List.of())) {
      claimed.clear(); // a demo folder starts afresh: new data, new throwaway key
      return demo(mode, out, progress);
    }
  }

  private Integer demo(OutputMode mode, java.io.PrintWriter out, java.io.PrintWriter progress) throws Exception {
    Path data = output.resolve("input");
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(people, seed, data));
    if (progress != null) {
      progress.printf("generated %,d synthetic people: %,d CLD rows, %,d APC episodes -> %s%n", generated.people(),
          generated.cldRows(), generated.apcRows(), data);
    }

    var key = DemoKeys.create(output, progress);

    DemoPolicy.Approved policy = DemoPolicy.approvedCopy(output, DEMO_PROJECT);
    // The dashboards show council names as an operator's names file (report.council_names) makes them.
    Path names = data.resolve(COUNCIL_NAMES);
    StringBuilder namesCsv = new StringBuilder("la_code,la_name\n");
    CouncilNames.all().forEach((code, name) -> namesCsv.append(CsvLines.format(code, name)).append('\n'));
    java.nio.file.Files.writeString(names, namesCsv.toString(), java.nio.charset.StandardCharsets.UTF_8);
    FullRun run = new FullRun(
        generated.cldSubmissionFiles(), List.of(generated.files().get("apc_episodes.csv")),
        key, ReportingPeriod.of(GeneratorConfig.DEFAULT_PERIOD_START, GeneratorConfig.DEFAULT_PERIOD_END),
        LocalDate.of(2025, 6, 30), output,
        (options, metricsDir, releaseRoot) -> PublishStage.of(DEMO_PROJECT, policy.policy(), metricsDir, key,
            policy.sde())
            .runOrKeep(options, releaseRoot.resolve(DEMO_PROJECT)))
        .withSubmissions(org.sdelink.pipelines.pseudonymise.Submissions.read(generated.cldSubmissions()))
        .withStatistics(new org.sdelink.metrics.evaluation.FinancialYear(
                GeneratorConfig.DEFAULT_PERIOD_START.getYear()),
            org.sdelink.metrics.submissions.SubmissionWindow.all())
        .withDashboards()
        .withPopulation(generated.population())
        .withCouncilLookups(CouncilLookups.read(names, "the demo's council names", null, "none"))
        .withReleaseFolder(DEMO_PROJECT);
    FullRun.Outcome outcome = run.run(beam.options(), progress);
    RunSummary.print(mode, run, outcome, out);
    return 0;
  }
}
