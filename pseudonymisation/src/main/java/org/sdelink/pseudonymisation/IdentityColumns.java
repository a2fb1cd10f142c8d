package org.sdelink.pseudonymisation;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * The column names of a {@link PseudonymisedIdentity}, in the order of
 * {@link PseudonymisedIdentity#values()}. See docs/pseudonymisation.md for what each holds.
 */
public final class IdentityColumns {
  public static final ImmutableList<String> ALL =
      Arrays.stream(IdentityColumn.values())
          .map(IdentityColumn::columnName)
          .collect(ImmutableList.toImmutableList());

  private IdentityColumns() {}
}
