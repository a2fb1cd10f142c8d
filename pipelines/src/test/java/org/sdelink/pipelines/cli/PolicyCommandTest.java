package org.sdelink.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdelink policy check} and {@code approve} fail closed on a code table the policy needs but lacks. */
class PolicyCommandTest {
  @TempDir Path root;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The shipped policy with the postcode released as an LSOA (and counted by the k-anonymity check). */
  private Path lsoaPolicy(String lookups) throws Exception {
    String text = Files.readString(Path.of(System.getProperty("user.dir"))
        .resolve("../policies/researcher-linked-journeys.yaml"))
        .replace("    postcode: drop\n", "    postcode:\n      action: generalise\n      to: lsoa\n")
        .replace("      - field: la_code\n        ladder: [withheld]\n    journeys:",
            "      - field: la_code\n        ladder: [withheld]\n      - field: postcode\n        ladder: [withheld]\n"
                + "    journeys:");
    Path policy = root.resolve("researcher-linked-journeys.yaml");
    Files.writeString(policy, text + lookups);
    return policy;
  }

  @Test
  void checkAndApproveRefuseLsoaWithoutAnOperatorLookupAndAcceptItWithOne() throws Exception {
    Path sde = root.resolve("sde/sde.yaml");
    Path key = root.resolve("reviewer/jo.key");
    Path password = root.resolve("reviewer/jo.password");
    Files.createDirectories(key.getParent());
    SignedApprovalCommandTest.writeSde(sde, SignedApprovalCommandTest.keysInit(key, password, "Jo Bloggs"),
        SignedApprovalCommandTest.FLOORS);
    Path policy = lsoaPolicy("");
    Result check = run("policy", "check", policy.toString(), "--sde-config", sde.toString());
    assertEquals(2, check.code(), check.out());
    assertTrue(check.err().contains("datasets.persons.postcode.to") && check.err().contains("lookups:")
        && check.err().contains("does not ship"), check.err());
    Result approve = run("policy", "approve", policy.toString(), "--key", key.toString(), "--key-password-file",
        password.toString(), "--sde-config", sde.toString());
    assertEquals(2, approve.code(), approve.out());
    assertTrue(approve.err().contains("datasets.persons.postcode.to"), approve.err());
    assertFalse(Files.exists(root.resolve("approvals")), "nothing approved");

    policy = lsoaPolicy("lookups:\n  postcode-to-lsoa11:\n    file: postcodes.csv\n    key_column: pcds\n"
        + "    value_column: lsoa11\n");
    Files.writeString(root.resolve("postcodes.csv"), "pcds,lsoa11\nLS1 6AB,E01011365\nLS1 6AB,E01099999\n");
    Result conflicting = run("policy", "check", policy.toString(), "--sde-config", sde.toString());
    assertEquals(2, conflicting.code(), conflicting.out());
    assertTrue(conflicting.err().contains("two different values (line 2)"), conflicting.err());
    assertFalse(conflicting.err().contains("LS1 6AB") || conflicting.err().contains("E0109"), "a code in a message");

    Files.writeString(root.resolve("postcodes.csv"), "pcds,lsoa11\nLS1 6AB,E01011365\n");
    Result valid = run("policy", "check", policy.toString(), "--sde-config", sde.toString());
    assertEquals(0, valid.code(), valid.err());
    assertTrue(valid.out().contains("is valid"), valid.out());
  }
}
