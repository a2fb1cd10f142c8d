package org.sdelink.policies.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.InvalidPolicyException;
import org.sdelink.policies.Policy;
import org.sdelink.policies.ShippedPolicies;

class PolicyApprovalsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T09:30:00Z"), ZoneOffset.UTC);
  private final PolicyApprovals approvals = new PolicyApprovals(CLOCK);

  private static Path copyPolicy(Path dir) throws Exception {
    Path policy = dir.resolve("policies").resolve(ShippedPolicies.RESEARCHER + ".yaml");
    Files.createDirectories(policy.getParent());
    Files.copy(ShippedPolicies.path(ShippedPolicies.RESEARCHER), policy);
    return policy;
  }

  @Test
  void approvalIsBoundToTheExactBytes(@TempDir Path dir) throws Exception {
    Path policy = copyPolicy(dir);
    PolicyNotApprovedException before = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy));
    String sha256 = Policy.sha256Of(Files.readAllBytes(policy));
    assertEquals("policy " + policy + " (sha256 " + sha256 + ") has no approval: run `sdelink policy review "
        + policy + "`, then `sdelink policy approve " + policy + " --reviewer NAME`", before.getMessage());

    Approval approval = approvals.approve(policy, "Jo Bloggs (IG lead)");
    assertEquals(sha256, approval.sha256());
    assertEquals("2025-06-02T09:30:00Z", approval.approvedAt());
    assertEquals(approval, approvals.requireApproved(policy));

    // One character changed: a comment, so the policy means the same, but it is no longer the approved file.
    String text = Files.readString(policy, StandardCharsets.UTF_8);
    Files.writeString(policy, text.replaceFirst("# Release policy", "# Release Policy"), StandardCharsets.UTF_8);
    PolicyNotApprovedException after = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy));
    assertTrue(after.getMessage().contains("sdelink policy approve"), after.getMessage());

    Files.writeString(policy, text, StandardCharsets.UTF_8);
    assertEquals(approval, approvals.requireApproved(policy), "the approved bytes are approved again");
  }

  @Test
  void registryIsAppendOnlyDeterministicAndKeepsTheApprovedText(@TempDir Path dir) throws Exception {
    Path policy = copyPolicy(dir);
    Approval first = approvals.approve(policy, "Jo Bloggs");
    Path registry = PolicyApprovals.registryFile(policy);
    assertEquals(dir.resolve("policies/approvals/researcher-linked-journeys.json"), registry);
    String firstRegistry = Files.readString(registry);
    assertEquals(first, approvals.approve(policy, "Jo Bloggs"), "approving twice changes nothing");
    assertEquals(firstRegistry, Files.readString(registry));

    String original = Files.readString(policy);
    Files.writeString(policy, original.replace("  k: 10\n", "  k: 11\n"));
    Approval second = approvals.approve(policy, "Sam Smith");
    assertEquals(2, second.sequence());
    String secondRegistry = Files.readString(registry);
    assertTrue(secondRegistry.startsWith(firstRegistry.substring(0, firstRegistry.lastIndexOf("}\n  ]"))),
        "the first entry is kept as it was");
    assertEquals(2, approvals.approvals(policy).size());
    assertEquals(first, approvals.approvals(policy).get(0));

    ApprovedVersion last = approvals.lastApproved(policy).orElseThrow();
    assertEquals(second, last.approval());
    assertEquals(Files.readString(policy), last.text());
    assertEquals(original, Files.readString(policy.getParent().resolve("approvals").resolve(first.approvedCopy())));

    // The same approvals made elsewhere give byte-identical registries.
    Path otherDir = dir.resolve("other");
    Path other = copyPolicy(otherDir);
    approvals.approve(other, "Jo Bloggs");
    Files.writeString(other, original.replace("  k: 10\n", "  k: 11\n"));
    approvals.approve(other, "Sam Smith");
    assertEquals(secondRegistry, Files.readString(PolicyApprovals.registryFile(other)));
    assertTrue(secondRegistry.contains("\"reviewer\" : \"Sam Smith\""), secondRegistry);
  }

  @Test
  void invalidPolicyCannotBeApproved(@TempDir Path dir) throws Exception {
    Path policy = copyPolicy(dir);
    Files.writeString(policy, Files.readString(policy).replace("    first_name: drop\n", "    first_name: keep\n"));
    assertThrows(InvalidPolicyException.class, () -> approvals.approve(policy, "Jo Bloggs"));
    assertTrue(Files.notExists(PolicyApprovals.registryFile(policy)));
    assertThrows(IllegalArgumentException.class, () -> approvals.approve(copyPolicy(dir.resolve("b")), "  "));
  }

  @Test
  void alteredApprovedCopyIsDetected(@TempDir Path dir) throws Exception {
    Path policy = copyPolicy(dir);
    Approval approval = approvals.approve(policy, "Jo Bloggs");
    Path copy = policy.getParent().resolve("approvals").resolve(approval.approvedCopy());
    Files.writeString(copy, "policy: something-else\n");
    PolicyNotApprovedException e = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy));
    assertTrue(e.getMessage().contains("registry has been altered"), e.getMessage());
  }
}
