package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The reviewers whose approvals the SDE accepts, each a name and an Ed25519 public key, as listed in the SDE
 * configuration (a file the SDE writes, not the policy authors or reviewers). An approval counts only if it is signed,
 * by a key listed here, under that key's name, and the signature is right for every field of the record.
 */
public final class TrustedReviewers {
  private final ImmutableMap<String, TrustedReviewer> byFingerprint;
  private final String source;

  private TrustedReviewers(ImmutableMap<String, TrustedReviewer> byFingerprint, String source) {
    this.byFingerprint = byFingerprint;
    this.source = source;
  }

  /**
   * The reviewers listed in {@code source} (named in messages).
   *
   * @throws IllegalArgumentException when two entries hold the same key
   */
  public static TrustedReviewers of(Iterable<TrustedReviewer> reviewers, String source) {
    checkNotNull(reviewers, "reviewers");
    checkNotNull(source, "source");
    ImmutableMap.Builder<String, TrustedReviewer> map = ImmutableMap.builder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TrustedReviewer reviewer : reviewers) {
      checkArgument(seen.add(reviewer.key().fingerprint()), "the key %s is listed twice",
          reviewer.key().fingerprint());
      map.put(reviewer.key().fingerprint(), reviewer);
    }
    return new TrustedReviewers(map.buildOrThrow(), source);
  }

  /** The reviewer holding the key of {@code fingerprint}, if trusted. */
  public Optional<TrustedReviewer> byFingerprint(String fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  /** Every trusted reviewer, in the order listed. */
  public ImmutableList<TrustedReviewer> all() {
    return byFingerprint.values().asList();
  }

  /** Where the list comes from (the SDE configuration file), for messages. */
  public String source() {
    return source;
  }

  /**
   * Returns the trusted reviewer who signed {@code approval}, entry of {@code registry}.
   *
   * @throws PolicyNotApprovedException when it is unsigned, signed by a key not listed, carries another name than the
   *     key's, or its signature does not match its fields
   */
  public TrustedReviewer verify(Approval approval, Path registry) {
    checkNotNull(approval, "approval");
    checkNotNull(registry, "registry");
    String entry = "approval " + approval.sequence() + " in " + registry;
    if (!approval.isSigned()) {
      throw new PolicyNotApprovedException(entry + " is not signed: it was not made by `sdelink policy approve` "
          + "(a record added by hand is never accepted). Remove it, and have a trusted reviewer approve the policy "
          + "with `sdelink policy approve ... --key THEIR_KEY`");
    }
    Optional<TrustedReviewer> reviewer = byFingerprint(approval.keyFingerprint());
    if (reviewer.isEmpty()) {
      throw new PolicyNotApprovedException(entry + " is signed with the key " + approval.keyFingerprint()
          + ", which is not a trusted reviewer's key in " + source + ": only the SDE adds reviewers there. If the "
          + "reviewer is entitled to approve, the SDE adds their public key; otherwise remove the record");
    }
    if (!reviewer.get().name().equals(approval.reviewer())) {
      throw new PolicyNotApprovedException(entry + " names another reviewer than the holder of its key "
          + approval.keyFingerprint() + " (listed in " + source + "): the registry has been altered; restore it "
          + "from version control or approve the policy again");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(approval.signature());
    } catch (IllegalArgumentException e) {
      signature = new byte[0];
    }
    boolean valid;
    try {
      valid = reviewer.get().key().verifies(approval.signedStatement(), signature);
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new PolicyNotApprovedException(entry + " has a signature that does not match its fields (policy, "
          + "project, sha256, sequence, reviewer, time, copy, key): the registry has been altered; restore it from "
          + "version control or approve the policy again");
    }
    return reviewer.get();
  }

  @Override
  public String toString() {
    return "TrustedReviewers{" + byFingerprint.keySet() + " from " + source + "}";
  }
}
