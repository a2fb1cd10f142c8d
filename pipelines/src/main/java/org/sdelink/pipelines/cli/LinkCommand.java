package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.link.LinkStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink link}: build the linkage spine from pseudonymised CLD and APC. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = "Link pseudonymised CLD people to hospital patients; writes spine.csv and link-report.json.")
public final class LinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cld", required = true, paramLabel = "DIR", description = "pseudonymise output for CLD")
  Path cld;

  @Option(names = "--apc", required = true, paramLabel = "DIR", description = "pseudonymise output for APC")
  Path apc;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "output folder")
  Path output;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    Path done = LinkStage.of(cld, apc).run(beam.options(), output);
    spec.commandLine().getOut().printf("linked -> %s%n", done.resolve(LinkStage.SPINE));
    return 0;
  }
}
