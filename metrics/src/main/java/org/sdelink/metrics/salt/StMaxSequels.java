package org.sdelink.metrics.salt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * ST-Max periods of one person: the ST-Max services clustered with 1-day gaps ({@link EventClusters}), counted when
 * the cluster ends in the year. STS002a takes the periods that followed a new client's request (STS001's ST-Max
 * sequels) and reads what followed them ({@link SequelChain}: first within 3 days, gaps of at most 3, stopping at
 * another ST-Max; {@link Sts002aSequel}); STS002b takes the periods of existing clients, those with long-term support
 * open when the period starts (SALT STS002a and STS002b replication code; Principles pp.14-21).
 */
public final class StMaxSequels {
  public static final String ST_MAX = "Short Term Support: ST-Max";
  /** Gap joining two ST-Max services into one period, inclusive. */
  public static final int ST_MAX_GAP_DAYS = 1;
  /** Days after an ST-Max period in which its first sequel event must start. */
  public static final int FIRST_SEQUEL_WITHIN_DAYS = 3;

  private StMaxSequels() {}

  private static List<SaltEvent> subset(PersonStatistics person) {
    LocalDate yearEnd = person.year().end();
    return person.history().stream().filter(e -> e.isServiceUser() && !e.start().isAfter(yearEnd)).toList();
  }

  private static List<EventClusters.Cluster> periodsEndingInYear(PersonStatistics person, List<SaltEvent> stMax) {
    List<SaltEvent> distinct = new ArrayList<>();
    List<List<Object>> seen = new ArrayList<>();
    for (SaltEvent e : stMax) {
      List<Object> key = java.util.Arrays.asList(e.start(), e.end(), e.outcome());
      if (!seen.contains(key)) {
        seen.add(key);
        distinct.add(e);
      }
    }
    EventClusters.Result clustered = EventClusters.of(distinct, ST_MAX_GAP_DAYS);
    person.count("deviation_st_max_events_split_by_previous_row", clustered.splitsByPreviousRow());
    return clustered.clusters().stream().filter(c -> person.year().contains(c.end())).toList();
  }

  /** The STS002a sequels of the person's new-client ST-Max periods. */
  static List<Sts002aSequel.Result> newClientSequels(PersonStatistics person) {
    List<LocalDate> cohort = person.stMaxCohortStarts();
    if (cohort.isEmpty()) {
      return List.of();
    }
    List<SaltEvent> subset = subset(person);
    List<SaltEvent> stMax = subset.stream()
        .filter(e -> e.isService(ST_MAX) && e.aliveOn(person.year().start()) && cohort.contains(e.start()))
        .toList();
    List<Sts002aSequel.Result> results = new ArrayList<>();
    for (EventClusters.Cluster cluster : periodsEndingInYear(person, stMax)) {
      List<String> lastOutcomes = cluster.lastMembers().stream().map(SaltEvent::outcome).distinct().toList();
      String outcome = OutcomeHierarchy.best(lastOutcomes).orElseThrow();
      if (!outcome.equals(OutcomeHierarchy.publishedBest(lastOutcomes).orElseThrow())) {
        person.count("deviation_outcome_hierarchy_labels", 1);
      }
      List<SaltEvent> later = subset.stream()
          .filter(e -> !e.start().isBefore(cluster.end()))
          .filter(e -> !(e.isService(ST_MAX) && (e.start().equals(cluster.start()) || cluster.end().equals(e.end()))))
          .toList();
      SequelChain.Chain chain = SequelChain.after(cluster.end(), later, FIRST_SEQUEL_WITHIN_DAYS,
          e -> e.isService(ST_MAX));
      Sts002aSequel.Result sequel = Sts002aSequel.of(chain, outcome);
      if (sequel.differsFromPublished()) {
        person.count("deviation_sts002a_sequel_rules", 1);
      }
      results.add(sequel);
    }
    return results;
  }

  /** The number of the person's ST-Max periods ending in the year that began while long-term support was open. */
  static int existingClientPeriods(PersonStatistics person) {
    List<SaltEvent> subset = subset(person);
    List<SaltEvent> stMax = subset.stream()
        .filter(e -> e.isService(ST_MAX) && e.aliveOn(person.year().start())).toList();
    return (int) periodsEndingInYear(person, stMax).stream()
        .filter(c -> !NewClient.isNew(c.start(), subset)).count();
  }
}
