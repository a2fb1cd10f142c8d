package org.sdelink.pipelines.cli;

import org.sdelink.pipelines.run.UserError;
import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pseudonymisation.keys.KeyStoreRefusedException;

/**
 * Turns a failure into one line a person can act on. Messages of sdelink's own exceptions are written never to carry
 * data values; for anything else only the exception type is shown, since a library message may quote input.
 */
final class ErrorMessages {
  private ErrorMessages() {}

  static String describe(Throwable e) {
    Throwable cause = unwrap(e);
    if (isUserFacing(cause)) {
      return cause.getMessage();
    }
    if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
      return "file not found: " + cause.getMessage() + " (check the path)";
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied: " + cause.getMessage() + " (check the file's owner and mode)";
    }
    String own = ownMessage(cause);
    if (own != null) {
      return own;
    }
    return "failed with " + cause.getClass().getSimpleName()
        + " (no details are shown, as they may quote input values; run again with --debug)";
  }

  static int exitCode(Throwable e) {
    Throwable cause = unwrap(e);
    return isUserFacing(cause) ? 2 : 1;
  }

  /**
   * Exceptions whose messages sdelink writes for the user, never with data values: they say what is wrong and what to
   * do, so they are shown as they are and end the run with exit code 2.
   */
  private static boolean isUserFacing(Throwable cause) {
    return cause instanceof UserError
        || cause instanceof org.sdelink.linkage.model.ModelSpecException
        || cause instanceof InputContractException
        || cause instanceof KeyStoreRefusedException
        || cause instanceof org.sdelink.policies.InvalidPolicyException
        || cause instanceof org.sdelink.policies.PolicyFormatException
        || cause instanceof org.sdelink.policies.approval.PolicyNotApprovedException
        || cause instanceof org.sdelink.policies.approval.ReviewerKeyException
        || cause instanceof org.sdelink.policies.sde.SdeConfigurationException
        || cause instanceof org.sdelink.policies.kanonymity.KAnonymityNotReachedException;
  }

  /** sdelink's own classes write messages without data values; others may quote input, so they are not shown. */
  private static String ownMessage(Throwable cause) {
    StackTraceElement[] trace = cause.getStackTrace();
    if (trace.length > 0 && trace[0].getClassName().startsWith("org.sdelink.")
        && (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException)
        && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return null;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof org.apache.beam.sdk.Pipeline.PipelineExecutionException
            || current instanceof java.util.concurrent.ExecutionException
            || current.getClass().getName().endsWith("UncheckedExecutionException")
            || current instanceof java.lang.reflect.InvocationTargetException
            || (current instanceof RuntimeException && current.getClass() == RuntimeException.class))
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
