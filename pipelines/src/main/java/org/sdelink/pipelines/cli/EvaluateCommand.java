package org.sdelink.pipelines.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.link.SpineEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdelink evaluate}: linkage quality of a spine against the generator's truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
      "Pairwise precision, recall and F1 of a linkage spine against generator truth (truth.csv).",
      "Links are scored as pairs (CLD person of a council, APC episode), overall, by council, and for the",
      "deterministic NHS-number rule alone (episodes with match_rule nhs_number+dob); with the generator's",
      "people.csv beside truth.csv, also by the true person's ethnic group and ethnicity. Record pairs",
      "within persons are also scored by source. Prints a table; --output writes the figures as JSON."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--spine", required = true, paramLabel = "FILE", description = "spine.csv from link")
  Path spine;

  @Option(names = "--truth", required = true, paramLabel = "DIR",
      description = "generate output folder holding truth.csv (or the truth.csv file itself)")
  Path truth;

  @Option(names = "--output", paramLabel = "FILE", description = "write the figures as JSON here")
  Path output;

  @Override
  public Integer call() throws Exception {
    SpineEvaluation evaluation = SpineEvaluation.evaluate(spine, truth);
    spec.commandLine().getOut().print(evaluation.table());
    if (output != null) {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      Files.writeString(output, evaluation.toJson(), StandardCharsets.UTF_8);
      spec.commandLine().getOut().printf("written -> %s%n", output);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
