package org.sdelink.policies.approval;

import static com.google.common.base.Preconditions.checkNotNull;

/** An approval with the exact policy text it approved, for diffing the next version against. */
public record ApprovedVersion(Approval approval, String text) {

  public ApprovedVersion {
    checkNotNull(approval, "approval");
    checkNotNull(text, "text");
  }
}
