package org.sdelink.metrics.ascof;

/**
 * ASCOF 3D_2a: the proportion of clients who use services who receive direct payments
 * (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}; rule {@link SelfDirectedSupport#client}). Denominator:
 * ranks 3-6; numerator: rank 3. Groups {@code 18-64}, {@code 65+} and {@code all} (which also holds persons
 * of unknown age).
 */
public final class Ascof3D2a extends SelfDirectedSupportShare {
  public Ascof3D2a() {
    super("3D_2a", SelfDirectedSupport::client, 3, 6, 3);
  }
}
