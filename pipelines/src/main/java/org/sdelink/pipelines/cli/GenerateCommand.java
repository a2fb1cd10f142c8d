package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.pipelines.run.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink generate}: synthetic CLD and APC files with ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write synthetic CLD events and APC episodes in the input contracts, with truth files.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--people", defaultValue = "5000", description = "number of people (default ${DEFAULT-VALUE})")
  int people;

  @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same files")
  long seed;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder to write to")
  Path output;

  @Option(names = "--period-start", paramLabel = "YYYY-MM-DD", description = "reporting period start (default 2024-04-01)")
  LocalDate periodStart = GeneratorConfig.DEFAULT_PERIOD_START;

  @Option(names = "--period-end", paramLabel = "YYYY-MM-DD", description = "reporting period end (default 2025-03-31)")
  LocalDate periodEnd = GeneratorConfig.DEFAULT_PERIOD_END;

  @Option(names = "--council-fault-rate", paramLabel = "LA_CODE:FAULT=RATE",
      description = "replace one council's fault rate, e.g. E08000025:nhs_missing=0.08 (faults: nhs_missing,"
          + " event_reference_blank, nhs_other_person, dob_typed, postcode_different, nhs_traced_late); repeatable")
  List<String> councilFaultRates = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CouncilFaultRates rates;
    try {
      rates = CouncilFaultRates.parse(councilFaultRates);
    } catch (IllegalArgumentException e) {
      throw new UserError("--council-fault-rate: " + e.getMessage());
    }
    GenerationSummary summary = SyntheticDataGenerator.generate(
        new GeneratorConfig(people, seed, output, periodStart, periodEnd).withCouncilFaultRates(rates));
    var out = spec.commandLine().getOut();
    out.printf("generated %,d people: %,d CLD rows, %,d APC episodes in %s%n",
        summary.people(), summary.cldRows(), summary.apcRows(), output);
    summary.files().forEach((name, path) -> out.printf("  %-20s %s%n", name, path));
    return 0;
  }
}
