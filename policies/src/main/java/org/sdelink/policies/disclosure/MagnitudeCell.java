package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableDoubleArray;

/**
 * One cell of a magnitude table (e.g. the total cost of care for an age band and local authority): its row and
 * column labels and each contributor's amount (one per person or provider, already summed per contributor).
 */
public record MagnitudeCell(String row, String column, ImmutableDoubleArray contributions) {

  public MagnitudeCell {
    checkNotNull(row, "row");
    checkNotNull(column, "column");
    checkNotNull(contributions, "contributions");
  }

  /** A cell with the given contributions. */
  public static MagnitudeCell of(String row, String column, double... contributions) {
    return new MagnitudeCell(row, column, ImmutableDoubleArray.copyOf(contributions));
  }

  /** The cell's total. */
  public double total() {
    double sum = 0;
    for (int i = 0; i < contributions.length(); i++) {
      sum += contributions.get(i);
    }
    return sum;
  }
}
