package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

/** The project a release is for: its identifier in the access register and its approved purpose. */
public record ProjectInfo(String id, String purpose) {

  public ProjectInfo {
    checkNotNull(id, "id");
    checkNotNull(purpose, "purpose");
  }
}
