package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.util.List;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The Beam pipeline options a stage command passes through ({@code --runner=FlinkRunner}, {@code --buckets=256}):
 * the arguments picocli did not match to the command's own options. {@link SdelinkCommand} allows unmatched arguments
 * exactly on the commands that carry this mixin.
 */
@picocli.CommandLine.Command(footer = {"", "Beam pipeline options pass through as --name=value, e.g."
    + " --runner=FlinkRunner --parallelism=2 --buckets=256 (docs/operations.md)."})
public final class BeamArgs {
  /** The name of the mixin field on every command that takes Beam options. */
  static final String MIXIN_NAME = "beam";

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  public SdelinkPipelineOptions options() {
    List<String> args = raw();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new UserError("unknown argument '" + arg + "': sdelink options are listed by --help; Beam options"
            + " pass through in the form --name=value");
      }
    }
    return StageOptions.fromArgs(args);
  }

  public List<String> raw() {
    return List.copyOf(mixee.commandLine().getUnmatchedArguments());
  }
}
