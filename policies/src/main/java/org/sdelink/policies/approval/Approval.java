package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One approval in a policy's approvals registry: which exact policy text (by SHA-256 of its bytes) a reviewer
 * approved, when, and where the approved copy of the text is kept (relative to the registry's folder).
 */
public record Approval(int sequence, String policy, String sha256, String reviewer, String approvedAt,
    String approvedCopy) {

  public Approval {
    checkArgument(sequence >= 1, "sequence must be >= 1");
    checkNotNull(policy, "policy");
    checkNotNull(sha256, "sha256");
    checkArgument(sha256.matches("[0-9a-f]{64}"), "sha256 must be 64 lower-case hex digits");
    checkNotNull(reviewer, "reviewer");
    checkNotNull(approvedAt, "approvedAt");
    checkNotNull(approvedCopy, "approvedCopy");
  }
}
