package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.Policy;

/**
 * Issue 15, item 2 and the policy items of item 6, as a user meets them on the command line: a reviewer makes a key
 * ({@code policy keys init}), the SDE trusts it in its configuration, the reviewer signs ({@code policy approve}), and
 * {@code publish} verifies; every forgery of the probe is refused before any work, with a message saying what is wrong.
 */
class SignedApprovalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  static Path keystore;
  static Path keystorePassword;
  static Path reviewerKey;
  static Path reviewerPassword;
  static Path sdeConfig;
  static String fingerprint;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A reviewer's key made on the command line; returns the trusted_reviewers entry `keys init` prints. */
  static String keysInit(Path key, Path password, String name) throws Exception {
    Files.writeString(password, "a long reviewer passphrase\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    Result init = run("policy", "keys", "init", "--key", key.toString(), "--key-password-file", password.toString(),
        "--reviewer", name);
    assertEquals(0, init.code(), init.err());
    return init.out().substring(init.out().indexOf("  - name:"));
  }

  static Path writeSde(Path file, String entries, String floors) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "trusted_reviewers:\n" + entries + floors);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  static final String FLOORS = "floors:\n  k_anonymity:\n    k: 10\n    max_suppressed_fraction: 0.02\n";

  @BeforeAll
  static void reviewerKeyAndSdeConfiguration() throws Exception {
    keystorePassword = root.resolve("keystore.password");
    Files.writeString(keystorePassword, "correct horse battery staple\n");
    Files.setPosixFilePermissions(keystorePassword, PosixFilePermissions.fromString("rw-------"));
    keystore = root.resolve("keys.p12");
    assertEquals(0, run("keys", "init", "--keystore", keystore.toString(), "--keystore-password-file",
        keystorePassword.toString()).code());
    reviewerKey = root.resolve("reviewer/jo.key");
    reviewerPassword = root.resolve("reviewer/jo.password");
    Files.createDirectories(reviewerKey.getParent());
    String entry = keysInit(reviewerKey, reviewerPassword, "Jo Bloggs");
    fingerprint = entry.substring(entry.indexOf("fingerprint: ") + 13).strip();
    sdeConfig = writeSde(root.resolve("sde/sde.yaml"), entry, FLOORS);
  }

  /** A copy of the shipped policy, changed by {@code edit}, alone in a new folder. */
  static Path policy(String folder, UnaryOperator<String> edit) throws Exception {
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("../policies/researcher-linked-journeys.yaml");
    Path policy = root.resolve(folder).resolve("researcher-linked-journeys.yaml");
    Files.createDirectories(policy.getParent());
    Files.writeString(policy, edit.apply(Files.readString(shipped)));
    return policy;
  }

  static Result approve(Path policy, Path key, Path password, Path sde) {
    return run("policy", "approve", policy.toString(), "--key", key.toString(), "--key-password-file",
        password.toString(), "--sde-config", sde.toString());
  }

  static Result publish(Path policy, String project) {
    return run("publish", "--project", project, "--policy", policy.toString(), "--sde-config", sdeConfig.toString(),
        "--metrics", root.resolve("no-metrics").toString(), "--keystore", keystore.toString(),
        "--keystore-password-file", keystorePassword.toString(), "--output", root.resolve("release").toString());
  }

  @Test
  void keysInitWritesAnOwnerOnlyEncryptedKeyAndPrintsThePublicKeyAndFingerprintOnly() throws Exception {
    Path key = root.resolve("init/sam.key");
    Files.createDirectories(key.getParent());
    Files.writeString(root.resolve("init/pw"), "a long reviewer passphrase\n");
    Files.setPosixFilePermissions(root.resolve("init/pw"), PosixFilePermissions.fromString("rw-------"));
    Result init = run("policy", "keys", "init", "--key", key.toString(), "--key-password-file",
        root.resolve("init/pw").toString());
    assertEquals(0, init.code(), init.err());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    String privateKey = Files.readString(key);
    assertTrue(privateKey.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), "encrypted with the password");
    for (String line : privateKey.split("\n")) {
      if (!line.startsWith("-----")) {
        assertFalse(init.out().contains(line) || init.err().contains(line), "a line of the private key was printed");
      }
    }
    Result show = run("policy", "keys", "show", key + ".pub");
    assertEquals(0, show.code(), show.err());
    String printed = init.out().substring(init.out().indexOf("fingerprint sha256:"));
    assertTrue(show.out().startsWith(printed.substring(0, printed.indexOf('\n'))), show.out());

    Result again = run("policy", "keys", "init", "--key", key.toString(), "--key-password-file",
        root.resolve("init/pw").toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists"), again.err());
    assertEquals(privateKey, Files.readString(key));

    Files.writeString(root.resolve("init/short"), "short\n");
    Files.setPosixFilePermissions(root.resolve("init/short"), PosixFilePermissions.fromString("rw-------"));
    Result weak = run("policy", "keys", "init", "--key", root.resolve("init/other.key").toString(),
        "--key-password-file", root.resolve("init/short").toString());
    assertEquals(2, weak.code());
    assertTrue(weak.err().contains("at least 12 characters"), weak.err());
  }

  @Test
  void checkApproveAndPublishVerifyASignedApproval() throws Exception {
    Path policy = policy("good", t -> t);
    assertEquals(0, run("policy", "check", policy.toString(), "--sde-config", sdeConfig.toString()).code());
    Result approved = approve(policy, reviewerKey, reviewerPassword, sdeConfig);
    assertEquals(0, approved.code(), approved.err());
    assertTrue(approved.out().contains("by Jo Bloggs, approval 1, signed with key " + fingerprint), approved.out());
    // Publish passes the approval check and stops only at the (missing) metrics folder.
    Result published = publish(policy, "SDE-PROJECT-0001");
    assertTrue(published.code() != 0, published.out());
    assertFalse(published.err().contains("approv"), published.err());
    assertTrue(published.err().contains("no-metrics"), published.err());
  }

  /** The probe: k 10 -> 2, 0.02 -> 0.5, a record appended by hand. */
  @Test
  void theProbesHandWrittenApprovalOfAWeakenedPolicyIsRefused() throws Exception {
    Path policy = policy("forged", t -> t);
    assertEquals(0, approve(policy, reviewerKey, reviewerPassword, sdeConfig).code());
    Files.writeString(policy, Files.readString(policy).replace("  k: 10\n", "  k: 2\n")
        .replace("max_suppressed_fraction: 0.02", "max_suppressed_fraction: 0.5"));
    appendHandWrittenRecord(policy);

    Result published = publish(policy, "SDE-PROJECT-0001");
    assertEquals(2, published.code(), published.out());
    assertTrue(published.err().contains("k_anonymity.k: is 2, below the SDE's floor of 10 (floors.k_anonymity.k in "
        + sdeConfig + ")"), published.err());
    assertTrue(published.err().contains("k_anonymity.max_suppressed_fraction: is 0.5, above the SDE's floor of 0.02"),
        published.err());
    assertFalse(Files.exists(root.resolve("release")));

    // Within the floors, the hand-written record itself is what stops it.
    Files.writeString(policy, Files.readString(policy).replace("  k: 2\n", "  k: 12\n")
        .replace("max_suppressed_fraction: 0.5", "max_suppressed_fraction: 0.01"));
    Path registry = policy.getParent().resolve("approvals/researcher-linked-journeys.json");
    ObjectNode root = (ObjectNode) JSON.readTree(registry.toFile());
    ((ArrayNode) root.get("approvals")).remove(1);
    JSON.writeValue(registry.toFile(), root);
    appendHandWrittenRecord(policy);
    Result unsigned = publish(policy, "SDE-PROJECT-0001");
    assertEquals(2, unsigned.code(), unsigned.out());
    assertTrue(unsigned.err().contains("approval 2 in " + registry + " is not signed"), unsigned.err());
  }

  private static void appendHandWrittenRecord(Path policy) throws Exception {
    byte[] bytes = Files.readAllBytes(policy);
    String sha256 = Policy.sha256Of(bytes);
    Path copy = policy.getParent().resolve("approvals/researcher-linked-journeys/" + sha256 + ".yaml");
    Files.write(copy, bytes);
    Path registry = policy.getParent().resolve("approvals/researcher-linked-journeys.json");
    ObjectNode root = (ObjectNode) JSON.readTree(registry.toFile());
    ((ArrayNode) root.get("approvals")).addObject().put("sequence", 2).put("sha256", sha256)
        .put("reviewer", "A. Made-Up").put("approved_at", "2026-12-06T09:00:00Z")
        .put("approved_copy", "researcher-linked-journeys/" + sha256 + ".yaml");
    JSON.writeValue(registry.toFile(), root);
  }

  @Test
  void aPolicyEditedAfterApprovalIsRefused() throws Exception {
    Path policy = policy("edited", t -> t);
    assertEquals(0, approve(policy, reviewerKey, reviewerPassword, sdeConfig).code());
    Files.writeString(policy, Files.readString(policy).replace("  k: 10\n", "  k: 11\n"));
    Result published = publish(policy, "SDE-PROJECT-0001");
    assertEquals(2, published.code());
    assertTrue(published.err().contains("has no approval"), published.err());
  }

  @Test
  void aSignatureByAKeyTheSdeDoesNotTrustIsRefused() throws Exception {
    Path key = root.resolve("mallory/m.key");
    Path password = root.resolve("mallory/m.password");
    Files.createDirectories(key.getParent());
    String entry = keysInit(key, password, "Jo Bloggs");
    Path ownSde = writeSde(root.resolve("mallory/sde.yaml"), entry, FLOORS);
    Path policy = policy("untrusted", t -> t);

    Result refused = approve(policy, key, password, sdeConfig);
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("is not a trusted reviewer's key in " + sdeConfig), refused.err());

    assertEquals(0, approve(policy, key, password, ownSde).code(), "signed under a configuration of their own");
    Result published = publish(policy, "SDE-PROJECT-0001");
    assertEquals(2, published.code());
    assertTrue(published.err().contains("which is not a trusted reviewer's key in " + sdeConfig), published.err());

    Files.setPosixFilePermissions(sdeConfig, PosixFilePermissions.fromString("rw-rw-rw-"));
    try {
      Result writable = publish(policy, "SDE-PROJECT-0001");
      assertEquals(2, writable.code());
      assertTrue(writable.err().contains("can be changed by users other than its owner"), writable.err());
    } finally {
      Files.setPosixFilePermissions(sdeConfig, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void aPolicyBelowAnSdeFloorFailsCheckApproveAndPublish() throws Exception {
    Path policy = policy("weak", t -> t.replace("  k: 10\n", "  k: 5\n"));
    Result check = run("policy", "check", policy.toString(), "--sde-config", sdeConfig.toString());
    assertEquals(2, check.code());
    assertTrue(check.err().contains("k_anonymity.k: is 5, below the SDE's floor of 10 (floors.k_anonymity.k"),
        check.err());
    Result approve = approve(policy, reviewerKey, reviewerPassword, sdeConfig);
    assertEquals(2, approve.code());
    assertTrue(approve.err().contains("floors.k_anonymity.k"), approve.err());
    assertFalse(Files.exists(policy.getParent().resolve("approvals")));
    Result published = publish(policy, "SDE-PROJECT-0001");
    assertEquals(2, published.code());
    assertTrue(published.err().contains("floors.k_anonymity.k"), published.err());
  }

  @Test
  void aSecondYamlDocumentIsRefusedNamingItsLine() throws Exception {
    Path policy = policy("two-documents", t -> t + "---\nk_anonymity:\n  k: 2\n");
    int line = (int) Files.readString(policy).lines().takeWhile(l -> !l.equals("---")).count() + 1;
    for (Result result : new Result[] {
        run("policy", "check", policy.toString(), "--sde-config", sdeConfig.toString()),
        approve(policy, reviewerKey, reviewerPassword, sdeConfig), publish(policy, "SDE-PROJECT-0001")}) {
      assertEquals(2, result.code(), result.out());
      assertTrue(result.err().contains("holds a second YAML document, starting at line " + line), result.err());
    }
  }

  @Test
  void aProjectIdThatIsAPathIsRefusedEverywhere() throws Exception {
    Path policy = policy("path-project", t -> t.replace("  id: SDE-PROJECT-0001\n", "  id: ../../etc\n"));
    Result check = run("policy", "check", policy.toString(), "--sde-config", sdeConfig.toString());
    assertEquals(2, check.code());
    assertTrue(check.err().contains("project.id: is not a valid project id"), check.err());
    Result approve = approve(policy, reviewerKey, reviewerPassword, sdeConfig);
    assertEquals(2, approve.code());
    assertTrue(approve.err().contains("project.id: is not a valid project id"), approve.err());
    assertFalse(Files.exists(policy.getParent().resolve("approvals")));

    Path good = policy("path-project-good", t -> t);
    assertEquals(0, approve(good, reviewerKey, reviewerPassword, sdeConfig).code());
    Result published = publish(good, "../../etc");
    assertEquals(2, published.code());
    assertTrue(published.err().contains("the project id given is not valid"), published.err());

    Path config = root.resolve("run-etc.yaml");
    Files.writeString(config, "inputs: {cld: [a.csv], apc: [b.csv]}\nkeystore: keys.p12\nperiod: {start: 2024-04-01,"
        + " end: 2025-03-31}\npolicy: " + good + "\nproject: ../../etc\nsde_config: " + sdeConfig + "\noutput: out\n");
    Result run = run("run", "--config", config.toString());
    assertTrue(run.code() != 0);
    assertTrue(run.err().contains("project is not a valid project id"), run.err());
  }
}
