package org.sdelink.pseudonymisation.validation;

import static com.google.common.base.Preconditions.checkState;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * The result of validating one identifier: a status (a reason code enum) and, when the status allows the
 * identifier to be used, the normalised value. Invalid identifiers carry no value, so they can never be
 * tokenised by mistake; the caller keeps the record and reports the status.
 *
 * <p>{@link #toString()} never shows the value, only whether one is present.
 */
public final class Validated<V, S extends Enum<S>> {
  private final V value;
  private final S status;

  private Validated(V value, S status) {
    this.value = value;
    this.status = checkNotNull(status, "status");
  }

  /** A usable value with its status (e.g. {@code VALID}, or {@code TEST_RANGE} for test NHS numbers). */
  public static <V, S extends Enum<S>> Validated<V, S> usable(V value, S status) {
    return new Validated<>(checkNotNull(value, "value"), status);
  }

  /** No usable value, only the reason. */
  public static <V, S extends Enum<S>> Validated<V, S> rejected(S status) {
    return new Validated<>(null, status);
  }

  public S status() {
    return status;
  }

  public Optional<V> value() {
    return Optional.ofNullable(value);
  }

  public boolean isUsable() {
    return value != null;
  }

  /** The value; throws when rejected. Use after {@link #isUsable()}. */
  public V get() {
    checkState(value != null, "no usable value: %s", status);
    return value;
  }

  public <T> Optional<T> map(Function<? super V, ? extends T> function) {
    return value().map(function);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Validated<?, ?> other
        && status == other.status
        && java.util.Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(value, status);
  }

  @Override
  public String toString() {
    return "Validated{status=" + status + ", value=" + (value == null ? "absent" : "present") + "}";
  }
}
