package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming count of quasi-identifier combinations: add one key per record (values in the gate's
 * {@link KAnonymityGate#fields()} order), or pre-counted keys, then hand {@link #counts()} to the gate. Not
 * thread-safe.
 */
public final class QuasiIdentifierCounts {
  private final int arity;
  private final Map<ImmutableList<String>, Long> counts = new HashMap<>();

  private QuasiIdentifierCounts(int arity) {
    this.arity = arity;
  }

  /** An empty count of keys with {@code arity} values each. */
  public static QuasiIdentifierCounts withArity(int arity) {
    checkArgument(arity >= 1, "arity must be >= 1");
    return new QuasiIdentifierCounts(arity);
  }

  /** Counts one record with quasi-identifier values {@code key}. */
  public QuasiIdentifierCounts add(List<String> key) {
    return add(key, 1);
  }

  /** Counts {@code records} records with quasi-identifier values {@code key}. */
  public QuasiIdentifierCounts add(List<String> key, long records) {
    checkNotNull(key, "key");
    checkArgument(key.size() == arity, "a key needs %s values, got %s", arity, key.size());
    checkArgument(records >= 0, "records cannot be negative");
    if (records > 0) {
      counts.merge(ImmutableList.copyOf(key), records, Long::sum);
    }
    return this;
  }

  /** Adds every count of {@code other}. */
  public QuasiIdentifierCounts addAll(Map<? extends List<String>, Long> other) {
    other.forEach(this::add);
    return this;
  }

  /** The counts so far. */
  public ImmutableMap<List<String>, Long> counts() {
    return ImmutableMap.copyOf(counts);
  }
}
