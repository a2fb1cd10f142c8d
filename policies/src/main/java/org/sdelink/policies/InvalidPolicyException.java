package org.sdelink.policies;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.stream.Collectors;

/** A policy that failed validation; the message lists every problem, one a line. */
public final class InvalidPolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<PolicyProblem> problems;

  public InvalidPolicyException(String policyName, ImmutableList<PolicyProblem> problems) {
    super("policy " + policyName + " has " + problems.size() + " problem(s); fix each and run `sdelink policy check` "
        + "again:\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = checkNotNull(problems, "problems");
  }

  /** The problems, in the order found. */
  public ImmutableList<PolicyProblem> problems() {
    return problems;
  }
}
