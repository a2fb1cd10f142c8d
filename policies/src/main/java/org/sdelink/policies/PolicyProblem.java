package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One reason a policy cannot be used: {@code field} says where (e.g. {@code datasets.persons.nhs_number_token} or
 * {@code k_anonymity.k}) and {@code message} says what is wrong and what to do. Never holds data values.
 */
public record PolicyProblem(String field, String message) {

  public PolicyProblem {
    checkNotNull(field, "field");
    checkNotNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
