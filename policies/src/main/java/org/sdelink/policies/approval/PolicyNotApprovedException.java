package org.sdelink.policies.approval;

/** The exact bytes of a policy file have no approval in its registry, so nothing may be published under it. */
public final class PolicyNotApprovedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyNotApprovedException(String message) {
    super(message);
  }
}
