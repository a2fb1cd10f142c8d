package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The population denominators of ASCOF 2B and 2C: the operator's mid-year estimates per council and age band
 * ({@code la_code,age_band,population}, age band {@code 18-64} or {@code 65+}). sdelink ships none; without an
 * estimate the value stays blank with its reason ({@link MeasureValue#NO_POPULATION}). {@code ENGLAND} is the sum over
 * councils, and only when every council asked about has an estimate.
 */
public final class Population {
  private final ImmutableMap<List<String>, Long> estimates;

  private Population(ImmutableMap<List<String>, Long> estimates) {
    this.estimates = estimates;
  }

  /** No estimates: every rate is blank. */
  public static Population none() {
    return new Population(ImmutableMap.of());
  }

  /** Estimates by (la_code, age_band). */
  public static Population of(Map<List<String>, Long> estimates) {
    checkNotNull(estimates, "estimates");
    Map<List<String>, Long> copy = new HashMap<>();
    estimates.forEach((key, value) -> {
      checkArgument(key.size() == 2, "a population key is (la_code, age_band)");
      checkArgument(key.get(1).equals(AscofGroup.WORKING_AGE) || key.get(1).equals(AscofGroup.OLDER),
          "population age_band must be 18-64 or 65+");
      checkArgument(value != null && value > 0, "a population estimate must be a positive whole number");
      copy.put(List.copyOf(key), value);
    });
    return new Population(ImmutableMap.copyOf(copy));
  }

  /** The estimate for one council and age band. */
  public Optional<Long> of(String laCode, String ageBand) {
    return Optional.ofNullable(estimates.get(List.of(laCode, ageBand)));
  }

  /** The sum over {@code councils}, or empty when any of them has no estimate. */
  public Optional<Long> sum(Collection<String> councils, String ageBand) {
    long total = 0;
    for (String council : councils) {
      Optional<Long> one = of(council, ageBand);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      total += one.get();
    }
    return councils.isEmpty() ? Optional.empty() : Optional.of(total);
  }
}
