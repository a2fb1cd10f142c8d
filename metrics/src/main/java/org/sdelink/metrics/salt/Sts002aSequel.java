package org.sdelink.metrics.salt;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The sequel of a new client's ST-Max period, as the STS002a table labels it (SALT STS002a replication code,
 * {@code FINAL_OUTCOME_MAPPED} by record type; Principles pp.16-18): the SALT category of the highest-ranking service
 * in the chain (type 2); else the category of the NFA outcome on the latest-ending NFA events, or {@code No services
 * provided – other} when they conflict (type 3); else the category of the ST-Max's own NFA outcome, or
 * {@code No Service Found} (type 4); with no later activity (type 1) or none in scope (type 5) {@code No_Chronology_}
 * and the category of the ST-Max outcome ({@code Service ended as planned} maps to {@code No services provided –
 * other} without the prefix).
 *
 * <p>Deviations (docs/statistics.md): the code's type-4 label for {@code Service ended as planned} is spelled with a
 * hyphen ({@code No services provided - other}), a second spelling of the en-dash category every other record type
 * uses; sdelink uses the en-dash category. Conflicting NFA outcomes means two different outcomes, as for STS001.
 */
public final class Sts002aSequel {
  static final String ENDED_AS_PLANNED = "Service ended as planned";

  /** The label, record type (1-5) and whether the published code would differ. */
  public record Result(String label, int recordType, boolean differsFromPublished) {}

  private Sts002aSequel() {}

  /** The sequel of an ST-Max cluster whose (settled) outcome is {@code stMaxOutcome}. */
  public static Result of(SequelChain.Chain chain, String stMaxOutcome) {
    checkNotNull(chain, "chain");
    checkNotNull(stMaxOutcome, "stMaxOutcome");
    switch (chain.kind()) {
      case NO_CHRONOLOGY:
        return new Result(noChronology(stMaxOutcome), 1, false);
      case OUT_OF_SCOPE:
        return new Result(noChronology(stMaxOutcome), 5, chain.openFirstEventLate());
      default:
        break;
    }
    var service = SequelServiceRank.STS002A.best(chain.events());
    if (service.isPresent()) {
      return new Result(Sts002aSequelMapping.of(service.get()).orElseThrow(), 2, false);
    }
    List<SaltEvent> nfa = chain.events().stream().filter(e -> isNfa(e.outcome())).toList();
    if (!nfa.isEmpty()) {
      LocalDate latest = nfa.stream().map(Sts001Sequel::endKey).max(Comparator.naturalOrder()).orElseThrow();
      List<SaltEvent> thatDay = nfa.stream().filter(e -> Sts001Sequel.endKey(e).equals(latest)).toList();
      List<String> outcomes = thatDay.stream().map(SaltEvent::outcome).distinct().toList();
      long rows = thatDay.stream().map(e -> e.eventType() + "|" + e.start() + "|" + e.outcome()).distinct().count();
      String label = outcomes.size() == 1
          ? Sts002aSequelMapping.of(outcomes.get(0)).orElse(Sts002aSequelMapping.NO_SERVICES_OTHER)
          : Sts002aSequelMapping.NO_SERVICES_OTHER;
      String published = rows == 1 ? label : Sts002aSequelMapping.NO_SERVICES_OTHER;
      return new Result(label, 3, !published.equals(label));
    }
    if (isNfa(stMaxOutcome)) {
      return new Result(Sts002aSequelMapping.of(stMaxOutcome).orElse(Sts002aSequelMapping.NO_SERVICES_OTHER), 4,
          false);
    }
    if (stMaxOutcome.equalsIgnoreCase(ENDED_AS_PLANNED)) {
      return new Result(Sts002aSequelMapping.NO_SERVICES_OTHER, 4, true);
    }
    return new Result(Sts001Sequel.NO_SERVICE_FOUND, 4, false);
  }

  private static String noChronology(String outcome) {
    if (outcome.equalsIgnoreCase(ENDED_AS_PLANNED)) {
      return Sts002aSequelMapping.NO_SERVICES_OTHER;
    }
    return Sts001Sequel.NO_CHRONOLOGY
        + Sts002aSequelMapping.of(outcome).orElse(Sts001SequelMapping.UNABLE_TO_CLASSIFY);
  }

  /** The code's {@code Event_Outcome like 'NFA%'}. */
  static boolean isNfa(String outcome) {
    return outcome.regionMatches(true, 0, "NFA", 0, 3);
  }
}
