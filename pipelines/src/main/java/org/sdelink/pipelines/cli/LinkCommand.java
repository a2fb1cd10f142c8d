package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.link.FileLinker;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.link.ModelSpecFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sdelink link}: build the linkage spine from pseudonymised CLD and APC, or link two CSV files. */
@Command(name = "link", mixinStandardHelpOptions = true,
    header = "Link CLD to hospital episodes, or link or de-duplicate CSV files with a model.",
    description = {
      "Link pseudonymised CLD people to hospital patients (--cld DIR --apc DIR): the deterministic cascade "
          + "(council client, NHS-number token with date-of-birth check), then Fellegi-Sunter on the pseudonymised "
          + "fields of persons left without a cross-source link. Writes spine.csv, pairs.csv (left_entity "
          + "(the CLD entity), right_entity (the APC entity), status, match_rule, match_weight and each "
          + "comparison's level and weight: the CLD-APC pairs accepted, ambiguous, dropped as conflicting or cut; "
          + "APC episodes joined to a patient are counted in link-report.json), model-params.json, "
          + "link-report.json and linkage-report.html.",
      "Generic mode: --model FILE --input A.csv [--input B.csv ...] --output DIR links or de-duplicates CSV "
          + "files in memory, as the model's link_type says (dedupe_only, link_only, link_and_dedupe; plaintext or "
          + "pseudonymised columns, as the model's fields declare; input i is the model's i-th source). --left A.csv "
          + "--right B.csv is the same with two inputs. Writes spine.csv (one row per record, person_id = its "
          + "cluster), pairs.csv (source_l,record_id_l,source_r,record_id_r,match_weight,match_probability,status,"
          + "match_rule and each comparison's level and weight: accepted, cut and ambiguous pairs, the record of "
          + "the earlier source first), model-params.json and link-report.json."
    })
public final class LinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cld", paramLabel = "DIR", description = "pseudonymise output for CLD")
  Path cld;

  @Option(names = "--apc", paramLabel = "DIR", description = "pseudonymise output for APC")
  Path apc;

  @Option(names = "--input", paramLabel = "FILE",
      description = "generic mode: a CSV input (repeat for several; the model's sources in order)")
  List<Path> inputs;

  @Option(names = "--left", paramLabel = "FILE", description = "generic mode: CSV of the model's first source")
  Path left;

  @Option(names = "--right", paramLabel = "FILE", description = "generic mode: CSV of the model's second source")
  Path right;

  @Option(names = "--model", paramLabel = "FILE",
      description = "linkage model spec (YAML); default: the shipped cld-apc model")
  Path model;

  @Option(names = "--model-params", paramLabel = "FILE",
      description = "use these parameters (model-params.json of an earlier run) exactly; skips estimation")
  Path modelParams;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "output folder")
  Path output;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    if (model != null && !Files.isRegularFile(model)) {
      throw new UserError("no model spec file at " + model + " (give --model FILE, a linkage model YAML)");
    }
    if (modelParams != null && !Files.isRegularFile(modelParams)) {
      throw new UserError("no parameters file at " + modelParams
          + " (give --model-params FILE, the model-params.json of an earlier link run)");
    }
    ModelSpecFile spec0 = model == null ? ModelSpecFile.defaultCldApc() : ModelSpecFile.read(model);
    Optional<Path> params = Optional.ofNullable(modelParams);
    Path done;
    if (inputs != null && !inputs.isEmpty()) {
      if (left != null || right != null || cld != null || apc != null) {
        throw new UserError("--input takes the place of --left/--right and --cld/--apc; give only --input");
      }
      if (model == null) {
        throw new UserError("generic mode needs --model FILE (a linkage model YAML; see examples/models/)");
      }
      for (Path inputFile : inputs) {
        if (!Files.isRegularFile(inputFile)) {
          throw new UserError("no input file at " + inputFile + " (give --input FILE, a CSV with a header)");
        }
      }
      FileLinker.Result result = FileLinker.link(inputs, spec0, params, output);
      done = result.output();
      warnUnreadableDates(result);
    } else if (left != null || right != null) {
      if (left == null || right == null || cld != null || apc != null) {
        throw new UserError("generic mode needs both --left and --right, and neither --cld nor --apc");
      }
      FileLinker.Result result = FileLinker.link(left, right, spec0, params, output);
      done = result.output();
      warnUnreadableDates(result);
    } else {
      if (cld == null || apc == null) {
        throw new UserError("give --cld DIR and --apc DIR (or --input FILE, or --left FILE and --right FILE)");
      }
      var stage = LinkStage.of(cld, apc, spec0, params);
      done = StageProgress.run("link", spec.commandLine().getOut(), () -> stage.run(beam.options(), output));
    }
    StageProgress.result(spec.commandLine().getOut(),
        java.util.Map.of("spine", done.resolve(LinkStage.SPINE).toString()),
        "linked -> " + done.resolve(LinkStage.SPINE));
    return 0;
  }

  /** One line per date field with dates present but unreadable (read as missing), so none goes unnoticed. */
  private void warnUnreadableDates(FileLinker.Result result) {
    result.unreadableDates().forEach((field, count) -> spec.commandLine().getErr().printf(
        "sdelink: note: %d value(s) of date field '%s' are not readable dates (YYYY-MM-DD or YYYYMMDD) and were"
            + " read as missing (counts per input in link-report.json)%n", count, field));
    spec.commandLine().getErr().flush();
  }
}
