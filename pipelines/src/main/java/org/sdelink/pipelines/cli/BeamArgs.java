package org.sdelink.pipelines.cli;

import java.util.ArrayList;
import java.util.List;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import picocli.CommandLine.Unmatched;

/** The Beam pipeline options a stage command passes through ({@code --runner=FlinkRunner}, {@code --buckets=256}). */
public final class BeamArgs {
  @Unmatched List<String> args = new ArrayList<>();

  public SdelinkPipelineOptions options() {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new UserError("unknown argument '" + arg + "': sdelink options are listed by --help; Beam options"
            + " pass through in the form --name=value");
      }
    }
    return StageOptions.fromArgs(args);
  }

  public List<String> raw() {
    return List.copyOf(args);
  }
}
