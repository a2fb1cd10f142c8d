package org.sdelink.pipelines.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.sdelink.pipelines.link.ClusterTruthEvaluation;
import org.sdelink.pipelines.link.SpineEvaluation;
import org.sdelink.pipelines.run.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdelink evaluate}: linkage quality of a spine against the generator's truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    header = "Measure linkage quality (pairwise precision, recall, F1) of a spine against a truth.",
    description = {
      "Pairwise precision, recall and F1 of a linkage spine against generator truth (truth.csv). "
          + "Links are scored as pairs (CLD person of a council, APC episode), overall, by council, and for the "
          + "deterministic NHS-number rule alone (episodes with match_rule nhs_number+dob); with the generator's "
          + "people.csv beside truth.csv, also by the true person's ethnic group and ethnicity. Record pairs "
          + "within persons are also scored by source. Prints a table; --output writes the figures as JSON.",
      "With --truth-column COL, --truth names the input CSV file(s) holding the true cluster of each record "
          + "(e.g. Splink's 'cluster'): every pair of records in one spine person is a predicted link and every pair "
          + "sharing a truth value a true link (all within-cluster pairs, as Splink counts them); records are matched "
          + "by id (--truth-id-column, default record_id, else unique_id).",
      "Figures with no pairs to count print n/a."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--spine", required = true, paramLabel = "FILE", description = "spine.csv from link")
  Path spine;

  @Option(names = "--truth", required = true, paramLabel = "PATH",
      description = "generate output folder holding truth.csv (or the truth.csv file itself); with --truth-column,"
          + " an input CSV holding that column (repeat for several inputs)")
  List<Path> truth;

  @Option(names = "--truth-column", paramLabel = "COL",
      description = "the column of the --truth file(s) holding each record's true cluster, e.g. cluster")
  String truthColumn;

  @Option(names = "--truth-id-column", paramLabel = "COL",
      description = "the record id column of the --truth file(s) (default record_id, else unique_id)")
  String truthIdColumn;

  @Option(names = "--output", paramLabel = "FILE", description = "write the figures as JSON here")
  Path output;

  @Override
  public Integer call() throws Exception {
    String table;
    String json;
    if (truthColumn != null) {
      ClusterTruthEvaluation evaluation = ClusterTruthEvaluation.evaluate(spine, truth, truthColumn, truthIdColumn);
      table = evaluation.table();
      json = evaluation.toJson();
    } else {
      if (truth.size() != 1 || truthIdColumn != null) {
        throw new UserError("give one --truth (the generator's folder or truth.csv), or --truth-column COL with"
            + " the input file(s) holding it");
      }
      SpineEvaluation evaluation = SpineEvaluation.evaluate(spine, truth.get(0));
      table = evaluation.table();
      json = evaluation.toJson();
    }
    spec.commandLine().getOut().print(table);
    if (output != null) {
      if (output.toAbsolutePath().getParent() != null) {
        Files.createDirectories(output.toAbsolutePath().getParent());
      }
      Files.writeString(output, json, StandardCharsets.UTF_8);
      spec.commandLine().getOut().printf("written -> %s%n", output);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
