package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink publish}: a de-identified research release under an approved policy. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Write a research release for one project from the metrics outputs, under an approved policy.")
public final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--project", required = true, description = "project id (must match the policy)")
  String project;

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "approved release policy (YAML)")
  Path policy;

  @Option(names = "--metrics", required = true, paramLabel = "DIR", description = "output folder of sdelink metrics")
  Path metrics;

  @Mixin KeystoreOptions keystore;

  @Option(names = "--sde-config", required = true, paramLabel = "FILE",
      description = "the SDE's configuration: trusted reviewers and policy floors (written by the SDE only)")
  Path sdeConfig;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "release folder")
  Path output;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    var sde = org.sdelink.policies.sde.SdeConfiguration.load(sdeConfig);
    var key = Stages.openPrimaryKey(keystore.keystore(), keystore.password(), false);
    PublishStage stage = PublishStage.of(project, policy, metrics, key, sde);
    Path done = StageProgress.run("publish", spec.commandLine().getOut(), () -> stage.run(beam.options(), output));
    StageProgress.result(spec.commandLine().getOut(), java.util.Map.of("project", project, "release", done.toString()),
        "release for " + project + " -> " + done);
    return 0;
  }
}
