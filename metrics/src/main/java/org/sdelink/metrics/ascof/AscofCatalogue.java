package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The ASCOF measures sdelink computes, in the order of {@code ascof.csv}. A new measure is one new class added here;
 * nothing else switches on the measure's name.
 */
public final class AscofCatalogue {
  /**
   * The measures computed from CLD alone. ASCOF 2D (discharges linked to reablement) needs the hospital data: the
   * statistics stage computes it apart ({@code Ascof2DStatistics}) and writes its rows into {@code ascof.csv} after 2C
   * (docs/statistics.md).
   */
  public static final ImmutableList<AscofMeasure> MEASURES = ImmutableList.of(
      new Ascof2A(), new Ascof2B(), new Ascof2C(),
      new Ascof2EPart1(), new Ascof2EPart2(),
      new Ascof3D1a(), new Ascof3D2a(), new Ascof3D1b(), new Ascof3D2b());

  private AscofCatalogue() {}

  /** Every contribution of {@code person} to every measure. */
  public static List<Contribution> contributions(AscofPerson person) {
    checkNotNull(person, "person");
    return MEASURES.stream().flatMap(m -> m.contributions(person).stream()).toList();
  }

  /** The measure called {@code name}. */
  public static Optional<AscofMeasure> byName(String name) {
    return MEASURES.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
