package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;

/** The result of {@link QuasiIdentifierGeneraliser#apply}: the row with generalised values, or {@link #SUPPRESSED}. */
public final class GeneralisedRow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The row must not be released: its class is still smaller than k after generalisation. */
  public static final GeneralisedRow SUPPRESSED = new GeneralisedRow(null);

  private final ImmutableMap<String, String> values;

  private GeneralisedRow(ImmutableMap<String, String> values) {
    this.values = values;
  }

  /** A released row. */
  public static GeneralisedRow of(ImmutableMap<String, String> values) {
    return new GeneralisedRow(checkNotNull(values, "values"));
  }

  /** Whether the row is suppressed. */
  public boolean isSuppressed() {
    return values == null;
  }

  /** The released row's values, columns in input order. */
  public ImmutableMap<String, String> values() {
    checkState(values != null, "a suppressed row has no values: check isSuppressed() first");
    return values;
  }

  private Object readResolve() {
    return values == null ? SUPPRESSED : this;
  }

  @Override
  public String toString() {
    return values == null ? "GeneralisedRow.SUPPRESSED" : "GeneralisedRow{" + values.size() + " columns}";
  }
}
