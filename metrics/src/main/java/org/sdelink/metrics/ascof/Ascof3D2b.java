package org.sdelink.metrics.ascof;

/**
 * ASCOF 3D_2b: the proportion of carers who receive direct payments
 * (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}; rule {@link SelfDirectedSupport#carer}). Denominator:
 * ranks 1-3; numerator: rank 1. Groups {@code 18-64}, {@code 65+} and {@code all} (which also holds persons
 * of unknown age).
 */
public final class Ascof3D2b extends SelfDirectedSupportShare {
  public Ascof3D2b() {
    super("3D_2b", SelfDirectedSupport::carer, 1, 3, 1);
  }
}
