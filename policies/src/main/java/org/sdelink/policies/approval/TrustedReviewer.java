package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** A reviewer the SDE trusts: the name approvals made with the key must carry, and the public key. */
public record TrustedReviewer(String name, ReviewerPublicKey key) {

  public TrustedReviewer {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "a trusted reviewer needs a name");
    checkNotNull(key, "key");
  }
}
