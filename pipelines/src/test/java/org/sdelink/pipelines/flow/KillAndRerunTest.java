package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;

/**
 * A run killed with SIGKILL in the middle of a stage leaves no output where a complete one is expected (only the
 * stage's {@code .partial} work folder), and the next run removes that folder and writes the complete output.
 */
class KillAndRerunTest {
  @TempDir Path root;

  @Test
  void aKilledStageLeavesNoPartialOutputAndTheRerunCompletesIt() throws Exception {
    var generated = SyntheticDataGenerator.generate(GeneratorConfig.of(40_000, 123_456, root.resolve("input")));
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.init(keystore, "kill-test-password".toCharArray());
    Path passwordFile = root.resolve("password");
    Files.writeString(passwordFile, "kill-test-password\n");
    Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Path out = root.resolve("cld");
    Path partial = root.resolve("cld.partial");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.sdelink.pipelines.cli.SdelinkCommand", "pseudonymise",
        "--source", "cld", "--input", generated.files().get("cld_events.csv").toString(), "--keystore",
        keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output", out.toString(),
        "--reference-date", "2025-06-30"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(root.resolve("killed.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(partial) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    assertTrue(process.isAlive(), "the stage finished before it could be killed; use more input");
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    assertFalse(Files.exists(out), "a killed run left an output folder where a complete one is expected");
    assertTrue(Files.exists(partial), "the killed run's work folder should be the only trace");

    Process rerun = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(root.resolve("rerun.log").toFile()).start();
    assertTrue(rerun.waitFor(300, TimeUnit.SECONDS), "the rerun did not finish");
    assertEquals(0, rerun.exitValue(), Files.readString(root.resolve("rerun.log")));
    assertTrue(Files.exists(out.resolve(StageDirectory.SUCCESS)));
    assertFalse(Files.exists(partial), "the rerun left the old work folder");
    long rows = Files.lines(out.resolve("records.csv")).count() - 1;
    assertEquals(generated.cldRows(), rows, "every row of the input is in the rerun's output");
  }
}
