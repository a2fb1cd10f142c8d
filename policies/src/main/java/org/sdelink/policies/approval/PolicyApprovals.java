package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.common.base.CharMatcher;
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

/**
 * The approvals registry of policy files. An approval binds a reviewer's name to the SHA-256 of a policy file's exact
 * bytes; it is appended to {@code approvals/<policy>.json} next to the policy (never rewritten), and a copy of the
 * approved text is kept in {@code approvals/<policy>/<sha256>.yaml} so the next review can show what changed.
 * {@link #requireApproved} refuses a policy whose exact bytes have no approval: changing one character needs a new
 * review and approval.
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
   * Records that {@code reviewer} approved the exact current bytes of {@code policy}, after checking the policy is
   * valid. Approving bytes the same reviewer already approved returns that approval and changes nothing.
   *
   * @throws org.sdelink.policies.InvalidPolicyException when the policy has problems
   * @throws IllegalArgumentException when the reviewer name is blank, too long or has control characters
   * @throws IOException when the files cannot be read or written
   */
  public Approval approve(Path policy, String reviewer) throws IOException {
    checkNotNull(policy, "policy");
    checkNotNull(reviewer, "reviewer");
    String name = reviewer.trim();
    checkArgument(!name.isEmpty(), "give the reviewer's name: --reviewer NAME");
    checkArgument(name.length() <= MAX_REVIEWER_LENGTH, "the reviewer name is longer than %s characters",
        MAX_REVIEWER_LENGTH);
    checkArgument(CharMatcher.javaIsoControl().matchesNoneOf(name), "the reviewer name has control characters");
    byte[] bytes = Files.readAllBytes(policy);
    PolicyValidator.requireValid(Policy.parse(new String(bytes, StandardCharsets.UTF_8), Policy.nameOf(policy)));
    String sha256 = Policy.sha256Of(bytes);

    List<Approval> existing = new ArrayList<>(approvals(policy));
    for (Approval approval : existing) {
      if (approval.sha256().equals(sha256) && approval.reviewer().equals(name)) {
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
    Approval approval = new Approval(existing.size() + 1, policyName, sha256, name,
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), copyName);
    existing.add(approval);
    writeAtomically(registryFile(policy), toJson(policyName, existing));
    return approval;
  }

  /**
   * Returns the approval of the exact current bytes of {@code policy}.
   *
   * @throws PolicyNotApprovedException when there is none, saying which commands to run
   * @throws IOException when the files cannot be read
   */
  public Approval requireApproved(Path policy) throws IOException {
    checkNotNull(policy, "policy");
    String sha256 = Policy.sha256Of(Files.readAllBytes(policy));
    Optional<Approval> approval = approvals(policy).stream().filter(a -> a.sha256().equals(sha256)).findFirst();
    if (approval.isEmpty()) {
      throw new PolicyNotApprovedException("policy " + policy + " (sha256 " + sha256 + ") has no approval: run "
          + "`sdelink policy review " + policy + "`, then `sdelink policy approve " + policy
          + " --reviewer NAME`");
    }
    Path copy = folder(policy).resolve(approval.get().approvedCopy());
    if (!Files.exists(copy) || !Policy.sha256Of(Files.readAllBytes(copy)).equals(sha256)) {
      throw new PolicyNotApprovedException("policy " + policy + " (sha256 " + sha256 + ") is listed as approved but "
          + "the approved copy " + copy + " is missing or differs: the approvals registry has been altered; restore "
          + "it from version control or approve the policy again");
    }
    return approval.get();
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
        Approval approval = new Approval(node.path("sequence").asInt(), policyName, node.path("sha256").asText(),
            node.path("reviewer").asText(), node.path("approved_at").asText(), node.path("approved_copy").asText());
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
      entry.put("sha256", approval.sha256());
      entry.put("reviewer", approval.reviewer());
      entry.put("approved_at", approval.approvedAt());
      entry.put("approved_copy", approval.approvedCopy());
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
