package org.sdelink.pipelines.run;

/** A failure the user can fix (bad option, missing file, wrong password); its message says what to do. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
