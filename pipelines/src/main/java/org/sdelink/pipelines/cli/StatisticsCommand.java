package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.run.UserError;
import org.sdelink.pipelines.statistics.HospitalInputs;
import org.sdelink.pipelines.statistics.StatisticsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdelink statistics}: the SALT tables as NHS England computes them and the ASCOF measures as DHSC computes them,
 * from CLD (docs/statistics.md).
 */
@Command(name = "statistics", mixinStandardHelpOptions = true,
    description = "Compute the SALT tables (STS001 ... LTS003), the ASCOF measures (ascof.csv), waiting times and,"
        + " with --apc, ASCOF 2D per council and for England from pseudonymised CLD (docs/statistics.md).")
public final class StatisticsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CldStageOptions stage;

  @Option(names = "--year", required = true, paramLabel = "YYYY-YY", description = "financial year, e.g. 2024-25")
  String year;

  @Option(names = "--submitted-by", paramLabel = "YYYY-MM-DD",
      description = "ignore submissions received after this date (default: every submission)")
  LocalDate submittedBy;

  @Option(names = "--population", paramLabel = "FILE",
      description = "population estimates for ASCOF 2B/2C, CSV la_code,age_band,population (age bands 18-64, 65+);"
          + " without it those values are blank with the reason")
  Path population;

  @Option(names = "--apc", paramLabel = "DIR",
      description = "pseudonymise output for APC: computes ASCOF 2D (without it 2D is not computed; report.json says"
          + " why)")
  Path apc;

  @Option(names = "--spine", paramLabel = "FILE",
      description = "spine.csv of sdelink link: ASCOF 2D on sdelink's linked persons (in ascof.csv); the NHS-number-only"
          + " linkage is computed beside it either way")
  Path spine;

  @Option(names = "--lsoa-lookup", paramLabel = "FILE",
      description = "CSV lsoa_code,la_code mapping 2011 LSOAs to upper-tier councils for ASCOF 2D part 2 (default: the"
          + " documented fallback, docs/statistics.md)")
  Path lsoaLookup;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    FinancialYear financialYear;
    try {
      financialYear = FinancialYear.parse(year);
    } catch (IllegalArgumentException e) {
      throw new UserError("--year: " + e.getMessage());
    }
    SubmissionWindow window = submittedBy == null ? SubmissionWindow.all() : SubmissionWindow.asOf(submittedBy);
    if (apc == null && (spine != null || lsoaLookup != null)) {
      throw new UserError("--spine and --lsoa-lookup are for ASCOF 2D, which also needs --apc DIR");
    }
    StatisticsStage statistics = StatisticsStage.of(stage.cld(), financialYear, window);
    StatisticsStage run = (apc == null ? statistics
        : statistics.withHospital(HospitalInputs.of(apc, spine, lsoaLookup))).withPopulation(population);
    StageProgress.runAndReport("statistics", "statistics", spec.commandLine().getOut(),
        () -> run.run(beam.options(), stage.output()));
    return 0;
  }
}
