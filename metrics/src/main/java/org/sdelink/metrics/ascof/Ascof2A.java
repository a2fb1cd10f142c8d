package org.sdelink.metrics.ascof;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * ASCOF 2A: the proportion of people who received short-term services during the year, who previously were not
 * receiving services, where no further request was made for ongoing support (DHSC {@code
 * Create_ASCOF_2A_2425_Onwards.sql}). Counted per reablement episode ({@link ReablementEpisodes}), not per person: each
 * episode's {@link ReablementSequel} says whether it is in the denominator and the numerator. Groups {@code all}
 * (which also holds episodes of persons of unknown age, the code's {@code ROLLUP}), {@code 18-64} and {@code 65+}.
 */
public final class Ascof2A implements AscofMeasure {
  @Override
  public String name() {
    return "2A";
  }

  @Override
  public ImmutableList<String> groups() {
    return ImmutableList.of(AscofGroup.ALL, AscofGroup.WORKING_AGE, AscofGroup.OLDER);
  }

  @Override
  public List<Contribution> contributions(AscofPerson person) {
    List<Contribution> out = new ArrayList<>();
    for (ReablementEpisodes.Episode episode : ReablementEpisodes.of(person)) {
      ReablementSequel.Sequel sequel = ReablementSequel.of(person, episode);
      if (!sequel.inDenominator()) {
        continue;
      }
      out.add(Contribution.counted(name(), person.laCode(), AscofGroup.ALL, sequel.inNumerator()));
      episode.group().ifPresent(g -> out.add(Contribution.counted(name(), person.laCode(), g, sequel.inNumerator())));
    }
    return out;
  }
}
