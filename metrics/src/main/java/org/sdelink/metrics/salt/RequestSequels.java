package org.sdelink.metrics.salt;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * STS001 for one person: requests for support from new clients and their sequels (SALT STS001 replication code;
 * Principles pp.8-12). The service user's events starting by the year end (client alive at the year start) are the
 * history; requests are clustered ({@link EventClusters}, 4-day gaps); a cluster counts when it ends in the year and
 * the client is new when it starts ({@link NewClient}); conflicting outcomes on its last rows are settled by the
 * {@link OutcomeHierarchy}; its sequel is read from the chain of later events ({@link SequelChain}: first within 28
 * days, gaps of at most 3, stopping at another request; {@link Sts001Sequel}).
 *
 * <p>A cluster ends at the latest end of all its requests; the code takes the latest end among the requests that end
 * in the year, so it counts a cluster whose last request ends after the year (docs/statistics.md).
 */
public final class RequestSequels {
  /** Days after a request cluster in which its first sequel event must start. */
  public static final int FIRST_SEQUEL_WITHIN_DAYS = 28;
  /** Gap joining two requests into one cluster, inclusive. */
  public static final int REQUEST_GAP_DAYS = 4;

  /** One counted request: its route of access, sequel and, when the sequel was ST-Max, the ST-Max start dates. */
  public record Outcome(String routeOfAccess, Sts001Sequel.Result sequel, ImmutableList<LocalDate> stMaxStarts) {}

  static final List<String> ROUTES = List.of("Discharge from Hospital", "Diversion from Hospital Services",
      "Community / Other route", "Transfer from Other LA", "Self-Funder", "Planned Entry (Transition)", "Prison");

  private RequestSequels() {}

  static List<Outcome> of(PersonStatistics person) {
    LocalDate yearStart = person.year().start();
    LocalDate yearEnd = person.year().end();
    List<SaltEvent> events = person.history().stream()
        .filter(e -> e.isServiceUser() && !e.start().isAfter(yearEnd) && e.aliveOn(yearStart))
        .toList();
    List<SaltEvent> requests = events.stream().filter(e -> e.is(SaltEvent.REQUEST)).toList();
    EventClusters.Result clustered = EventClusters.of(requests, REQUEST_GAP_DAYS);
    person.count("deviation_request_events_split_by_previous_row", clustered.splitsByPreviousRow());
    List<Outcome> outcomes = new ArrayList<>();
    for (EventClusters.Cluster cluster : clustered.clusters()) {
      boolean inYear = person.year().contains(cluster.end());
      boolean publishedInYear = cluster.members().stream().anyMatch(m -> person.year().contains(m.end()));
      if (inYear != publishedInYear) {
        person.count("deviation_request_clusters_ending_after_year", 1);
      }
      if (!inYear) {
        continue;
      }
      if (!NewClient.isNew(cluster.start(), events)) {
        continue;
      }
      List<String> lastOutcomes = cluster.lastMembers().stream().map(SaltEvent::outcome).distinct().toList();
      String outcome = OutcomeHierarchy.best(lastOutcomes).orElseThrow();
      if (!outcome.equals(OutcomeHierarchy.publishedBest(lastOutcomes).orElseThrow())) {
        person.count("deviation_outcome_hierarchy_labels", 1);
      }
      List<String> routes = cluster.lastMembers().stream().filter(m -> m.outcome().equals(outcome))
          .map(m -> ROUTES.contains(m.routeOfAccess()) ? m.routeOfAccess()
              : PrimarySupportReasonChoice.INVALID)
          .distinct().sorted().toList();
      if (routes.size() > 1) {
        person.count("deviation_request_route_conflicts", 1);
      }
      List<SaltEvent> later = events.stream()
          .filter(e -> !e.start().isBefore(cluster.end()))
          .filter(e -> !(e.is(SaltEvent.REQUEST)
              && (e.start().equals(cluster.start()) || cluster.end().equals(e.end()))))
          .toList();
      SequelChain.Chain chain = SequelChain.after(cluster.end(), later, FIRST_SEQUEL_WITHIN_DAYS,
          e -> e.is(SaltEvent.REQUEST));
      Sts001Sequel.Result sequel = Sts001Sequel.of(chain, outcome);
      if (sequel.differsFromPublished()) {
        person.count("deviation_sts001_sequel_rules", 1);
      }
      ImmutableList<LocalDate> stMaxStarts = sequel.service().filter(s -> s.equals(StMaxSequels.ST_MAX)).isPresent()
          ? chain.events().stream().filter(e -> e.isService(StMaxSequels.ST_MAX)).map(SaltEvent::start).distinct()
              .collect(ImmutableList.toImmutableList())
          : ImmutableList.of();
      outcomes.add(new Outcome(routes.get(0), sequel, stMaxStarts));
    }
    return outcomes;
  }
}
