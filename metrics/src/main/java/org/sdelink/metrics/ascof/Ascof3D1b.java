package org.sdelink.metrics.ascof;

/**
 * ASCOF 3D_1b: the proportion of carers who receive self-directed support
 * (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}; rule {@link SelfDirectedSupport#carer}). Denominator:
 * ranks 1-3; numerator: ranks 1-2. Groups {@code 18-64}, {@code 65+} and {@code all} (which also holds persons
 * of unknown age).
 */
public final class Ascof3D1b extends SelfDirectedSupportShare {
  public Ascof3D1b() {
    super("3D_1b", SelfDirectedSupport::carer, 1, 3, 2);
  }
}
