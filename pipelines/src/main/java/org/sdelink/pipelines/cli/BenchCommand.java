package org.sdelink.pipelines.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.bench.BenchFigures;
import org.sdelink.pipelines.bench.PlainPseudonymiseLoop;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.OutputFolder;
import org.sdelink.pipelines.progress.ProgressMonitor;
import org.sdelink.pipelines.progress.StageMeasurement;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.run.FullRun;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdelink bench}: every stage on generated (or given) data on the chosen runner, with each stage's wall time,
 * rows per second and peak heap, and the pseudonymise stage against a plain single-threaded Java loop doing the same
 * per-row work. Figures are printed and appended to a CSV file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Benchmark every stage on generated data: wall time, rows/s and peak heap per stage.",
    description = {"Run every stage on generated data and print wall time, rows/s and peak heap per stage, "
        + "and the pseudonymise stage's rate against a plain single-threaded Java loop. Figures go to a CSV too."})
public final class BenchCommand implements Callable<Integer> {
  static final String PROJECT = "BENCH-0001";

  @Spec CommandSpec spec;

  @Option(names = "--people", defaultValue = "100000", description = "people to generate (default ${DEFAULT-VALUE})")
  int people;

  @Option(names = "--seed", defaultValue = "7101", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--input", paramLabel = "DIR",
      description = "use cld_events.csv and apc_episodes.csv from this folder (made by generate) instead of generating")
  Path input;

  @Option(names = "--output", defaultValue = "bench-output", paramLabel = "DIR",
      description = "work folder, emptied first (default ${DEFAULT-VALUE})")
  Path output;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "CSV file the figures are appended to (default: bench.csv in the current folder)")
  Path csv;

  @Option(names = "--no-plain-loop", description = "skip the plain single-threaded loop")
  boolean noPlainLoop;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    OutputMode mode = OutputMode.current();
    var screen = spec.commandLine().getOut();
    var out = mode.progress(screen);
    SdelinkPipelineOptions options = beam.options();
    if (input != null && !Files.isDirectory(input)) {
      throw new java.nio.file.NoSuchFileException(input.toString());
    }
    try (OutputFolder claimed = OutputFolder.claim(output, OutputFolder.Kind.RUN,
        input == null ? List.of() : List.of(input))) {
      claimed.clear(); // a bench folder starts afresh: new data, new throwaway key
      return bench(mode, screen, out, options);
    }
  }

  private Integer bench(OutputMode mode, java.io.PrintWriter screen, java.io.PrintWriter out,
      SdelinkPipelineOptions options) throws Exception {
    List<StageMeasurement> measured = new ArrayList<>();

    Path cld;
    Path apc;
    long generatedPeople = people;
    if (input == null) {
      Path data = output.resolve("input");
      GenerationSummary generated;
      try (ProgressMonitor monitor = ProgressMonitor.start("generate", out, ProgressMonitor.DEFAULT_INTERVAL)) {
        if (out != null) {
          out.printf("[0/5] generate %,d people%n", people);
        }
        generated = SyntheticDataGenerator.generate(GeneratorConfig.of(people, seed, data));
        monitor.close();
        measured.add(monitor.measurement());
      }
      cld = generated.files().get("cld_events.csv");
      apc = generated.files().get("apc_episodes.csv");
    } else {
      cld = input.resolve("cld_events.csv");
      apc = input.resolve("apc_episodes.csv");
      generatedPeople = peopleOf(input.resolve("generation.json"));
    }

    var key = DemoKeys.create(output, out);
    DemoPolicy.Approved policy = DemoPolicy.approvedCopy(output, PROJECT);
    LocalDate referenceDate = LocalDate.of(2025, 6, 30);
    FullRun run = new FullRun(List.of(cld), List.of(apc), key,
        ReportingPeriod.of(GeneratorConfig.DEFAULT_PERIOD_START, GeneratorConfig.DEFAULT_PERIOD_END),
        referenceDate, output.resolve("run"),
        (opts, metricsDir, releaseRoot) -> PublishStage.of(PROJECT, policy.policy(), metricsDir, key,
            policy.sde())
            .runOrKeep(opts, releaseRoot.resolve(PROJECT)))
        .withStatistics(new org.sdelink.metrics.evaluation.FinancialYear(
                GeneratorConfig.DEFAULT_PERIOD_START.getYear()),
            org.sdelink.metrics.submissions.SubmissionWindow.all())
        .withReleaseFolder(PROJECT);
    FullRun.Outcome outcome = run.run(options, out);
    measured.addAll(run.measurements());
    long inputRows = outcome.cld().rowsIn() + outcome.apc().rowsIn();

    PlainPseudonymiseLoop.Result loop = null;
    if (!noPlainLoop) {
      if (out != null) {
        out.println("[plain loop] the pseudonymise stage's per-row work on one thread");
      }
      Path loopDir = Files.createDirectories(output.resolve("plain-loop"));
      PlainPseudonymiseLoop.Result cldLoop = PlainPseudonymiseLoop.of(InputSource.CLD,
          Stages.rowPseudonymiser(InputSource.CLD, key, referenceDate)).run(List.of(cld), loopDir.resolve("cld.csv"));
      PlainPseudonymiseLoop.Result apcLoop = PlainPseudonymiseLoop.of(InputSource.APC,
          Stages.rowPseudonymiser(InputSource.APC, key, referenceDate)).run(List.of(apc), loopDir.resolve("apc.csv"));
      loop = new PlainPseudonymiseLoop.Result(cldLoop.rowsIn() + apcLoop.rowsIn(),
          cldLoop.written() + apcLoop.written(), cldLoop.rejected() + apcLoop.rejected(),
          cldLoop.wall().plus(apcLoop.wall()));
    }

    BenchFigures figures = BenchFigures.of(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
        machine(), runnerName(), generatedPeople, inputRows, measured, loop);
    Path csvFile = csv == null ? Path.of("bench.csv") : csv;
    figures.appendCsv(csvFile);
    if (mode == OutputMode.JSON) {
      StageProgress.printJson(screen, figures.asMap());
    } else if (mode == OutputMode.NORMAL) {
      screen.println();
      figures.table().forEach(screen::println);
      screen.println("figures appended to " + csvFile.toAbsolutePath().normalize());
    }
    screen.flush();
    return 0;
  }

  private String runnerName() {
    String runner = "DirectRunner";
    String parallelism = "";
    for (String arg : beam.raw()) {
      if (arg.startsWith("--runner=")) {
        runner = arg.substring("--runner=".length());
      } else if (arg.startsWith("--parallelism=") || arg.startsWith("--targetParallelism=")) {
        parallelism = " p=" + arg.substring(arg.indexOf('=') + 1);
      }
    }
    return runner + parallelism;
  }

  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(Locale.ROOT, "%d cores, %s %s, Java %s, -Xmx %.1f GB", Runtime.getRuntime().availableProcessors(),
        os.getName(), os.getArch(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
  }

  /** The number of people a generated folder holds (its generation.json), or -1 when it says nothing. */
  static long peopleOf(Path generation) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(generation.toFile()).path("config")
          .path("people").asLong(-1);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
