package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * ASCOF 3D_1a: the proportion of clients who use services who receive self-directed support
 * (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}; rule {@link SelfDirectedSupport#client}). Denominator:
 * ranks 3-6; numerator: ranks 3-4. Groups {@code 18-64}, {@code 65+} and {@code all} (which also holds persons
 * of unknown age).
 */
public final class Ascof3D1a implements AscofMeasure {
  @Override
  public String name() {
    return "3D_1a";
  }

  @Override
  public ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.ALL, AscofGroup.WORKING_AGE, AscofGroup.OLDER);
  }

  @Override
  public List<Contribution> contributions(AscofPerson person) {
    List<Contribution> out = new ArrayList<>();
    SelfDirectedSupport.client(person).filter(p -> p.rank() >= 3 && p.rank() <= 6).ifPresent(p -> {
      boolean inNumerator = p.rank() <= 4;
      out.add(Contribution.counted(name(), person.laCode(), AscofGroup.ALL, inNumerator));
      p.group().ifPresent(g -> out.add(Contribution.counted(name(), person.laCode(), g, inNumerator)));
    });
    return out;
  }
}
