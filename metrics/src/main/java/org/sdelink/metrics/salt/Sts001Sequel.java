package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sequel of a new client's request, as the STS001 table labels it (SALT STS001 replication code,
 * {@code FINAL_OUTCOME_MAPPED} by record type; Principles pp.10-12): the highest-ranking service in the chain (type 2);
 * else the NFA / End of Life outcome on the chain's latest-ending such events, or {@code No Services Provided - other
 * reason} when they conflict (type 3); else {@code No Service Found}, with the request's own definite outcome appended
 * (type 4); with no later activity (type 1) or none in scope (type 5) {@code No_Chronology_} and the mapping of the
 * request's outcome.
 *
 * <p>Deviations from the published code (docs/statistics.md): conflicting NFA outcomes means two different NFA
 * outcomes on the latest date, where the code counts every row of that date, NFA or not; an out-of-scope request whose
 * outcome the mapping lacks is labelled {@code No_Chronology_Unable_To_Classify}, where the code leaves NULL.
 */
public final class Sts001Sequel {
  static final String NO_CHRONOLOGY = "No_Chronology_";
  static final String NO_SERVICE_FOUND = "No Service Found";

  /** The label, record type (1-5), the service when one was found, and whether the published code would differ. */
  public record Result(String label, int recordType, Optional<String> service, boolean differsFromPublished) {}

  private Sts001Sequel() {}

  /** The sequel of a request cluster whose (settled) outcome is {@code requestOutcome}. */
  public static Result of(SequelChain.Chain chain, String requestOutcome) {
    checkNotNull(chain, "chain");
    checkNotNull(requestOutcome, "requestOutcome");
    switch (chain.kind()) {
      case NO_CHRONOLOGY:
        return new Result(noChronology(requestOutcome), 1, Optional.empty(), false);
      case OUT_OF_SCOPE:
        return new Result(noChronology(requestOutcome), 5, Optional.empty(),
            Sts001SequelMapping.description(requestOutcome).isEmpty() || chain.openFirstEventLate());
      default:
        break;
    }
    Optional<String> service = SequelServiceRank.STS001.best(chain.events());
    if (service.isPresent()) {
      return new Result(service.get(), 2, service, false);
    }
    List<SaltEvent> nfa = chain.events().stream()
        .filter(e -> Sts001SequelMapping.definite(e.outcome()).isPresent()).toList();
    if (!nfa.isEmpty()) {
      LocalDate latest = nfa.stream().map(Sts001Sequel::endKey).max(Comparator.naturalOrder()).orElseThrow();
      List<String> outcomes = nfa.stream().filter(e -> endKey(e).equals(latest)).map(SaltEvent::outcome)
          .distinct().toList();
      long rowsThatDay = chain.events().stream().filter(e -> endKey(e).equals(latest))
          .map(e -> List.of(e.eventType(), e.start().toString(), String.valueOf(e.end()), e.outcome()))
          .collect(Collectors.toSet()).size();
      String label = outcomes.size() == 1 ? Sts001SequelMapping.definite(outcomes.get(0)).orElseThrow()
          : Sts001SequelMapping.OTHER_REASON;
      String published = rowsThatDay == 1 ? label : Sts001SequelMapping.OTHER_REASON;
      return new Result(label, 3, Optional.empty(), !published.equals(label));
    }
    return new Result(Sts001SequelMapping.definite(requestOutcome).map(d -> NO_SERVICE_FOUND + "_" + d)
        .orElse(NO_SERVICE_FOUND), 4, Optional.empty(), false);
  }

  private static String noChronology(String outcome) {
    return NO_CHRONOLOGY + Sts001SequelMapping.description(outcome).orElse(Sts001SequelMapping.UNABLE_TO_CLASSIFY);
  }

  /** End date for "latest" ordering: an open end sorts lowest, as NULL does in SQL Server. */
  static LocalDate endKey(SaltEvent event) {
    return event.end() == null ? LocalDate.MIN : event.end();
  }
}
