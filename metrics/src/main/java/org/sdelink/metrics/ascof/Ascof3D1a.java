package org.sdelink.metrics.ascof;

/**
 * ASCOF 3D_1a: the proportion of clients who use services who receive self-directed support
 * (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}; rule {@link SelfDirectedSupport#client}). Denominator:
 * ranks 3-6; numerator: ranks 3-4. Groups {@code 18-64}, {@code 65+} and {@code all} (which also holds persons
 * of unknown age).
 */
public final class Ascof3D1a extends SelfDirectedSupportShare {
  public Ascof3D1a() {
    super("3D_1a", SelfDirectedSupport::client, 3, 6, 4);
  }
}
