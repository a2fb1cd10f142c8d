package org.sdelink.pipelines.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyProblem;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.approval.Approval;
import org.sdelink.policies.approval.PolicyApprovals;
import org.sdelink.policies.review.ReviewReport;
import org.sdelink.policies.treatments.CodeTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sdelink policy}: validate, review and approve release policies. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Check, review and approve release policies (docs/ig-guide.md).",
    subcommands = {PolicyCommand.Check.class, PolicyCommand.Review.class, PolicyCommand.Approve.class})
public final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sdelink policy check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a policy (fail closed).")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws Exception {
      Policy policy = Policy.load(file);
      List<PolicyProblem> problems = new java.util.ArrayList<>(PolicyValidator.validate(policy));
      if (problems.isEmpty()) {
        problems.addAll(codeTableProblems(policy));
      }
      if (problems.isEmpty()) {
        spec.commandLine().getOut().printf("policy %s is valid (sha256 %s)%n", file, policy.sha256());
        return 0;
      }
      for (PolicyProblem problem : problems) {
        spec.commandLine().getErr().println("policy " + file + ": " + problem);
      }
      spec.commandLine().getErr().printf("%d problem(s): fix them and run sdelink policy check again%n",
          problems.size());
      return 2;
    }
  }

  /** {@code sdelink policy review FILE --output DIR [--metrics DIR]}. */
  @Command(name = "review", mixinStandardHelpOptions = true,
      description = "Write the IG review report (HTML and Markdown): every field's treatment, risk figures from a"
          + " dry run over --metrics, and the changes since the last approved version.")
  static final class Review implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder for the report")
    Path output;

    @Option(names = "--metrics", paramLabel = "DIR",
        description = "metrics output to dry-run the policy on (risk figures); without it the report has none")
    Path metrics;

    @Mixin BeamArgs beam;

    @Override
    public Integer call() throws Exception {
      Policy policy = Policy.load(file);
      ReviewReport.Builder builder = ReviewReport.builder(policy)
          .lastApproved(new PolicyApprovals(java.time.Clock.systemUTC()).lastApproved(file));
      if (metrics != null) {
        builder.dryRun(PublishStage.dryRun(policy, metrics, beam.options()));
      }
      for (Path written : builder.build().writeTo(output)) {
        spec.commandLine().getOut().println("wrote " + written);
      }
      return 0;
    }
  }

  /** {@code sdelink policy approve FILE --reviewer NAME}. */
  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Record an approval bound to the policy file's SHA-256; any later change needs a new approval.")
  static final class Approve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--reviewer", required = true, description = "name of the approving IG reviewer")
    String reviewer;

    @Override
    public Integer call() throws Exception {
      Policy policy = Policy.load(file);
      PolicyValidator.requireValid(policy);
      List<PolicyProblem> tables = codeTableProblems(policy);
      if (!tables.isEmpty()) {
        throw new org.sdelink.policies.InvalidPolicyException(policy.name(),
            com.google.common.collect.ImmutableList.copyOf(tables));
      }
      Approval approval = new PolicyApprovals(java.time.Clock.systemUTC()).approve(file, reviewer);
      spec.commandLine().getOut().printf("approved %s (sha256 %s) by %s, approval %d%n", file, approval.sha256(),
          approval.reviewer(), approval.sequence());
      return 0;
    }
  }

  /** Reads every code table the policy names, so a missing or unreadable one fails the check. */
  static List<PolicyProblem> codeTableProblems(Policy policy) {
    try {
      CodeTables.of(policy);
      return List.of();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return List.of(new PolicyProblem("lookups", e.getMessage()));
    }
  }
}
