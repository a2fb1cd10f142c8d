package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink pseudonymise}: replace identifiers with keyed tokens. */
@Command(name = "pseudonymise", mixinStandardHelpOptions = true,
    description = "Pseudonymise CLD or APC input files: tokens replace NHS number, names, date of birth and postcode.")
public final class PseudonymiseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, description = "cld or apc")
  String source;

  @Option(names = "--input", required = true, split = ",", paramLabel = "FILE",
      description = "input CSV file(s), comma-separated or repeated")
  List<Path> inputs;

  @Mixin KeystoreOptions keystore;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "output folder")
  Path output;

  @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
      description = "date against which a date of birth in the future is invalid (default: today)")
  LocalDate referenceDate;

  @Option(names = "--max-reject-rate", defaultValue = "0.5", paramLabel = "RATE",
      description = "stop when more than this share (0-1) of a file's rows is rejected (default ${DEFAULT-VALUE})")
  double maxRejectRate;

  @Option(names = "--code-lists", paramLabel = "DIR",
      description = "folder holding the published code lists (cld_code_lists.json, hes_apc_code_lists.json): coded"
          + " values not in them are kept and counted in report.json; without it codes are not checked")
  Path codeLists;

  @Option(names = "--submissions", paramLabel = "FILE",
      description = "CLD only: CSV file,la_code,received_date naming every input file, the council that sent it and"
          + " the day it was received (yyyy-MM-dd); each row gets its file's received_date. Needed when a council"
          + " sent more than one file")
  Path submissions;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    InputSource src = InputSource.fromId(source);
    List<Path> reads = new java.util.ArrayList<>(inputs);
    reads.addAll(java.util.Arrays.asList(keystore.keystore(), keystore.passwordFile, codeLists));
    StageDirectory.checkOutput(output, reads); // before the key is opened: never write over what the run reads
    var key = Stages.openPrimaryKey(keystore.keystore(), keystore.password(), false);
    PseudonymiseStage stage = Stages.pseudonymise(src, inputs, key,
        referenceDate == null ? LocalDate.now() : referenceDate).withMaxRejectRate(maxRejectRate)
        .withCodeLists(codeLists == null ? CodeLists.none() : Stages.codeLists(codeLists))
        .withSubmissions(Stages.submissions(src, submissions));
    var out = spec.commandLine().getOut();
    StageReport report = StageProgress.run("pseudonymise " + src.id(), out, () -> stage.run(beam.options(), output));
    java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("source", src.id());
    json.put("rows_in", report.rowsIn());
    json.put("accepted", report.accepted());
    json.put("rejected", report.rejected());
    json.put("reject_reasons", report.rejectReasons());
    if (!report.submissionsReceived().isEmpty()) {
      json.put("submissions_received", report.submissionsReceived());
    }
    json.put("output", output.toString());
    StageProgress.result(out, json, String.format("pseudonymised %s: %,d rows in, %,d accepted, %,d rejected -> %s",
        src.id(), report.rowsIn(), report.accepted(), report.rejected(), output), codeSummary(report));
    return 0;
  }

  /** One line on the code check: how many kept values were not in the lists, or that codes were not checked. */
  static String codeSummary(StageReport report) {
    if (!report.codesChecked()) {
      return "code values: not checked (give --code-lists DIR to count values missing from the code lists)";
    }
    long unknown = report.unknownCodes().values().stream().mapToLong(Long::longValue).sum();
    long columns = report.unknownCodes().values().stream().filter(n -> n > 0).count();
    return String.format(java.util.Locale.ROOT,
        "code values: %,d not in the code lists, in %d of %d checked columns (kept; counts in report.json)",
        unknown, columns, report.unknownCodes().size());
  }
}
