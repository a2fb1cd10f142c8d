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
import org.sdelink.policies.approval.ReviewerKeyFiles;
import org.sdelink.policies.approval.ReviewerPublicKey;
import org.sdelink.policies.approval.ReviewerSigningKey;
import org.sdelink.policies.review.ReviewReport;
import org.sdelink.policies.sde.SdeConfiguration;
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
    subcommands = {PolicyCommand.Check.class, PolicyCommand.Review.class, PolicyCommand.Approve.class,
        PolicyCommand.Keys.class})
public final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sdelink policy check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate a policy (fail closed), including the SDE's floors.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--sde-config", required = true, paramLabel = "FILE", description = SDE_CONFIG)
    Path sdeConfig;

    @Override
    public Integer call() throws Exception {
      SdeConfiguration sde = SdeConfiguration.load(sdeConfig);
      Policy policy = Policy.load(file);
      List<PolicyProblem> problems = new java.util.ArrayList<>(PolicyValidator.validate(policy));
      problems.addAll(sde.floorProblems(policy));
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

  /** {@code sdelink policy approve FILE --key FILE --sde-config FILE [--reviewer NAME]}. */
  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Sign an approval of the policy file's exact bytes with your reviewer's key; any later change"
          + " needs a new approval. Your key must be one the SDE trusts.")
  static final class Approve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE") Path file;

    @Mixin ReviewerKeyOptions key;

    @Option(names = "--sde-config", required = true, paramLabel = "FILE", description = SDE_CONFIG)
    Path sdeConfig;

    @Option(names = "--reviewer", paramLabel = "NAME",
        description = "your name as the SDE lists it for your key (checked; by default taken from that list)")
    String reviewer;

    @Override
    public Integer call() throws Exception {
      SdeConfiguration sde = SdeConfiguration.load(sdeConfig);
      Policy policy = Policy.load(file);
      PolicyValidator.requireValid(policy);
      sde.floors().requireMet(policy);
      List<PolicyProblem> tables = codeTableProblems(policy);
      if (!tables.isEmpty()) {
        throw new org.sdelink.policies.InvalidPolicyException(policy.name(),
            com.google.common.collect.ImmutableList.copyOf(tables));
      }
      ReviewerSigningKey signingKey;
      char[] password = key.password(false);
      try {
        signingKey = ReviewerKeyFiles.open(key.key, password);
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
      Approval approval = new PolicyApprovals(java.time.Clock.systemUTC())
          .approve(file, signingKey, java.util.Optional.ofNullable(reviewer), sde);
      spec.commandLine().getOut().printf("approved %s (sha256 %s) by %s, approval %d, signed with key %s%n", file,
          approval.sha256(), approval.reviewer(), approval.sequence(), approval.keyFingerprint());
      return 0;
    }
  }

  /** {@code sdelink policy keys}: a reviewer's signing key. */
  @Command(name = "keys", mixinStandardHelpOptions = true,
      description = "Make and show a reviewer's Ed25519 signing key (the private key is never printed).",
      subcommands = {KeysInit.class, KeysShow.class})
  static final class Keys implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  /** {@code sdelink policy keys init --key FILE}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create your reviewer's key pair: FILE (private, encrypted with your password, mode 0600) and"
          + " FILE.pub (public: send it to the SDE). Prints the public key's fingerprint.")
  static final class KeysInit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ReviewerKeyOptions key;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "your name, to print the SDE's entry with")
    String reviewer;

    @Override
    public Integer call() throws Exception {
      char[] password = key.password(true);
      ReviewerPublicKey publicKey;
      try {
        publicKey = ReviewerKeyFiles.create(key.key, password, new java.security.SecureRandom());
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
      var out = spec.commandLine().getOut();
      out.printf("created your private key %s (mode 0600, encrypted with your password; keep it to yourself)%n",
          key.key);
      out.printf("public key %s%nfingerprint %s%n", ReviewerKeyFiles.publicKeyFile(key.key),
          publicKey.fingerprint());
      printTrustEntry(out, reviewer, publicKey);
      return 0;
    }
  }

  /** {@code sdelink policy keys show FILE.pub}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print a public key's fingerprint and the entry the SDE adds to its trusted reviewers.")
  static final class KeysShow implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.pub") Path publicFile;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "the reviewer's name for the entry")
    String reviewer;

    @Override
    public Integer call() throws Exception {
      ReviewerPublicKey publicKey;
      try {
        publicKey = ReviewerKeyFiles.readPublic(publicFile);
      } catch (IllegalArgumentException e) {
        throw new org.sdelink.pipelines.run.UserError(e.getMessage());
      }
      spec.commandLine().getOut().printf("fingerprint %s%n", publicKey.fingerprint());
      printTrustEntry(spec.commandLine().getOut(), reviewer, publicKey);
      return 0;
    }
  }

  private static void printTrustEntry(java.io.PrintWriter out, String reviewer, ReviewerPublicKey publicKey) {
    out.printf("for the SDE: to trust this key, add under trusted_reviewers: in its SDE configuration:%n"
        + "  - name: \"%s\"%n    public_key: %s%n    fingerprint: %s%n",
        reviewer == null ? "REVIEWER NAME" : reviewer.replace("\"", "'"), publicKey.base64(), publicKey.fingerprint());
  }

  static final String SDE_CONFIG = "the SDE's configuration (trusted reviewers and policy floors; written by the SDE"
      + " only, see docs/ig-guide.md)";

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
