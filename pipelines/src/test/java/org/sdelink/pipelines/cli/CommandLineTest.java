package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;

/** The sdelink command line as a user runs it: exit codes, one-line errors, files written. */
class CommandLineTest {
  @TempDir static Path root;
  static Path input;
  static Path keystore;
  static Path passwordFile;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void generateAndCreateKeys() throws Exception {
    input = root.resolve("input");
    Result generated = run("generate", "--people", "300", "--seed", "31337", "--output", input.toString());
    assertEquals(0, generated.code(), generated.err());
    passwordFile = root.resolve("password.txt");
    Files.writeString(passwordFile, "correct horse battery staple\n");
    Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    keystore = root.resolve("keys.p12");
    Result init = run("keys", "init", "--keystore", keystore.toString(), "--keystore-password-file",
        passwordFile.toString());
    assertEquals(0, init.code(), init.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("generate", "keys", "pseudonymise", "link", "metrics", "statistics", "publish",
        "policy", "run", "demo", "bench")) {
      Result help = run(command, "--help");
      assertEquals(0, help.code(), command);
      assertTrue(help.out().contains("Usage: sdelink " + command), command + ": " + help.out());
    }
  }

  @Test
  void beamOptionsPassThroughAndABadRunnerIsOneActionableLine() {
    Result flink = run("pseudonymise", "--source", "apc", "--input", input.resolve("apc_episodes.csv").toString(),
        "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        root.resolve("flink-out").toString(), "--runner=FlinkRunner", "--parallelism=2", "--buckets=32");
    assertEquals(0, flink.code(), flink.err());
    Result unknown = run("pseudonymise", "--source", "apc", "--input", input.resolve("apc_episodes.csv").toString(),
        "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        root.resolve("samza-out").toString(), "--runner=SamzaRunner");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("SamzaRunner") && unknown.err().contains("DirectRunner, FlinkRunner and"
        + " SparkRunner"), unknown.err());
    assertFalse(Files.exists(root.resolve("samza-out")), "output written despite the error");
    Result stray = run("metrics", "--cld", "a", "--apc", "b", "--spine", "c", "--period-start", "2024-04-01",
        "--period-end", "2025-03-31", "--output", "d", "stray");
    assertEquals(2, stray.code());
    assertTrue(stray.err().contains("stray"), stray.err());
  }

  @Test
  void unknownColumnStopsTheRunWithOneLineNamingIt() throws Exception {
    Path bad = root.resolve("bad.csv");
    Files.writeString(bad, "EPIKEY,ADMIDATE,PROCODE3,PATIENT_SURNAME\n1,2024-01-01,RXX,SMITH\n");
    Result result = run("pseudonymise", "--source", "apc", "--input", bad.toString(), "--keystore",
        keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        root.resolve("bad-out").toString());
    assertEquals(2, result.code());
    assertTrue(result.err().contains("PATIENT_SURNAME"), result.err());
    assertFalse(result.err().contains("SMITH"), "the error quotes a value");
    assertFalse(result.err().contains("\tat "), "a stack trace without --debug");
    assertFalse(Files.exists(root.resolve("bad-out")), "output written despite the error");
  }

  @Test
  void malformedRowsLandInRejectsWithLineAndReason() throws Exception {
    List<String> lines = Files.readAllLines(input.resolve("apc_episodes.csv"));
    lines.add(3, "999999,not-a-date");
    Path broken = root.resolve("apc_broken.csv");
    Files.write(broken, lines);
    Path out = root.resolve("apc-out");
    Result result = run("pseudonymise", "--source", "apc", "--input", broken.toString(), "--keystore",
        keystore.toString(), "--keystore-password-file", passwordFile.toString(), "--output", out.toString());
    assertEquals(0, result.code(), result.err());
    List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
    assertEquals(List.of("file,line,column,reason,message", "apc_broken.csv,4,,COLUMN_COUNT,\"expected 26 columns,"
        + " found 2\""), rejects);
    assertTrue(result.out().contains("1 rejected"), result.out());
  }

  @Test
  void keystoreReadableByOthersAndDemoKeyAreRefused() throws Exception {
    Path open = root.resolve("open.p12");
    Files.copy(keystore, open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Result readable = run("pseudonymise", "--source", "cld", "--input", input.resolve("cld_events.csv").toString(),
        "--keystore", open.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        root.resolve("x").toString());
    assertEquals(2, readable.code());
    assertTrue(readable.err().contains("open.p12"), readable.err());

    Path demo = root.resolve("demo.p12");
    KeyStoreFile.initDemo(demo, "correct horse battery staple".toCharArray());
    Result demoKey = run("pseudonymise", "--source", "cld", "--input", input.resolve("cld_events.csv").toString(),
        "--keystore", demo.toString(), "--keystore-password-file", passwordFile.toString(), "--output",
        root.resolve("y").toString());
    assertEquals(2, demoKey.code());
    assertTrue(demoKey.err().toLowerCase().contains("demo"), demoKey.err());

    Result noPassword = run("keys", "list", "--keystore", keystore.toString());
    assertTrue(noPassword.code() != 0);
    assertTrue(noPassword.err().contains("SDELINK_KEYSTORE_PASSWORD") || noPassword.err().contains("password"),
        noPassword.err());
  }

  @Test
  void runExecutesEveryStageFromOneConfiguration() throws Exception {
    Path policyDir = root.resolve("policy");
    Files.createDirectories(policyDir);
    Path policy = policyDir.resolve("researcher-linked-journeys.yaml");
    Files.copy(Path.of(System.getProperty("user.dir")).resolve("../policies/researcher-linked-journeys.yaml"),
        policy);
    // The reviewer makes a key, the SDE trusts it, the reviewer signs; publish (in run) verifies the signature.
    Path reviewerKey = root.resolve("reviewer/a.key");
    Path reviewerPassword = root.resolve("reviewer/a.password");
    Files.createDirectories(reviewerKey.getParent());
    String entry = SignedApprovalCommandTest.keysInit(reviewerKey, reviewerPassword, "A Reviewer");
    String fingerprint = entry.substring(entry.indexOf("fingerprint: ") + 13).strip();
    Path sde = SignedApprovalCommandTest.writeSde(root.resolve("sde/sde.yaml"), entry,
        SignedApprovalCommandTest.FLOORS);
    var approve = SignedApprovalCommandTest.approve(policy, reviewerKey, reviewerPassword, sde);
    assertEquals(0, approve.code(), approve.err());
    Path config = root.resolve("run.yaml");
    Files.writeString(config, String.join("\n",
        "inputs:",
        "  cld: [input/cld_events.csv]",
        "  apc: [input/apc_episodes.csv]",
        "keystore: keys.p12",
        "keystore_password_file: password.txt",
        "period: {start: 2024-04-01, end: 2025-03-31}",
        "policy: policy/researcher-linked-journeys.yaml",
        "project: SDE-PROJECT-0001",
        "sde_config: sde/sde.yaml",
        "output: run-output",
        "reference_date: 2025-06-30",
        ""));
    Result result = run("run", "--config", config.toString());
    assertEquals(0, result.code(), result.err());
    Path out = root.resolve("run-output");
    for (String file : List.of("pseudonymised/cld/records.csv", "pseudonymised/apc/report.json", "linked/spine.csv",
        "metrics/summary.csv", "release/SDE-PROJECT-0001/manifest.json", "release/SDE-PROJECT-0001/persons.csv")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
    assertTrue(result.out().contains("sdelink run summary"), result.out());
    String report = Files.readString(out.resolve("run-report.html"));
    var cldReport = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.resolve("pseudonymised/cld/report.json").toFile()).get("totals");
    assertTrue(report.contains("<td class=\"n\">" + cldReport.get("rows_in").asLong() + "</td>"), report);
    assertTrue(report.contains("request_after_discharge") && report.contains("SDE-PROJECT-0001"));
    assertFalse(report.contains("<script") || report.contains("http://") || report.contains("https://"),
        "the run report must be self-contained");

    String manifest = Files.readString(out.resolve("release/SDE-PROJECT-0001/manifest.json"));
    var approval = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest).path("policy")
        .path("approval");
    assertEquals("A Reviewer", approval.path("reviewer").asText());
    assertEquals(fingerprint, approval.path("key_fingerprint").asText());
    assertEquals(org.sdelink.policies.approval.ReviewerKeyFiles.readPublic(
        org.sdelink.policies.approval.ReviewerKeyFiles.publicKeyFile(reviewerKey)).fingerprint(), fingerprint);
    assertEquals(88, approval.path("signature").asText().length(), "a base64 Ed25519 signature");
    Result rerun = run("run", "--config", config.toString());
    assertEquals(0, rerun.code(), rerun.err());
    assertEquals(4, rerun.out().split("since the last run, kept", -1).length - 1, rerun.out());
    assertEquals(manifest, Files.readString(out.resolve("release/SDE-PROJECT-0001/manifest.json")));

    List<String> apcLines = Files.readAllLines(input.resolve("apc_episodes.csv"));
    Files.write(input.resolve("apc_episodes.csv"), apcLines.subList(0, apcLines.size() - 1));
    Result changed = run("run", "--config", config.toString());
    assertEquals(0, changed.code(), changed.err());
    assertTrue(changed.out().contains("[1/5] pseudonymise cld: inputs and settings unchanged"), changed.out());
    assertTrue(changed.out().contains("[2/5] pseudonymise apc: 1 file(s)"), changed.out());
    assertTrue(changed.out().contains("[3/5] link\n") || changed.out().contains("[3/5] link" + System.lineSeparator()),
        changed.out());
    Files.write(input.resolve("apc_episodes.csv"), apcLines);

    Files.writeString(config, Files.readString(config) + "colour: blue\n");
    Result unknownKey = run("run", "--config", config.toString());
    assertEquals(1, unknownKey.code());
    assertTrue(unknownKey.err().contains("colour"), unknownKey.err());
  }

  @Test
  void aRunConfigurationNamingAMissingOrBrokenCouncilNamesFileStopsBeforeAnyStage() throws Exception {
    Path config = root.resolve("names-run.yaml");
    String base = String.join("\n", "inputs:", "  cld: [input/cld_events.csv]", "  apc: [input/apc_episodes.csv]",
        "keystore: keys.p12", "keystore_password_file: password.txt", "period: {start: 2024-04-01, end: 2025-03-31}",
        "output: names-run-output", "statistics: {year: 2024-25}", "");
    Files.writeString(config, base + "report: {council_names: lookups/names.csv}\n");
    Result missing = run("run", "--config", config.toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains("report.council_names") && missing.err().contains("names.csv")
        && missing.err().contains("does not exist"), missing.err());

    Files.createDirectories(root.resolve("lookups"));
    Files.writeString(root.resolve("lookups/names.csv"), "la_code,la_name\nE08000025,Birmingham\nE08000035\n");
    Files.writeString(config, base + "report: {council_names: lookups/names.csv, comparators: lookups/groups.csv}\n");
    Result broken = run("run", "--config", config.toString());
    assertEquals(2, broken.code(), broken.err());
    assertTrue(broken.err().contains("report.council_names") && broken.err().contains("line 3"), broken.err());
    assertFalse(broken.err().contains("Birmingham"), "a value quoted: " + broken.err());
    assertFalse(Files.exists(root.resolve("names-run-output")), "no stage ran");
  }
}
