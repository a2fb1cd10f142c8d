package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * ASCOF 2B: adults aged 18-64 whose long-term support needs are met by admission to residential and nursing care
 * homes, per 100,000 population (DHSC {@code Create_ASCOF_2B2C_2425_Onwards.sql}; rule {@link CareHomeAdmissions}).
 * The numerator is persons; the denominator is the operator's population estimate for the council and age band, so
 * a person contributes to the numerator only and the value is blank without a population file.
 */
public final class Ascof2B implements AscofMeasure {
  @Override
  public String name() {
    return "2B";
  }

  @Override
  public boolean perPopulation() {
    return true;
  }

  @Override
  public ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.WORKING_AGE);
  }

  @Override
  public List<Contribution> contributions(AscofPerson person) {
    return CareHomeAdmissions.group(person).filter(AscofGroup.WORKING_AGE::equals)
        .map(g -> List.of(Contribution.numeratorOnly(name(), person.laCode(), g))).orElse(List.of());
  }
}
