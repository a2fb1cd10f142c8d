package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import java.nio.charset.StandardCharsets;

/**
 * One approval in a policy's approvals registry: which exact policy text (by SHA-256 of its bytes) of which project a
 * reviewer approved, when, where the approved copy of the text is kept (relative to the registry's folder), and the
 * reviewer's Ed25519 signature of {@link #signedStatement} with the key of fingerprint {@code keyFingerprint}. A
 * record read from a file may be unsigned (both empty); {@link TrustedReviewers#verify} refuses it.
 */
public record Approval(int sequence, String policy, String project, String sha256, String reviewer,
    String approvedAt, String approvedCopy, String keyFingerprint, String signature) {

  /** The first line of every signed statement: what it is and the version of its layout. */
  public static final String STATEMENT_HEADER = "sdelink policy approval v1";

  public Approval {
    checkArgument(sequence >= 1, "sequence must be >= 1");
    checkNotNull(policy, "policy");
    checkNotNull(project, "project");
    checkNotNull(sha256, "sha256");
    checkArgument(sha256.matches("[0-9a-f]{64}"), "sha256 must be 64 lower-case hex digits");
    checkNotNull(reviewer, "reviewer");
    checkNotNull(approvedAt, "approvedAt");
    checkNotNull(approvedCopy, "approvedCopy");
    checkNotNull(keyFingerprint, "keyFingerprint");
    checkNotNull(signature, "signature");
  }

  /** Whether the record carries a signature at all (a record written by hand usually does not). */
  public boolean isSigned() {
    return !signature.isEmpty() && !keyFingerprint.isEmpty();
  }

  /**
   * The exact bytes the reviewer signs: UTF-8 lines {@code name=value} after {@link #STATEMENT_HEADER}, for policy,
   * project, sha256, sequence, reviewer, approved_at, approved_copy and key, each ended by a newline. None of the
   * values may hold a control character, so no value can forge another line.
   */
  public byte[] signedStatement() {
    StringBuilder text = new StringBuilder(STATEMENT_HEADER).append('\n');
    line(text, "policy", policy);
    line(text, "project", project);
    line(text, "sha256", sha256);
    line(text, "sequence", Integer.toString(sequence));
    line(text, "reviewer", reviewer);
    line(text, "approved_at", approvedAt);
    line(text, "approved_copy", approvedCopy);
    line(text, "key", keyFingerprint);
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** This approval signed by {@code key}: its fingerprint and signature filled in. */
  Approval signedWith(ReviewerSigningKey key) {
    Approval unsigned = new Approval(sequence, policy, project, sha256, reviewer, approvedAt, approvedCopy,
        key.publicKey().fingerprint(), "");
    return new Approval(sequence, policy, project, sha256, reviewer, approvedAt, approvedCopy,
        unsigned.keyFingerprint(), java.util.Base64.getEncoder().encodeToString(key.sign(unsigned.signedStatement())));
  }

  private static void line(StringBuilder text, String name, String value) {
    checkArgument(CharMatcher.javaIsoControl().matchesNoneOf(value), "the approval's %s has control characters",
        name);
    text.append(name).append('=').append(value).append('\n');
  }
}
