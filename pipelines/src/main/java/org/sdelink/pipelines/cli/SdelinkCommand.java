package org.sdelink.pipelines.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sdelink} command line: one subcommand per stage, plus run, demo, keys and policy. */
@Command(
    name = "sdelink",
    mixinStandardHelpOptions = true,
    versionProvider = SdelinkCommand.VersionProvider.class,
    description = {
      "Pseudonymise, link and publish adult social care CLD with NHS hospital episodes (HES/SUS APC).",
      "Beam pipeline options pass through to the stages, e.g. --runner=FlinkRunner --parallelism=2.",
      "Add --debug to any command to see a stack trace (never with data values).",
      "Add --quiet to print nothing on success, or --json to print the results as one JSON document."
    },
    subcommands = {
      GenerateCommand.class,
      KeysCommand.class,
      PseudonymiseCommand.class,
      LinkCommand.class,
      EvaluateCommand.class,
      MetricsCommand.class,
      StatisticsCommand.class,
      ReportCommand.class,
      PublishCommand.class,
      PolicyCommand.class,
      RunCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SdelinkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; errors become one actionable line (a trace with --debug). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    args = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    try {
      OutputMode.set(OutputMode.fromArgs(args));
    } catch (IllegalArgumentException e) {
      err.println("sdelink: " + e.getMessage());
      err.flush();
      return 2;
    }
    args = OutputMode.withoutFlags(args);
    CommandLine cli = new CommandLine(new SdelinkCommand());
    allowBeamOptions(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("sdelink: " + ErrorMessages.describe(e));
      if (debug) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with --debug for details)");
      }
      err.flush();
      return ErrorMessages.exitCode(e);
    });
    return cli.execute(args);
  }

  /** Commands that carry the {@link BeamArgs} mixin take the Beam options they do not know as pass-through. */
  private static void allowBeamOptions(CommandLine command) {
    if (command.getMixins().containsKey(BeamArgs.MIXIN_NAME)) {
      command.setUnmatchedArgumentsAllowed(true);
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      allowBeamOptions(sub);
    }
  }

  /** Reads the version from the jar manifest. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sdelink " + org.sdelink.pipelines.io.Version.current()};
    }
  }
}
