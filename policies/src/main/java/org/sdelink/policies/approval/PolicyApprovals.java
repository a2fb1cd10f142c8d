package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.sde.SdeConfiguration;

/**
 * The approvals registry of policy files. An approval binds a trusted reviewer's name to the SHA-256 of a policy
 * file's exact bytes and the policy's project, and is signed with the reviewer's Ed25519 key; it is appended to
 * {@code approvals/<policy>.json} next to the policy (never rewritten), and a copy of the approved text is kept in
 * {@code approvals/<policy>/<sha256>.yaml} so the next review can show what changed. {@link #requireApproved} refuses
 * a policy whose exact bytes have no approval, or whose approval is unsigned, signed by a key the SDE does not trust,
 * or altered after signing: writing the registry by hand approves nothing, and changing one character of the policy
 * needs a new review and approval.
 */
public final class PolicyApprovals {
  /** The folder, next to the policy files, that holds the registries. */
  public static final String APPROVALS_FOLDER = "approvals";
  /** The longest reviewer name accepted. */
  public static final int MAX_REVIEWER_LENGTH = 200;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private final Clock clock;

  /** Approvals stamped with times from {@code clock}. */
  public PolicyApprovals(Clock clock) {
    this.clock = checkNotNull(clock, "clock");
  }

  /** The registry file of the policy file at {@code policy}. */
  public static Path registryFile(Path policy) {
    checkNotNull(policy, "policy");
    return folder(policy).resolve(Policy.nameOf(policy) + ".json");
  }

  /**
   * Records that the reviewer holding {@code key} approved the exact current bytes of {@code policy}: checks that the
   * policy is valid and meets the SDE's floors, that the key is a trusted reviewer's, then appends an approval signed
   * with the key. {@code reviewer}, when given, must be the name the SDE lists for the key. Approving bytes the same
   * key already approved returns that approval and changes nothing.
   *
   * @throws org.sdelink.policies.InvalidPolicyException when the policy has problems or is below a floor
   * @throws ReviewerKeyException when the key is not a trusted reviewer's, or the name is not the key's
   * @throws IOException when the files cannot be read or written
   */
  public Approval approve(Path policy, ReviewerSigningKey key, Optional<String> reviewer, SdeConfiguration sde)
      throws IOException {
    checkNotNull(policy, "policy");
    checkNotNull(key, "key");
    checkNotNull(reviewer, "reviewer");
    checkNotNull(sde, "sde");
    byte[] bytes = Files.readAllBytes(policy);
    Policy parsed = Policy.parse(new String(bytes, StandardCharsets.UTF_8), Policy.nameOf(policy));
    PolicyValidator.requireValid(parsed);
    sde.floors().requireMet(parsed);
    String fingerprint = key.publicKey().fingerprint();
    TrustedReviewer trusted = sde.reviewers().byFingerprint(fingerprint).orElseThrow(() -> new ReviewerKeyException(
        "your key " + fingerprint + " is not a trusted reviewer's key in " + sde.file() + ": send your public key "
            + "file (.pub) to the SDE, which adds it under `trusted_reviewers`; until then your approval would not "
            + "count"));
    if (reviewer.isPresent() && !reviewer.get().trim().equals(trusted.name())) {
      throw new ReviewerKeyException("--reviewer does not match the name the SDE lists for your key " + fingerprint
          + " in " + sde.file() + ": leave out --reviewer, or ask the SDE to correct the name");
    }
    String sha256 = Policy.sha256Of(bytes);

    List<Approval> existing = new ArrayList<>(approvals(policy));
    for (Approval approval : existing) {
      if (approval.sha256().equals(sha256) && approval.keyFingerprint().equals(fingerprint)) {
        return approval;
      }
    }
    String policyName = Policy.nameOf(policy);
    Path folder = folder(policy);
    String copyName = policyName + "/" + sha256 + ".yaml";
    Path copy = folder.resolve(copyName);
    Files.createDirectories(copy.getParent());
    if (!Files.exists(copy)) {
      writeAtomically(copy, bytes);
    }
    Approval approval = new Approval(existing.size() + 1, policyName, parsed.project().id(), sha256, trusted.name(),
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), copyName, fingerprint, "")
        .signedWith(key);
    existing.add(approval);
    writeAtomically(registryFile(policy), toJson(policyName, existing));
    return approval;
  }

  /**
   * Returns the approval of the exact current bytes of {@code policy}, after checking every record of those bytes:
   * each must be signed by a key in {@code trusted}, under its reviewer's name, with a signature that matches all its
   * fields, for the policy's project; and the approved copy must match.
   *
   * @throws PolicyNotApprovedException when there is no approval or any record of these bytes fails a check, saying
   *     which and what to do
   * @throws IOException when the files cannot be read
   */
  public Approval requireApproved(Path policy, TrustedReviewers trusted) throws IOException {
    checkNotNull(policy, "policy");
    checkNotNull(trusted, "trusted");
    byte[] bytes = Files.readAllBytes(policy);
    String sha256 = Policy.sha256Of(bytes);
    List<Approval> matching = approvals(policy).stream().filter(a -> a.sha256().equals(sha256)).toList();
    if (matching.isEmpty()) {
      throw new PolicyNotApprovedException("policy " + policy + " (sha256 " + sha256 + ") has no approval: run "
          + "`sdelink policy review " + policy + "`, then a trusted reviewer runs `sdelink policy approve " + policy
          + " --key THEIR_KEY --sde-config SDE_CONFIG`");
    }
    String project = Policy.parse(new String(bytes, StandardCharsets.UTF_8), Policy.nameOf(policy)).project().id();
    Path registry = registryFile(policy);
    for (Approval approval : matching) {
      trusted.verify(approval, registry);
      if (!approval.project().equals(project)) {
        throw new PolicyNotApprovedException("approval " + approval.sequence() + " in " + registry + " is for "
            + "another project than the policy's project.id: the registry has been altered; restore it from version "
            + "control or approve the policy again");
      }
    }
    Approval approval = matching.get(0);
    Path copy = folder(policy).resolve(approval.approvedCopy()).normalize();
    if (!copy.startsWith(folder(policy)) || !Files.exists(copy)
        || !Policy.sha256Of(Files.readAllBytes(copy)).equals(sha256)) {
      throw new PolicyNotApprovedException("policy " + policy + " (sha256 " + sha256 + ") is listed as approved but "
          + "the approved copy " + copy + " is missing or differs: the approvals registry has been altered; restore "
          + "it from version control or approve the policy again");
    }
    return approval;
  }

  /** The approvals of {@code policy} (any version), oldest first; empty when it has no registry. */
  public ImmutableList<Approval> approvals(Path policy) throws IOException {
    Path registry = registryFile(policy);
    if (!Files.exists(registry)) {
      return ImmutableList.of();
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(registry));
    } catch (IOException e) {
      throw new IOException("the approvals registry " + registry + " is not valid JSON: restore it from version "
          + "control", e);
    }
    String policyName = Policy.nameOf(policy);
    if (root == null || !policyName.equals(root.path("policy").asText()) || !root.path("approvals").isArray()) {
      throw new IOException("the approvals registry " + registry + " is not the registry of policy " + policyName
          + ": restore it from version control");
    }
    ImmutableList.Builder<Approval> approvals = ImmutableList.builder();
    int expected = 1;
    for (JsonNode node : root.path("approvals")) {
      try {
        Approval approval = new Approval(node.path("sequence").asInt(), policyName, node.path("project").asText(),
            node.path("sha256").asText(), node.path("reviewer").asText(), node.path("approved_at").asText(),
            node.path("approved_copy").asText(), node.path("key_fingerprint").asText(),
            node.path("signature").asText());
        checkArgument(approval.sequence() == expected++, "approvals are out of sequence");
        approvals.add(approval);
      } catch (IllegalArgumentException e) {
        throw new IOException("the approvals registry " + registry + " has a malformed entry (" + e.getMessage()
            + "): restore it from version control", e);
      }
    }
    return approvals.build();
  }

  /** The most recent approval of any version of {@code policy}, with the text it approved. */
  public Optional<ApprovedVersion> lastApproved(Path policy) throws IOException {
    ImmutableList<Approval> approvals = approvals(policy);
    if (approvals.isEmpty()) {
      return Optional.empty();
    }
    Approval last = approvals.get(approvals.size() - 1);
    Path copy = folder(policy).resolve(last.approvedCopy());
    if (!Files.exists(copy)) {
      throw new IOException("the approved copy " + copy + " is missing: restore it from version control");
    }
    return Optional.of(new ApprovedVersion(last, new String(Files.readAllBytes(copy), StandardCharsets.UTF_8)));
  }

  private static Path folder(Path policy) {
    Path parent = policy.toAbsolutePath().getParent();
    return parent.resolve(APPROVALS_FOLDER);
  }

  private static byte[] toJson(String policyName, List<Approval> approvals) throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Approval approval : approvals) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("sequence", approval.sequence());
      entry.put("project", approval.project());
      entry.put("sha256", approval.sha256());
      entry.put("reviewer", approval.reviewer());
      entry.put("approved_at", approval.approvedAt());
      entry.put("approved_copy", approval.approvedCopy());
      entry.put("key_fingerprint", approval.keyFingerprint());
      entry.put("signature", approval.signature());
      entries.add(entry);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("policy", policyName);
    root.put("approvals", entries);
    return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".approval", ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
