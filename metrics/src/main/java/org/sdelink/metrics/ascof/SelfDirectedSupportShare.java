package org.sdelink.metrics.ascof;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shape the four ASCOF 3D measures share (DHSC {@code Create_ASCOF_3D_2425_Onwards.sql}): a person placed by a
 * {@link SelfDirectedSupport} rule counts in the denominator when the placement's rank is in
 * {@code [lowest, highest]}, and in the numerator when it is at most {@code numeratorUpTo}; in {@code all} and in the
 * person's age group. Each measure is its own named class that says which rule and ranks.
 */
abstract class SelfDirectedSupportShare implements AscofMeasure {
  private final String name;
  private final Function<AscofPerson, Optional<SelfDirectedSupport.Placement>> rule;
  private final int lowest;
  private final int highest;
  private final int numeratorUpTo;

  SelfDirectedSupportShare(String name, Function<AscofPerson, Optional<SelfDirectedSupport.Placement>> rule,
      int lowest, int highest, int numeratorUpTo) {
    checkArgument(lowest <= numeratorUpTo && numeratorUpTo <= highest, "ranks out of order");
    this.name = checkNotNull(name, "name");
    this.rule = checkNotNull(rule, "rule");
    this.lowest = lowest;
    this.highest = highest;
    this.numeratorUpTo = numeratorUpTo;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.ALL, AscofGroup.WORKING_AGE, AscofGroup.OLDER);
  }

  @Override
  public final List<Contribution> contributions(AscofPerson person) {
    List<Contribution> out = new ArrayList<>();
    rule.apply(person).filter(p -> p.rank() >= lowest && p.rank() <= highest).ifPresent(p -> {
      boolean inNumerator = p.rank() <= numeratorUpTo;
      out.add(Contribution.counted(name, person.laCode(), AscofGroup.ALL, inNumerator));
      p.group().ifPresent(g -> out.add(Contribution.counted(name, person.laCode(), g, inNumerator)));
    });
    return out;
  }
}
