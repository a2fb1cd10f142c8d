package org.sdelink.pipelines.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.publish.PublishStage;
import org.sdelink.pipelines.run.FullRun;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdelink demo}: fresh synthetic data, a throwaway demo key and every stage, into {@code demo-output/}. The
 * demo key is marked as such, so no other command accepts it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate synthetic data, create a throwaway demo key and run every stage into demo-output/.")
public final class DemoCommand implements Callable<Integer> {
  static final String DEMO_PROJECT = "DEMO-0001";

  @Spec CommandSpec spec;

  @Option(names = "--people", defaultValue = "5000", description = "synthetic people (default ${DEFAULT-VALUE})")
  int people;

  @Option(names = "--seed", defaultValue = "20240401", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--output", defaultValue = "demo-output", paramLabel = "DIR", description = "default ${DEFAULT-VALUE}")
  Path output;

  @Mixin BeamArgs beam;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    StageDirectory.deleteRecursively(output);
    Files.createDirectories(output);
    Path data = output.resolve("input");
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(people, seed, data));
    out.printf("generated %,d synthetic people: %,d CLD rows, %,d APC episodes -> %s%n", generated.people(),
        generated.cldRows(), generated.apcRows(), data);

    Path keystore = output.resolve("demo-keystore.p12");
    char[] password = randomPassword();
    Path passwordFile = output.resolve("demo-keystore.password");
    Files.writeString(passwordFile, new String(password) + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    String keyId = KeyStoreFile.initDemo(keystore, password.clone());
    out.printf("created throwaway demo key %s in %s (refused by every command but demo)%n", keyId, keystore);
    var key = org.sdelink.pipelines.run.Stages.openPrimaryKey(keystore, password, true);

    Path policy = DemoPolicy.approvedCopy(output, DEMO_PROJECT);
    FullRun.Outcome outcome = new FullRun(
        List.of(generated.files().get("cld_events.csv")), List.of(generated.files().get("apc_episodes.csv")),
        key, ReportingPeriod.of(GeneratorConfig.DEFAULT_PERIOD_START, GeneratorConfig.DEFAULT_PERIOD_END),
        LocalDate.of(2025, 6, 30), output,
        (options, metricsDir, releaseRoot) -> PublishStage.of(DEMO_PROJECT, policy, metricsDir, key)
            .runOrKeep(options, releaseRoot.resolve(DEMO_PROJECT)))
        .run(beam.options(), out);
    RunSummary.print(outcome, out);
    return 0;
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    Arrays.fill(bytes, (byte) 0);
    return password;
  }
}
