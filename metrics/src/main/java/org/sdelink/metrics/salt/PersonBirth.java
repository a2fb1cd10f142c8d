package org.sdelink.metrics.salt;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's birth year and month, read from their rows: the pair on most rows (ties to the earliest), so that one
 * person has one age in every table. Rows without year or month do not vote; a person with no complete pair has an
 * unknown age.
 */
public final class PersonBirth {
  private PersonBirth() {}

  /** The person's derived age on {@code date} ({@link DerivedAge}). */
  public static OptionalInt ageOn(List<SaltEvent> rows, LocalDate date) {
    Map<List<Integer>, Long> votes = rows.stream()
        .filter(r -> r.birthYear() != null && r.birthMonth() != null)
        .map(r -> List.of(r.birthYear(), r.birthMonth()))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return votes.entrySet().stream()
        .max(Comparator.<Map.Entry<List<Integer>, Long>>comparingLong(Map.Entry::getValue)
            .thenComparing(e -> -(e.getKey().get(0) * 100 + e.getKey().get(1))))
        .map(e -> DerivedAge.at(e.getKey().get(0), e.getKey().get(1), date))
        .orElse(OptionalInt.empty());
  }
}
