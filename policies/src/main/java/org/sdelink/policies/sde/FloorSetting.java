package org.sdelink.policies.sde;

import java.util.Optional;
import java.util.function.Function;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;

/**
 * The catalogue of policy thresholds the SDE sets a floor for: each names the policy setting (and the same path under
 * {@code floors:} in the SDE configuration), which way is stronger, the weakest value sdelink itself allows, and
 * whether the SDE must state it. A new threshold is a new constant here, nothing else.
 */
public enum FloorSetting {
  K("k_anonymity.k", Bound.AT_LEAST, true, 2, true,
      p -> p.kAnonymity().map(k -> (double) k.k())),
  MAX_SUPPRESSED_FRACTION("k_anonymity.max_suppressed_fraction", Bound.AT_MOST, false, 1, true,
      p -> p.kAnonymity().map(KAnonymityRules::maxSuppressedFraction)),
  COUNT_SUPPRESS_UP_TO("output_checks.count_tables.suppress_up_to", Bound.AT_LEAST, true,
      PolicyValidator.WEAKEST_COUNT_RULE.suppressUpTo(), false,
      p -> p.countTableRule().map(r -> (double) r.suppressUpTo())),
  COUNT_ROUND_TO("output_checks.count_tables.round_to", Bound.AT_LEAST, true,
      PolicyValidator.WEAKEST_COUNT_RULE.roundTo(), false,
      p -> p.countTableRule().map(r -> (double) r.roundTo())),
  MAGNITUDE_THRESHOLD("output_checks.magnitude_tables.threshold", Bound.AT_LEAST, true,
      PolicyValidator.WEAKEST_MAGNITUDE_RULES.threshold(), false,
      p -> p.magnitudeRules().map(r -> (double) r.threshold())),
  MAGNITUDE_P_RATIO("output_checks.magnitude_tables.p_ratio", Bound.AT_LEAST, false,
      PolicyValidator.WEAKEST_MAGNITUDE_RULES.pRatio(), false,
      p -> p.magnitudeRules().map(r -> r.pRatio())),
  MAGNITUDE_NK_N("output_checks.magnitude_tables.nk_n", Bound.AT_LEAST, true,
      PolicyValidator.WEAKEST_MAGNITUDE_RULES.nkN(), false,
      p -> p.magnitudeRules().map(r -> (double) r.nkN())),
  MAGNITUDE_NK_K("output_checks.magnitude_tables.nk_k", Bound.AT_MOST, false,
      PolicyValidator.WEAKEST_MAGNITUDE_RULES.nkK(), false,
      p -> p.magnitudeRules().map(r -> r.nkK()));

  /** Which way a floor bounds the policy's value. */
  public enum Bound {
    /** The policy's value must be at least the floor (a larger value protects more). */
    AT_LEAST,
    /** The policy's value must be at most the floor (a smaller value protects more). */
    AT_MOST
  }

  private final String path;
  private final Bound bound;
  private final boolean integral;
  private final double weakest;
  private final boolean required;
  private final Function<Policy, Optional<Double>> value;

  FloorSetting(String path, Bound bound, boolean integral, double weakest, boolean required,
      Function<Policy, Optional<Double>> value) {
    this.path = path;
    this.bound = bound;
    this.integral = integral;
    this.weakest = weakest;
    this.required = required;
    this.value = value;
  }

  /** The policy setting, e.g. {@code k_anonymity.k}; the floor is {@code floors.} and the same path. */
  public String path() {
    return path;
  }

  public Bound bound() {
    return bound;
  }

  /** Whether values are whole numbers. */
  public boolean integral() {
    return integral;
  }

  /** The weakest floor sdelink accepts (what the policy validator enforces anyway); the default when not required. */
  public double weakest() {
    return weakest;
  }

  /** Whether the SDE configuration must state this floor. */
  public boolean required() {
    return required;
  }

  /** The policy's value of the setting, when the policy has one. */
  public Optional<Double> valueIn(Policy policy) {
    return value.apply(policy);
  }

  /** Whether {@code policyValue} meets {@code floor}. */
  public boolean meets(double policyValue, double floor) {
    return bound == Bound.AT_LEAST ? policyValue >= floor : policyValue <= floor;
  }

  /** Whether {@code floor} is at least as strong as sdelink's own weakest value. */
  public boolean isNoWeakerThanBuiltIn(double floor) {
    return meets(floor, weakest);
  }

  /** A value as it is written in YAML: whole numbers without a decimal point. */
  public String format(double number) {
    return integral ? Long.toString((long) number) : Double.toString(number);
  }
}
