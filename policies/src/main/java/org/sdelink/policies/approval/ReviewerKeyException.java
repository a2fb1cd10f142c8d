package org.sdelink.policies.approval;

/** A reviewer's key file cannot be made or used (wrong password, weak password, exposed file); the message says why. */
public final class ReviewerKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReviewerKeyException(String message) {
    super(message);
  }
}
