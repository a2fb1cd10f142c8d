package org.sdelink.policies.sde;

/** The SDE configuration cannot be used (missing, writable by others, malformed); the message says what to fix. */
public final class SdeConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SdeConfigurationException(String message) {
    super(message);
  }
}
