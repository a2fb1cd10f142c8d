package org.sdelink.pipelines.contract;

/**
 * A file that breaks its input contract as a whole (an undeclared or duplicate column, a missing required column, an
 * empty file). The run stops: the message names the file and the column and says what to do, never a data value.
 */
public final class InputContractException extends RuntimeException {
  public InputContractException(String message) {
    super(message);
  }
}
