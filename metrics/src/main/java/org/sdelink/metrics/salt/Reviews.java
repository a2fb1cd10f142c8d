package org.sdelink.metrics.salt;

import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Objects;

/**
 * Reviews of long-term clients for LTS002a and LTS002b. NHS England published the approach only, no code (Principles
 * pp.28-32); sdelink's reading: reviews in the council's chosen submission of service users, by the client alone or
 * with their carer ({@code Method_of_Review}), ending in the year, each distinct review (start, end, reason, outcome)
 * counted once. LTS002a counts the unplanned reviews (reason beginning {@code Unplanned - }) of LTS001a clients by
 * reason; LTS002b the planned reviews of LTS001c clients by the review's event outcome. Values outside the defined
 * lists read {@code Invalid/NULL}.
 */
public final class Reviews {
  static final ImmutableSet<String> METHODS = ImmutableSet.of("Service user only", "Service user and carer");
  static final String UNPLANNED_PREFIX = "Unplanned - ";
  static final String PLANNED = "Planned";

  private Reviews() {}

  private static List<SaltEvent> reviews(PersonStatistics person) {
    return person.chosen().stream()
        .filter(e -> e.is(SaltEvent.REVIEW) && e.isServiceUser() && METHODS.contains(e.methodOfReview())
            && person.year().contains(e.end()))
        .filter(distinctBy())
        .toList();
  }

  private static java.util.function.Predicate<SaltEvent> distinctBy() {
    java.util.Set<List<Object>> seen = new java.util.HashSet<>();
    return e -> seen.add(java.util.Arrays.asList(e.start(), e.end(), e.reviewReason(), e.outcome()));
  }

  /** The reasons of the person's unplanned reviews, one entry per review. */
  static List<String> unplanned(PersonStatistics person) {
    return reviews(person).stream()
        .filter(e -> e.reviewReason().regionMatches(true, 0, UNPLANNED_PREFIX, 0, UNPLANNED_PREFIX.length()))
        .map(e -> Spellings.isKnown(e.reviewReason()) ? e.reviewReason() : PrimarySupportReasonChoice.INVALID)
        .toList();
  }

  /** The outcomes of the person's planned reviews, one entry per review. */
  static List<String> planned(PersonStatistics person) {
    return reviews(person).stream()
        .filter(e -> Objects.equals(e.reviewReason(), PLANNED))
        .map(e -> OutcomeHierarchy.rank(e.outcome()) != OutcomeHierarchy.UNRANKED ? e.outcome()
            : PrimarySupportReasonChoice.INVALID)
        .toList();
  }
}
