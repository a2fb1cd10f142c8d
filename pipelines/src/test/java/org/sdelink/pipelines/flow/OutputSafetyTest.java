package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.cli.SdelinkCommand;
import org.sdelink.pipelines.io.HoldOutputLock;
import org.sdelink.pipelines.io.OutputFolder;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.io.UpstreamFolder;

/**
 * Issue 15, item 1 and "upstream integrity", as an operator would meet them on the command line: an output never
 * replaces what sdelink did not write (a file, the keystore, a folder holding the input or the user's files, folders
 * beside the output), a second run on the same output is refused by the lock, a rerun into sdelink's own output still
 * replaces it atomically, and every stage stops on an upstream folder without {@code _SUCCESS} or with a file cut
 * short. Each test reproduces a probe of the review that succeeded (exit 0) before.
 */
class OutputSafetyTest {
  @TempDir static Path root;
  static Path input;
  static Path keystore;
  static Path passwordFile;
  static Path stages;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static void ok(Result result) {
    assertEquals(0, result.code(), result.err());
  }

  @BeforeAll
  static void generateKeysAndStages() throws Exception {
    input = root.resolve("input");
    ok(run("generate", "--people", "400", "--seed", "1515", "--output", input.toString()));
    passwordFile = root.resolve("password.txt");
    Files.writeString(passwordFile, "correct horse battery staple\n");
    Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    keystore = root.resolve("keys.p12");
    ok(run("keys", "init", "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString()));
    stages = root.resolve("stages");
    ok(pseudonymise("cld", stages.resolve("cld")));
    ok(pseudonymise("apc", stages.resolve("apc")));
    ok(run("link", "--cld", stages.resolve("cld").toString(), "--apc", stages.resolve("apc").toString(),
        "--output", stages.resolve("linked").toString()));
    ok(metrics(stages.resolve("cld"), stages.resolve("linked").resolve("spine.csv"), stages.resolve("metrics")));
  }

  static Result pseudonymise(String source, Path output) {
    String file = source.equals("cld") ? "cld_events.csv" : "apc_episodes.csv";
    return run("pseudonymise", "--source", source, "--input", input.resolve(file).toString(), "--keystore",
        keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output", output.toString(),
        "--reference-date", "2025-06-30");
  }

  static Result metrics(Path cld, Path spine, Path output) {
    return run("metrics", "--cld", cld.toString(), "--apc", stages.resolve("apc").toString(), "--spine",
        spine.toString(), "--period-start", "2024-04-01", "--period-end", "2025-03-31", "--output",
        output.toString());
  }

  static Result publish(Path policy, Path metrics, Path output) throws Exception {
    return run("publish", "--project", "SAFE-1", "--policy", policy.toString(), "--sde-config",
        org.sdelink.pipelines.publish.TestApprovals.sdeConfigFile(policy).toString(), "--metrics", metrics.toString(),
        "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        output.toString());
  }

  static Result report(Path cld, Path output) {
    return run("report", "--cld", cld.toString(), "--period-start", "2024-04-01", "--period-end", "2025-03-31",
        "--output", output.toString());
  }

  /** A refusal: exit 2 (a user error), the message names the path, and it says what to do. */
  static void refused(Result result, Path named) {
    assertEquals(2, result.code(), "expected a refusal, got: " + result.out() + result.err());
    assertTrue(result.err().contains(named.toAbsolutePath().normalize().toString()), result.err());
    assertTrue(result.err().matches("(?s).*(Give|give|run sdelink|Run sdelink|Wait).*"), result.err());
  }

  /** A copy of a stage folder (files only), as a starting point for tampering. */
  static Path copyOf(Path folder, Path copy) throws Exception {
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void anOutputThatIsTheKeystoreFileIsRefusedAndTheKeystoreKept() throws Exception {
    byte[] before = Files.readAllBytes(keystore);
    Result result = pseudonymise("cld", keystore);
    refused(result, keystore);
    assertTrue(Files.isRegularFile(keystore), "the keystore was replaced");
    assertArrayEquals(before, Files.readAllBytes(keystore));
  }

  @Test
  void anOutputThatIsTheFolderHoldingTheRawInputIsRefusedAndTheInputKept() throws Exception {
    Path raw = root.resolve("raw-only");
    Files.createDirectories(raw);
    Path file = raw.resolve("cld_events.csv");
    Files.copy(input.resolve("cld_events.csv"), file);
    Result result = run("pseudonymise", "--source", "cld", "--input", file.toString(), "--keystore",
        keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output", raw.toString(),
        "--reference-date", "2025-06-30");
    refused(result, raw);
    assertArrayEquals(Files.readAllBytes(input.resolve("cld_events.csv")), Files.readAllBytes(file));
  }

  @Test
  void anOutputInsideAnInputFolderOrHoldingTheKeystoreIsRefused() throws Exception {
    Path inside = stages.resolve("cld").resolve("linked");
    refused(run("link", "--cld", stages.resolve("cld").toString(), "--apc", stages.resolve("apc").toString(),
        "--output", inside.toString()), inside);
    assertFalse(Files.exists(inside));
    Path keyFolder = root.resolve("key-folder");
    Files.createDirectories(keyFolder);
    Path key = Files.copy(keystore, keyFolder.resolve("keys.p12"));
    Result result = run("pseudonymise", "--source", "cld", "--input", input.resolve("cld_events.csv").toString(),
        "--keystore", key.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        keyFolder.toString(), "--reference-date", "2025-06-30");
    refused(result, keyFolder);
    assertTrue(Files.isRegularFile(key));
  }

  @Test
  void publishAndReportIntoANonEmptyForeignFolderAreRefusedAndTheFilesKept() throws Exception {
    Path policy = ReleasePropertiesTest.approvedPolicyIn(root.resolve("foreign"), "SAFE-1");
    Path mine = root.resolve("my-documents");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("thesis.docx"), "years of work");
    refused(publish(policy, stages.resolve("metrics"), mine), mine);
    refused(report(stages.resolve("cld"), mine), mine);
    assertEquals("years of work", Files.readString(mine.resolve("thesis.docx")));
    try (Stream<Path> files = Files.list(mine)) {
      assertEquals(1, files.count(), "nothing was written into the user's folder");
    }
    Path policyFile = policy;
    refused(publish(policy, stages.resolve("metrics"), policyFile), policyFile);
    assertTrue(Files.isRegularFile(policyFile));
  }

  @Test
  void usersFoldersNamedOldAndPartialBesideTheOutputAreLeftAlone() throws Exception {
    Path parent = root.resolve("beside");
    Path out = parent.resolve("cld");
    for (String name : List.of("cld.old", "cld.partial")) {
      Files.createDirectories(parent.resolve(name));
      Files.writeString(parent.resolve(name).resolve("keep.txt"), name);
    }
    ok(pseudonymise("cld", out));
    ok(pseudonymise("cld", out)); // the rerun replaces the earlier output: the path that used cld.old
    for (String name : List.of("cld.old", "cld.partial")) {
      assertEquals(name, Files.readString(parent.resolve(name).resolve("keep.txt")), name + " was touched");
    }
    try (Stream<Path> files = Files.list(parent)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of(".cld.sdelink-lock", "cld", "cld.old", "cld.partial"), names);
    }
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedByTheLock() throws Exception {
    Path out = root.resolve("locked").resolve("cld");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldOutputLock.class.getName(), out.toString()));
    Process other = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(other.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("locked", reader.readLine(), "the other process did not take the lock");
      Result second = pseudonymise("cld", out);
      refused(second, out);
      assertTrue(second.err().contains("another sdelink run is writing"), second.err());
      assertFalse(Files.exists(out), "the refused run wrote its output");
    } finally {
      other.getOutputStream().close();
      assertTrue(other.waitFor(30, TimeUnit.SECONDS));
    }
    ok(pseudonymise("cld", out)); // the lock went with the other process: the lock file left behind is harmless
  }

  @Test
  void aRerunIntoItsOwnOutputReplacesItAndAFailedRerunKeepsTheEarlierOutput() throws Exception {
    Path out = root.resolve("own").resolve("apc");
    ok(pseudonymise("apc", out));
    assertTrue(Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
    String first = Files.readString(out.resolve(StageDirectory.SUCCESS));
    ok(pseudonymise("apc", out));
    assertEquals(first, Files.readString(out.resolve(StageDirectory.SUCCESS)), "same inputs, same output");
    assertTrue(OutputFolder.temporaryFolders(out).isEmpty(), "the rerun left work or old folders");
    // A rerun that stops (the CLD file is not an APC file) leaves the earlier output complete and unchanged.
    Result wrong = run("pseudonymise", "--source", "apc", "--input", input.resolve("cld_events.csv").toString(),
        "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        out.toString(), "--reference-date", "2025-06-30");
    assertNotEquals(0, wrong.code());
    assertEquals(first, Files.readString(out.resolve(StageDirectory.SUCCESS)));
    UpstreamFolder.verify(out, "pseudonymise", "records.csv", "rejects.csv", "report.json");
    assertTrue(OutputFolder.temporaryFolders(out).isEmpty(), "the stopped rerun left its work folder");
  }

  @Test
  void aFolderWithoutSuccessStopsEveryDownstreamStage() throws Exception {
    Path cld = copyOf(stages.resolve("cld"), root.resolve("no-success").resolve("cld"));
    Files.delete(cld.resolve(StageDirectory.SUCCESS));
    Path out = root.resolve("no-success");
    refused(run("link", "--cld", cld.toString(), "--apc", stages.resolve("apc").toString(), "--output",
        out.resolve("linked").toString()), cld);
    refused(metrics(cld, stages.resolve("linked").resolve("spine.csv"), out.resolve("metrics")), cld);
    refused(report(cld, out.resolve("report")), cld);
    Path metrics = copyOf(stages.resolve("metrics"), out.resolve("metrics-copy"));
    Files.delete(metrics.resolve(StageDirectory.SUCCESS));
    Path policy = ReleasePropertiesTest.approvedPolicyIn(out, "SAFE-1");
    refused(publish(policy, metrics, out.resolve("release")), metrics);
    for (String name : List.of("linked", "metrics", "report", "release")) {
      assertFalse(Files.exists(out.resolve(name)), name + " was written from an incomplete upstream folder");
    }
  }

  @Test
  void aRecordsFileCutShortIsDetectedByItsHash() throws Exception {
    Path out = root.resolve("truncated");
    Path cld = copyOf(stages.resolve("cld"), out.resolve("cld"));
    List<String> lines = Files.readAllLines(cld.resolve("records.csv"));
    Files.write(cld.resolve("records.csv"), lines.subList(0, lines.size() / 6));
    Result link = run("link", "--cld", cld.toString(), "--apc", stages.resolve("apc").toString(), "--output",
        out.resolve("linked").toString());
    refused(link, cld.resolve("records.csv"));
    assertTrue(link.err().contains("SHA-256"), link.err());
    refused(report(cld, out.resolve("report")), cld.resolve("records.csv"));

    // The review's probe: publish from metrics whose discharges.csv was cut to a sixth of its rows.
    Path policy = ReleasePropertiesTest.approvedPolicyIn(out, "SAFE-1");
    ok(publish(policy, stages.resolve("metrics"), out.resolve("release-whole"))); // the untouched folder publishes
    Path metrics = copyOf(stages.resolve("metrics"), out.resolve("metrics"));
    List<String> discharges = Files.readAllLines(metrics.resolve("discharges.csv"));
    assertTrue(discharges.size() > 12, "too few discharges to cut");
    Files.write(metrics.resolve("discharges.csv"), discharges.subList(0, discharges.size() / 6));
    Result cut = publish(policy, metrics, out.resolve("release"));
    refused(cut, metrics.resolve("discharges.csv"));
    assertFalse(Files.exists(out.resolve("release")), "a release was made from a cut-short discharges.csv");

    // A spine cut short stops metrics too.
    Path linked = copyOf(stages.resolve("linked"), out.resolve("linked-copy"));
    List<String> spine = Files.readAllLines(linked.resolve("spine.csv"));
    Files.write(linked.resolve("spine.csv"), spine.subList(0, spine.size() / 2));
    refused(metrics(stages.resolve("cld"), linked.resolve("spine.csv"), out.resolve("metrics-out")),
        linked.resolve("spine.csv"));
  }

  @Test
  void aDemoIntoAForeignFolderIsRefusedAndTheFolderKept() throws Exception {
    Path foreign = root.resolve("foreign-run");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Result demo = run("demo", "--people", "50", "--output", foreign.toString());
    refused(demo, foreign);
    assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
    try (Stream<Path> files = Files.list(foreign)) {
      assertEquals(1, files.count(), "the refused demo wrote into the folder");
    }
  }
}
