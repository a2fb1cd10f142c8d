package org.sdelink.policies;

/** A policy or catalogue file that cannot be read as YAML at all; validation problems are reported separately. */
public final class PolicyFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyFormatException(String message) {
    super(message);
  }

  public PolicyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
