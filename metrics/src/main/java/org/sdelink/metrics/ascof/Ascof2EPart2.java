package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * ASCOF 2E part 2: the proportion of people who receive long-term support who live in their home or with family, all
 * primary support reasons (DHSC {@code Create_ASCOF_2E_2425_Onwards.sql} with {@code @LD_Filter = 0}; rule {@link
 * LongTermSupportAtHome}). Groups {@code 18-64} and {@code 65+}, as the code outputs them (it has no all-ages row).
 */
public final class Ascof2EPart2 implements AscofMeasure {
  @Override
  public String name() {
    return "2E_part2";
  }

  @Override
  public ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.WORKING_AGE, AscofGroup.OLDER);
  }

  @Override
  public List<Contribution> contributions(AscofPerson person) {
    return LongTermSupportAtHome.of(person)
        .map(c -> List.of(Contribution.counted(name(), person.laCode(), c.group(), c.atHome())))
        .orElse(List.of());
  }
}
