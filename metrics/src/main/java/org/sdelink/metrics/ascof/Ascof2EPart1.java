package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * ASCOF 2E part 1: the proportion of people aged 18-64 with a learning disability as their primary support reason
 * who receive long-term support and live in their home or with family (DHSC {@code Create_ASCOF_2E_2425_Onwards.sql}
 * with {@code @LD_Filter = 1}; rule {@link LongTermSupportAtHome}). Group {@code 18-64} only.
 */
public final class Ascof2EPart1 implements AscofMeasure {
  @Override
  public String name() {
    return "2E_part1";
  }

  @Override
  public ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.WORKING_AGE);
  }

  @Override
  public List<Contribution> contributions(AscofPerson person) {
    return LongTermSupportAtHome.of(person)
        .filter(c -> c.group().equals(AscofGroup.WORKING_AGE)
            && c.primarySupportReason().equals(AscofCodes.LEARNING_DISABILITY))
        .map(c -> List.of(Contribution.counted(name(), person.laCode(), c.group(), c.atHome())))
        .orElse(List.of());
  }
}
