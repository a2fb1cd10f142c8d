package org.sdelink.pseudonymisation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * The pseudonymised form of one {@link RawIdentity}: tokens, statuses and the few values kept in clear
 * (birth year, postcode district, sex code), one per column of {@link IdentityColumns#ALL}, {@code ""} when
 * missing; plus the reason codes for every identifier that was missing or rejected. {@link #toString()}
 * shows the key id and flags only.
 */
public final class PseudonymisedIdentity {
  private final ImmutableList<String> values;
  private final ImmutableList<String> flags;

  PseudonymisedIdentity(String[] values, ImmutableList<String> flags) {
    checkArgument(values.length == IdentityColumns.ALL.size(), "expected one value per column");
    this.values = ImmutableList.copyOf(values);
    this.flags = checkNotNull(flags);
  }

  /** One value per column of {@link IdentityColumns#ALL}, in that order; {@code ""} for missing. */
  public ImmutableList<String> values() {
    return values;
  }

  /** Reason codes such as {@code NHS_NUMBER_INVALID_CHECK_DIGIT}, sorted. */
  public ImmutableList<String> flags() {
    return flags;
  }

  /** The value of one column by name, e.g. {@code value("nhs_number_token")}. */
  public String value(String column) {
    int index = IdentityColumns.ALL.indexOf(column);
    checkArgument(index >= 0, "no column %s; columns are %s", column, IdentityColumns.ALL);
    return values.get(index);
  }

  String value(IdentityColumn column) {
    return values.get(column.ordinal());
  }

  public String keyId() {
    return value(IdentityColumn.KEY_ID);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PseudonymisedIdentity other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "PseudonymisedIdentity{keyId=" + keyId() + ", flags=" + flags + "}";
  }

  static String[] emptyRow() {
    String[] row = new String[IdentityColumn.values().length];
    Arrays.fill(row, "");
    return row;
  }
}
