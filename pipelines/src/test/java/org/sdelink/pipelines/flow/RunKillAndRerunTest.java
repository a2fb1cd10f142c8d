package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.pipelines.io.OutputFolder;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;

/**
 * {@code sdelink run} killed with SIGKILL in the middle of the link stage, on the DirectRunner and on embedded Flink:
 * the killed run leaves the finished stages complete and nothing that looks complete for the stage it was in; the
 * rerun keeps the up-to-date stages, redoes the rest, and leaves no work folder; a third run keeps every stage. The
 * two recovered runs (one per runner), each in its own JVM, are byte-identical, Parquet copies and the manifest that
 * hashes them included (parquet-java lists encodings in hash-set order, which differs between JVMs; sdelink sorts
 * them: {@code io/ParquetFooters}).
 */
class RunKillAndRerunTest {
  @TempDir Path root;

  @Test
  void aRunKilledMidStageResumesOnBothRunners() throws Exception {
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(150, 31_337,
        root.resolve("input")));
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.init(keystore, "rerun-test-password".toCharArray());
    Path password = root.resolve("password");
    Files.writeString(password, "rerun-test-password\n");
    Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path policy = ReleasePropertiesTest.approvedPolicyIn(root, "RERUN-1");

    Path direct = killAndRerun(generated, keystore, password, policy, "DirectRunner", List.of());
    Path flink = killAndRerun(generated, keystore, password, policy, "FlinkRunner", List.of("--parallelism=2"));
    Map<String, String> directHashes = hashes(direct);
    assertTrue(directHashes.size() > 20, "too few outputs: " + directHashes.keySet());
    assertEquals(directHashes, hashes(flink), "the recovered runs differ between the runners");
  }

  private Path killAndRerun(GenerationSummary generated, Path keystore, Path password, Path policy, String runner,
      List<String> options) throws Exception {
    Path out = root.resolve("run-" + runner);
    Path config = root.resolve("run-" + runner + ".yaml");
    Files.writeString(config, String.join("\n",
        "inputs:",
        "  cld: [" + generated.files().get("cld_events.csv") + "]",
        "  apc: [" + generated.files().get("apc_episodes.csv") + "]",
        "keystore: " + keystore,
        "keystore_password_file: " + password,
        "period: {start: 2024-04-01, end: 2025-03-31}",
        "policy: " + policy,
        "sde_config: " + org.sdelink.pipelines.publish.TestApprovals.sdeConfigFile(policy),
        "project: RERUN-1",
        "output: " + out,
        "reference_date: 2025-06-30",
        "runner: " + runner,
        "pipeline_options: [" + String.join(", ", options) + "]",
        ""));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.sdelink.pipelines.cli.SdelinkCommand", "run", "--config",
        config.toString());

    // 1. Kill the run while it is inside the link stage.
    Path linked = out.resolve("linked");
    Path killedLog = root.resolve(runner + "-killed.log");
    Process killed = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(killedLog.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (OutputFolder.temporaryFolders(linked).isEmpty() && killed.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(500);
    assertTrue(killed.isAlive(), runner + ": the run left the link stage before it could be killed:\n"
        + Files.readString(killedLog));
    killed.destroyForcibly().waitFor(60, TimeUnit.SECONDS);

    assertTrue(Files.exists(out.resolve("pseudonymised/cld").resolve(StageDirectory.SUCCESS)), "cld finished");
    assertTrue(Files.exists(out.resolve("pseudonymised/apc").resolve(StageDirectory.SUCCESS)), "apc finished");
    assertFalse(Files.exists(out.resolve("linked")), runner + ": a killed link left a complete-looking folder");
    assertFalse(Files.exists(out.resolve("metrics")), "metrics ran after a killed link");
    assertFalse(Files.exists(out.resolve("release")), "a release exists after a killed run");

    // 2. The rerun keeps the two pseudonymise stages, redoes link onwards and cleans up the work folder.
    String rerun = runToEnd(command, root.resolve(runner + "-rerun.log"));
    assertTrue(rerun.contains("[1/5] pseudonymise cld: inputs and settings unchanged since the last run, kept"), rerun);
    assertTrue(rerun.contains("[2/5] pseudonymise apc: inputs and settings unchanged since the last run, kept"), rerun);
    assertTrue(rerun.contains("[3/5] link\n") && rerun.contains("[4/5] metrics 2024-04-01"), rerun);
    assertTrue(Files.exists(out.resolve("linked").resolve(StageDirectory.SUCCESS)));
    assertTrue(Files.exists(out.resolve("metrics").resolve(StageDirectory.SUCCESS)));
    try (Stream<Path> all = Files.walk(out)) {
      List<Path> leftovers = all.filter(p -> p.getFileName().toString().contains(".sdelink-work-")
          || p.getFileName().toString().contains(".sdelink-old-")).toList();
      assertTrue(leftovers.isEmpty(), "work folders left: " + leftovers);
    }

    // 3. A third run finds every stage up to date.
    String third = runToEnd(command, root.resolve(runner + "-third.log"));
    assertTrue(third.contains("[3/5] link: inputs unchanged since the last run, kept"), third);
    assertTrue(third.contains("[4/5] metrics: inputs and period unchanged since the last run, kept"), third);
    return out;
  }

  private static String runToEnd(List<String> command, Path log) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the run did not finish");
    String text = Files.readString(log);
    assertEquals(0, process.exitValue(), text);
    return text;
  }

  /** SHA-256 of every output except the run report, the markers (which name their own folder and times) and locks. */
  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        // Lock files name the process that held them: they sit beside each output and are not outputs.
        if (!name.equals(StageDirectory.SUCCESS) && !name.startsWith("run-report") && !name.endsWith(".sdelink-lock")) {
          out.put(dir.relativize(file).toString(), StageDirectory.sha256(file));
        }
      }
    }
    return out;
  }
}
