package org.sdelink.policies.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.InvalidPolicyException;
import org.sdelink.policies.Policy;
import org.sdelink.policies.ShippedPolicies;
import org.sdelink.policies.sde.SdeConfiguration;

class PolicyApprovalsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T09:30:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PolicyApprovals approvals = new PolicyApprovals(CLOCK);

  @TempDir Path dir;
  private ReviewerSigningKey jo;
  private ReviewerSigningKey sam;
  private SdeConfiguration sde;

  @BeforeEach
  void trustTwoReviewers() throws Exception {
    SecureRandom random = new SecureRandom();
    jo = ReviewerSigningKey.generate(random);
    sam = ReviewerSigningKey.generate(random);
    sde = TestSde.write(dir.resolve("sde/sde.yaml"), List.of(new TrustedReviewer("Jo Bloggs (IG lead)",
        jo.publicKey()), new TrustedReviewer("Sam Smith", sam.publicKey())), TestSde.SHIPPED_FLOORS);
  }

  private Path copyPolicy(Path folder) throws Exception {
    Path policy = folder.resolve("policies").resolve(ShippedPolicies.RESEARCHER + ".yaml");
    Files.createDirectories(policy.getParent());
    Files.copy(ShippedPolicies.path(ShippedPolicies.RESEARCHER), policy);
    return policy;
  }

  private Approval approve(Path policy, ReviewerSigningKey key) throws Exception {
    return approvals.approve(policy, key, Optional.empty(), sde);
  }

  @Test
  void approvalIsBoundToTheExactBytesAndSignedByTheReviewer() throws Exception {
    Path policy = copyPolicy(dir);
    PolicyNotApprovedException before = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(before.getMessage().contains("has no approval"), before.getMessage());
    String sha256 = Policy.sha256Of(Files.readAllBytes(policy));

    Approval approval = approve(policy, jo);
    assertEquals(sha256, approval.sha256());
    assertEquals("2025-06-02T09:30:00Z", approval.approvedAt());
    assertEquals("Jo Bloggs (IG lead)", approval.reviewer(), "the name comes from the SDE's list");
    assertEquals("SDE-PROJECT-0001", approval.project());
    assertEquals(jo.publicKey().fingerprint(), approval.keyFingerprint());
    assertTrue(jo.publicKey().verifies(approval.signedStatement(), Base64.getDecoder().decode(approval.signature())));
    assertEquals(approval, approvals.requireApproved(policy, sde.reviewers()));

    // One character changed: a comment, so the policy means the same, but it is no longer the approved file.
    String text = Files.readString(policy, StandardCharsets.UTF_8);
    Files.writeString(policy, text.replaceFirst("# Release policy", "# Release Policy"), StandardCharsets.UTF_8);
    PolicyNotApprovedException after = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(after.getMessage().contains("sdelink policy approve"), after.getMessage());

    Files.writeString(policy, text, StandardCharsets.UTF_8);
    assertEquals(approval, approvals.requireApproved(policy, sde.reviewers()), "the approved bytes are approved again");
  }

  /** The forgery: edit the policy, append {sequence, sha256, reviewer, approved_at, approved_copy} by hand. */
  @Test
  void aHandWrittenApprovalRecordIsRefused() throws Exception {
    Path policy = copyPolicy(dir);
    approve(policy, jo);
    Files.writeString(policy, Files.readString(policy).replace("  k: 10\n", "  k: 12\n"));
    byte[] edited = Files.readAllBytes(policy);
    String sha256 = Policy.sha256Of(edited);
    Path copy = policy.getParent().resolve("approvals/" + ShippedPolicies.RESEARCHER + "/" + sha256 + ".yaml");
    Files.write(copy, edited);
    Path registry = PolicyApprovals.registryFile(policy);
    ObjectNode root = (ObjectNode) JSON.readTree(registry.toFile());
    ObjectNode forged = ((ArrayNode) root.get("approvals")).addObject();
    forged.put("sequence", 2).put("sha256", sha256).put("reviewer", "Made Up Reviewer")
        .put("approved_at", "2025-06-03T10:00:00Z").put("approved_copy", ShippedPolicies.RESEARCHER + "/" + sha256
            + ".yaml");
    JSON.writeValue(registry.toFile(), root);

    PolicyNotApprovedException e = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(e.getMessage().contains("approval 2 in " + registry + " is not signed"), e.getMessage());
    assertTrue(e.getMessage().contains("added by hand is never accepted"), e.getMessage());

    // Copying the real record's fingerprint and signature onto the forged one does not help: the fields differ.
    ObjectNode real = (ObjectNode) root.get("approvals").get(0);
    forged.put("project", "SDE-PROJECT-0001").put("reviewer", real.get("reviewer").asText())
        .put("key_fingerprint", real.get("key_fingerprint").asText()).put("signature", real.get("signature").asText());
    JSON.writeValue(registry.toFile(), root);
    e = assertThrows(PolicyNotApprovedException.class, () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(e.getMessage().contains("signature that does not match its fields"), e.getMessage());
  }

  @Test
  void anAlteredSignedRecordIsRefused() throws Exception {
    Path policy = copyPolicy(dir);
    approve(policy, jo);
    Path registry = PolicyApprovals.registryFile(policy);
    String original = Files.readString(registry);

    // Another reviewer's name on Jo's signature.
    Files.writeString(registry, original.replace("Jo Bloggs (IG lead)", "Sam Smith"));
    PolicyNotApprovedException name = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(name.getMessage().contains("names another reviewer than the holder of its key"), name.getMessage());

    // Another time: the signature covers it.
    Files.writeString(registry, original.replace("2025-06-02T09:30:00Z", "2025-06-01T09:30:00Z"));
    PolicyNotApprovedException time = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(time.getMessage().contains("does not match its fields"), time.getMessage());

    // Another project in the record (signed or not, it is refused).
    Files.writeString(registry, original.replace("\"project\" : \"SDE-PROJECT-0001\"", "\"project\" : \"OTHER-1\""));
    assertThrows(PolicyNotApprovedException.class, () -> approvals.requireApproved(policy, sde.reviewers()));

    Files.writeString(registry, original);
    assertEquals("Jo Bloggs (IG lead)", approvals.requireApproved(policy, sde.reviewers()).reviewer());
  }

  @Test
  void aSignatureByAKeyTheSdeDoesNotTrustIsRefused(@TempDir Path other) throws Exception {
    Path policy = copyPolicy(dir);
    // The forger makes a key, lists it in an SDE configuration of their own and signs a correct record with it.
    ReviewerSigningKey forger = ReviewerSigningKey.generate(new SecureRandom());
    SdeConfiguration forgersSde = TestSde.write(other.resolve("sde.yaml"),
        List.of(new TrustedReviewer("Jo Bloggs (IG lead)", forger.publicKey())), TestSde.SHIPPED_FLOORS);
    approvals.approve(policy, forger, Optional.empty(), forgersSde);
    assertEquals(forger.publicKey().fingerprint(),
        approvals.requireApproved(policy, forgersSde.reviewers()).keyFingerprint());

    PolicyNotApprovedException e = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(e.getMessage().contains("signed with the key " + forger.publicKey().fingerprint()
        + ", which is not a trusted reviewer's key in " + sde.file()), e.getMessage());

    // And the SDE's own approve refuses the untrusted key before writing anything.
    Path fresh = copyPolicy(dir.resolve("fresh"));
    ReviewerKeyException refused = assertThrows(ReviewerKeyException.class, () -> approve(fresh, forger));
    assertTrue(refused.getMessage().contains("is not a trusted reviewer's key"), refused.getMessage());
    assertFalse(Files.exists(PolicyApprovals.registryFile(fresh)));
  }

  @Test
  void aPolicyBelowAnSdeFloorCannotBeApproved() throws Exception {
    Path policy = copyPolicy(dir);
    Files.writeString(policy, Files.readString(policy).replace("  k: 10\n", "  k: 2\n")
        .replace("max_suppressed_fraction: 0.02", "max_suppressed_fraction: 0.5"));
    InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> approve(policy, jo));
    assertTrue(e.getMessage().contains("k_anonymity.k: is 2, below the SDE's floor of 10 (floors.k_anonymity.k in "
        + sde.file() + ")"), e.getMessage());
    assertTrue(e.getMessage().contains("k_anonymity.max_suppressed_fraction: is 0.5, above the SDE's floor of 0.02"),
        e.getMessage());
    assertFalse(Files.exists(PolicyApprovals.registryFile(policy)));
  }

  @Test
  void theReviewerNameGivenMustBeTheKeysName() throws Exception {
    Path policy = copyPolicy(dir);
    ReviewerKeyException e = assertThrows(ReviewerKeyException.class,
        () -> approvals.approve(policy, jo, Optional.of("Sam Smith"), sde));
    assertTrue(e.getMessage().contains("--reviewer does not match"), e.getMessage());
    assertEquals("Jo Bloggs (IG lead)",
        approvals.approve(policy, jo, Optional.of(" Jo Bloggs (IG lead) "), sde).reviewer());
  }

  @Test
  void registryIsAppendOnlyDeterministicAndKeepsTheApprovedText() throws Exception {
    Path policy = copyPolicy(dir);
    Approval first = approve(policy, jo);
    Path registry = PolicyApprovals.registryFile(policy);
    assertEquals(dir.resolve("policies/approvals/researcher-linked-journeys.json"), registry);
    String firstRegistry = Files.readString(registry);
    assertEquals(first, approve(policy, jo), "approving twice changes nothing");
    assertEquals(firstRegistry, Files.readString(registry));

    String original = Files.readString(policy);
    Files.writeString(policy, original.replace("  k: 10\n", "  k: 11\n"));
    Approval second = approve(policy, sam);
    assertEquals(2, second.sequence());
    String secondRegistry = Files.readString(registry);
    assertTrue(secondRegistry.startsWith(firstRegistry.substring(0, firstRegistry.lastIndexOf("}\n  ]"))),
        "the first entry is kept as it was");
    assertEquals(List.of(first, second), approvals.approvals(policy));

    ApprovedVersion last = approvals.lastApproved(policy).orElseThrow();
    assertEquals(second, last.approval());
    assertEquals(Files.readString(policy), last.text());
    assertEquals(original, Files.readString(policy.getParent().resolve("approvals").resolve(first.approvedCopy())));

    // The same approvals made elsewhere with the same keys give byte-identical registries (Ed25519 is deterministic).
    Path other = copyPolicy(dir.resolve("other"));
    approve(other, jo);
    Files.writeString(other, original.replace("  k: 10\n", "  k: 11\n"));
    approve(other, sam);
    assertEquals(secondRegistry, Files.readString(PolicyApprovals.registryFile(other)));
    assertTrue(secondRegistry.contains("\"reviewer\" : \"Sam Smith\""), secondRegistry);
    assertTrue(secondRegistry.contains("\"key_fingerprint\" : \"" + sam.publicKey().fingerprint() + "\""),
        secondRegistry);
  }

  @Test
  void invalidPolicyCannotBeApproved() throws Exception {
    Path policy = copyPolicy(dir);
    Files.writeString(policy, Files.readString(policy).replace("    first_name: drop\n", "    first_name: keep\n"));
    assertThrows(InvalidPolicyException.class, () -> approve(policy, jo));
    assertTrue(Files.notExists(PolicyApprovals.registryFile(policy)));
  }

  @Test
  void alteredApprovedCopyIsDetected() throws Exception {
    Path policy = copyPolicy(dir);
    Approval approval = approve(policy, jo);
    Path copy = policy.getParent().resolve("approvals").resolve(approval.approvedCopy());
    Files.writeString(copy, "policy: something-else\n");
    PolicyNotApprovedException e = assertThrows(PolicyNotApprovedException.class,
        () -> approvals.requireApproved(policy, sde.reviewers()));
    assertTrue(e.getMessage().contains("registry has been altered"), e.getMessage());
  }
}
