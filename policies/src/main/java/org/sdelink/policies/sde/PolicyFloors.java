package org.sdelink.policies.sde;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdelink.policies.InvalidPolicyException;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyProblem;

/**
 * The weakest thresholds the SDE lets any release policy set (minimum k, maximum suppressed fraction, the output-check
 * rules; see {@link FloorSetting}). They live in the SDE configuration, not in the policy, so editing a policy cannot
 * lower them: a policy below a floor fails {@code policy check}, {@code policy approve} and {@code publish}.
 */
public final class PolicyFloors {
  private final ImmutableMap<FloorSetting, Double> floors;
  private final String source;

  private PolicyFloors(ImmutableMap<FloorSetting, Double> floors, String source) {
    this.floors = floors;
    this.source = source;
  }

  /**
   * Floors with the values in {@code floors}; a setting not given takes its built-in weakest value.
   *
   * @throws IllegalArgumentException when a required floor is missing or a floor is weaker than sdelink's own
   */
  public static PolicyFloors of(Map<FloorSetting, Double> floors, String source) {
    checkNotNull(floors, "floors");
    checkNotNull(source, "source");
    Map<FloorSetting, Double> all = Maps.newEnumMap(FloorSetting.class);
    for (FloorSetting setting : FloorSetting.values()) {
      Double value = floors.get(setting);
      checkArgument(value != null || !setting.required(), "floors.%s is required", setting.path());
      double floor = value == null ? setting.weakest() : value;
      checkArgument(Double.isFinite(floor) && floor >= 0, "floors.%s must be a number from 0 up", setting.path());
      checkArgument(setting.isNoWeakerThanBuiltIn(floor), "floors.%s may not be %s than %s", setting.path(),
          setting.bound() == FloorSetting.Bound.AT_LEAST ? "lower" : "higher", setting.format(setting.weakest()));
      all.put(setting, floor);
    }
    return new PolicyFloors(ImmutableMap.copyOf(all), source);
  }

  /** The floor of {@code setting}. */
  public double floor(FloorSetting setting) {
    return floors.get(checkNotNull(setting, "setting"));
  }

  /** Every policy setting below its floor, each naming the setting, its value, the floor and where it is set. */
  public ImmutableList<PolicyProblem> problems(Policy policy) {
    checkNotNull(policy, "policy");
    List<PolicyProblem> problems = new ArrayList<>();
    if (policy.kAnonymity().isEmpty()) {
      problems.add(new PolicyProblem("k_anonymity", "is missing, but the SDE sets a floor of k = "
          + FloorSetting.K.format(floor(FloorSetting.K)) + " (floors.k_anonymity.k in " + source + "): add a "
          + "`k_anonymity:` section with k at least that"));
    }
    for (Map.Entry<FloorSetting, Double> floor : floors.entrySet()) {
      FloorSetting setting = floor.getKey();
      Optional<Double> value = setting.valueIn(policy);
      if (value.isPresent() && !setting.meets(value.get(), floor.getValue())) {
        problems.add(new PolicyProblem(setting.path(), "is " + setting.format(value.get()) + ", "
            + (setting.bound() == FloorSetting.Bound.AT_LEAST ? "below" : "above") + " the SDE's floor of "
            + setting.format(floor.getValue()) + " (floors." + setting.path() + " in " + source + "): make it "
            + (setting.bound() == FloorSetting.Bound.AT_LEAST ? "at least " : "at most ")
            + setting.format(floor.getValue()) + ". Floors are set by the SDE, not by the policy"));
      }
    }
    return ImmutableList.copyOf(problems);
  }

  /**
   * Returns {@code policy} when it meets every floor.
   *
   * @throws InvalidPolicyException listing each setting below its floor
   */
  public Policy requireMet(Policy policy) {
    ImmutableList<PolicyProblem> problems = problems(policy);
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(policy.name(), problems);
    }
    return policy;
  }

  @Override
  public String toString() {
    return "PolicyFloors{" + floors + " from " + source + "}";
  }
}
