package org.sdelink.pipelines.flow;

import static org.sdelink.pipelines.flow.SaltReference.is;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sdelink.pipelines.flow.SaltReference.Row;

/**
 * An independent, plain-loop reading of NHS England's SALT replication code for the request and ST-Max tables
 * ({@code SALT STS001|STS002a|STS002b/... replication code.txt}) and of the Principles' approach for LTS002a/b
 * (pp.28-32,
 * no code), over the raw generated rows of {@link SaltReference}. Written from the SQL's steps and the deviations
 * docs/statistics.md lists (numbers in the comments), never from the statistics stage's classes.
 *
 * <p>The SQL's steps, per council and client: {@code #ALL_EVENTS_BUILD} / {@code #SUBSET_BUILD} (service users, events
 * starting by the year end), the hybrid client id, the latest received version of each event by its concatenated key
 * without the end date (deviation 8: assessments and reviews too, and requests in STS002a/b); islands and gaps
 * ({@code PreviousEndDate >= DATEADD(DAY, -N, start)}, deviation 2: against the latest end so far); the cluster's last
 * rows ({@code DENSE_RANK ... End DESC = 1}); {@code #ONGOING}; {@code #REF_Event_Outcome_Hierarchy} (deviation 4);
 * {@code #CLUSTER} with {@code LAG}, {@code In_Chain}, {@code In_Scope} and the breaking flag as running minimums
 * over the start-date order (peers of one start date fall together; deviation 3: the first-event window applies to
 * an open first event too); record types 1-5 and their labels (deviations 6 and 7).
 */
final class SaltSequelReference {
  static final String ST_MAX = "Short Term Support: ST-Max";
  private static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

  private static final List<String> LONG_TERM = List.of("Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison");

  /** STS001 {@code #REF_Service_Type}, in hierarchy order. */
  private static final List<String> STS001_SERVICES = List.of(ST_MAX, "Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison",
      "Short Term Support: Ongoing Low Level", "Short Term Support: Other Short Term");

  /** STS002a {@code #REF_Service_Type_Delivery_Mech}, in hierarchy order. */
  private static final List<String> STS002A_SERVICES = STS001_SERVICES.subList(1, STS001_SERVICES.size());

  /** {@code #REF_Event_Outcome_Hierarchy} with its three labels spelled as the defined list (deviation 4). */
  private static final List<String> OUTCOME_HIERARCHY = List.of("Progress to Reablement/ST-Max",
      "Progress to Assessment", "Admitted to hospital", "Progress to Re-assessment / Unplanned Review",
      "Progress to Support Planning / Services", "Progress to End of Life Care", "No change in package",
      "Service ended as planned", "Progress to financial assessment", "Provision of service", "NFA - Deceased",
      "NFA - Moved to another LA", "NFA - 100% NHS funded care", "NFA - Information & Advice / Signposting only",
      "NFA - Self-funded client (Inc. 12wk disregard)", "NFA - Support declined",
      "NFA - Support ended: Other reason", "NFA - No services offered: Other reason", "NFA- Other");

  /** STS001 {@code #REF_SEQUEL_MAPPING}: outcome to {Mapping_Code, Mapping_Description}. */
  private static final Map<String, String[]> STS001_MAPPING = new LinkedHashMap<>();

  /** STS002a {@code #REF_ST_MAX_Sequel_Mappings}. */
  private static final Map<String, String> STS002A_MAPPING = new LinkedHashMap<>();

  private static final String OTHER_REASON = "No Services Provided - other reason";
  private static final String NO_SERVICES_OTHER = "No services provided – other";
  private static final String EARLY = "Early cessation of service (not leading to long term support) - 100% NHS "
      + "funded care/End of Life/deceased";

  static {
    for (String unable : List.of("Progress to Reablement/ST-Max", "Progress to Assessment", "Admitted to hospital",
        "Progress to Re-assessment / Unplanned Review", "Progress to Support Planning / Services",
        "No change in package", "Service ended as planned", "Progress to financial assessment",
        "Provision of service")) {
      STS001_MAPPING.put(unable, new String[] {"2", "Unable_To_Classify"});
    }
    STS001_MAPPING.put("Progress to End of Life Care", new String[] {"1", "End of Life"});
    STS001_MAPPING.put("NFA - 100% NHS funded care", new String[] {"1", "100% NHS Funded Care"});
    STS001_MAPPING.put("NFA - Information & Advice / Signposting only",
        new String[] {"1", "Universal Services/ Signposted to other services"});
    STS001_MAPPING.put("NFA - Deceased", new String[] {"1", "No Services Provided - Deceased"});
    for (String other : List.of("NFA - Moved to another LA", "NFA - Self-funded client (Inc. 12wk disregard)",
        "NFA - Support declined", "NFA - No services offered: Other reason", "NFA - Support ended: Other reason",
        "NFA- Other")) {
      STS001_MAPPING.put(other, new String[] {"1", OTHER_REASON});
    }
    STS002A_MAPPING.put("NFA - 100% NHS funded care", EARLY);
    STS002A_MAPPING.put("NFA - Deceased", EARLY);
    STS002A_MAPPING.put("NFA - Self-funded client (Inc. 12wk disregard)",
        "No services provided – needs identified but self-funding");
    STS002A_MAPPING.put("NFA - Support declined", "No services provided – needs identified but support declined");
    STS002A_MAPPING.put("NFA - Information & Advice / Signposting only",
        "No Services Provided – Universal Services / signposted to other services");
    for (String other : List.of("NFA - Moved to another LA", "NFA- Other", "NFA - No services offered: Other reason",
        "NFA - Support ended: Other reason", "Progress to End of Life Care", "Admitted to hospital")) {
      STS002A_MAPPING.put(other, NO_SERVICES_OTHER);
    }
    for (String longTerm : LONG_TERM) {
      STS002A_MAPPING.put(longTerm, "Long Term Support (any setting)");
    }
    STS002A_MAPPING.put("Short Term Support: Ongoing Low Level", "Ongoing Low Level Support");
    STS002A_MAPPING.put("Short Term Support: Other Short Term", "Short Term Support (other)");
  }

  private SaltSequelReference() {}

  /** A value's entry in a case-insensitive lookup. */
  private static <V> V lookup(Map<String, V> map, String value) {
    if (value == null) {
      return null;
    }
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(value)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static int indexOf(List<String> list, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (is(value, list.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static LocalDate end(Row r) {
    return r.end() == null ? OPEN : r.end();
  }

  private static boolean inYear(LocalDate d, LocalDate start, LocalDate end) {
    return !d.isBefore(start) && !d.isAfter(end);
  }

  /** A client: council and hybrid id; its de-duplicated rows. */
  record Client(String la, String id, List<Row> rows) {}

  /**
   * The SQL's build table after the id and de-duplication steps, per client: service users' requests, assessments,
   * services and reviews starting by {@code end}, received by {@code submittedBy} (null: all), each event's rows of
   * its latest received submission only.
   */
  static List<Client> clients(List<Row> raw, LocalDate end, LocalDate submittedBy) {
    List<Row> build = new ArrayList<>();
    for (Row r : raw) {
      boolean type = is(r.eventType(), "Request") || is(r.eventType(), "Assessment") || is(r.eventType(), "Service")
          || is(r.eventType(), "Review");
      if (type && is(r.clientType(), "Service User") && r.start() != null && !r.start().isAfter(end)
          && (submittedBy == null || !r.received().isAfter(submittedBy))) {
        build.add(r);
      }
    }
    List<String> ids = SaltReference.ids(build);
    // CONC -> the latest ImportDate; then keep the rows of that date (DENSE_RANK = 1).
    Map<String, LocalDate> latest = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < build.size(); i++) {
      String key = ids.get(i) == null ? null : conc(build.get(i), ids.get(i));
      keys.add(key);
      if (key != null) {
        latest.merge(key, build.get(i).received(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    Map<String, List<Row>> byClient = new TreeMap<>();
    for (int i = 0; i < build.size(); i++) {
      if (keys.get(i) != null && build.get(i).received().equals(latest.get(keys.get(i)))) {
        byClient.computeIfAbsent(build.get(i).la() + "\t" + ids.get(i), k -> new ArrayList<>()).add(build.get(i));
      }
    }
    List<Client> clients = new ArrayList<>();
    byClient.forEach((k, rows) -> clients.add(new Client(k.substring(0, k.indexOf('\t')),
        k.substring(k.indexOf('\t') + 1), rows)));
    return clients;
  }

  private static String conc(Row r, String id) {
    String lower = r.eventType().toLowerCase(java.util.Locale.ROOT);
    String common = String.join("|", r.la(), id, lower, String.valueOf(r.clientType()).toLowerCase(),
        r.start().toString());
    return switch (lower) {
      case "request" -> common + "|" + String.valueOf(r.route()).toLowerCase();
      case "service" -> common + "|" + String.join("|", String.valueOf(r.serviceType()),
          String.valueOf(r.component()), String.valueOf(r.mechanism())).toLowerCase();
      case "assessment" -> common + "|" + String.valueOf(r.assessmentType()).toLowerCase();
      default -> common;
    };
  }

  /** The client's age band at the year end from their birth year and month (deviation 10: unknown counted). */
  static String ageBand(Client c, LocalDate yearEnd) {
    Map<String, Integer> births = new TreeMap<>();
    for (Row r : c.rows()) {
      if (r.birthYear() != null && r.birthMonth() != null) {
        births.merge(r.birthYear() + "-" + r.birthMonth(), 1, Integer::sum);
      }
    }
    if (births.isEmpty()) {
      return "unknown";
    }
    String birth = births.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    int age = (int) Math.floor(ChronoUnit.DAYS.between(LocalDate.of(Integer.parseInt(birth.split("-")[0]),
        Integer.parseInt(birth.split("-")[1]), 1), yearEnd) / 365.25);
    return age < 18 ? null : age <= 64 ? "18-64" : "65+";
  }

  /** One island: start, end (OPEN when open) and its rows. */
  record Island(LocalDate start, LocalDate end, List<Row> rows) {
    List<Row> last() {
      return rows.stream().filter(r -> SaltSequelReference.end(r).equals(end)).toList();
    }
  }

  /** Islands and gaps with gaps of at most {@code gap} days (deviation 2: against the latest end so far). */
  static List<Island> islands(List<Row> rows, int gap) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::start).thenComparing(SaltSequelReference::end));
    List<Island> islands = new ArrayList<>();
    List<Row> current = new ArrayList<>();
    LocalDate start = null;
    LocalDate last = null;
    for (Row r : sorted) {
      boolean joins = last != null && (last.equals(OPEN) || !last.isBefore(r.start().minusDays(gap)));
      if (!joins && !current.isEmpty()) {
        islands.add(new Island(start, last, current));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        start = r.start();
        last = end(r);
      } else if (end(r).isAfter(last)) {
        last = end(r);
      }
      current.add(r);
    }
    if (!current.isEmpty()) {
      islands.add(new Island(start, last, current));
    }
    return islands;
  }

  /** {@code #ONGOING}: a long-term support service open when the cluster starts. */
  static boolean ongoing(LocalDate clusterStart, List<Row> rows) {
    for (Row r : rows) {
      if (is(r.eventType(), "Service") && indexOf(LONG_TERM, r.serviceType()) >= 0 && !clusterStart.isBefore(r.start())
          && (r.end() == null || !clusterStart.isAfter(r.end()))) {
        return true;
      }
    }
    return false;
  }

  /** The outcome settled by the hierarchy on the island's last rows (unranked: 99; ties: the first by name). */
  static String settledOutcome(Island island) {
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Row r : island.last()) {
      String outcome = r.outcome() == null ? "" : r.outcome();
      int rank = indexOf(OUTCOME_HIERARCHY, outcome);
      rank = rank < 0 ? 99 : rank;
      if (rank < bestRank || rank == bestRank && outcome.compareTo(best) < 0) {
        best = outcome;
        bestRank = rank;
      }
    }
    return best;
  }

  /** What {@code #CLUSTER} and {@code #..._WITH_BREAKS} leave: null = no later rows, empty = none in scope. */
  static List<Row> chain(Island island, List<Row> rows, int firstWithin, java.util.function.Predicate<Row> breaks,
      java.util.function.Predicate<Row> self) {
    List<Row> later = new ArrayList<>();
    for (Row r : rows) {
      if (!r.start().isBefore(island.end())
          && !(self.test(r) && (r.start().equals(island.start()) || island.end().equals(r.end())))) {
        later.add(r);
      }
    }
    if (later.isEmpty()) {
      return null;
    }
    // The order of LAG among rows of one start date: by end date (open last), then event, service and outcome.
    later.sort(Comparator.comparing(Row::start).thenComparing(SaltSequelReference::end)
        .thenComparing(r -> String.valueOf(r.eventType()).toLowerCase())
        .thenComparing(r -> String.valueOf(r.serviceType()).toLowerCase())
        .thenComparing(r -> String.valueOf(r.outcome()).toLowerCase()));
    if (ChronoUnit.DAYS.between(island.end(), later.get(0).start()) > firstWithin) {
      return List.of();
    }
    // Flags per row; running minimums over start-date order include the row's peers (same start date).
    int n = later.size();
    int[] flag = new int[n];
    for (int i = 0; i < n; i++) {
      Row previous = i == 0 ? null : later.get(i - 1);
      boolean gap = previous != null && previous.end() != null
          && ChronoUnit.DAYS.between(previous.end(), later.get(i).start()) > 3;
      flag[i] = gap || breaks.test(later.get(i)) ? 0 : 1;
    }
    List<Row> kept = new ArrayList<>();
    int running = 1;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && later.get(j).start().equals(later.get(i).start())) {
        running = Math.min(running, flag[j]);
        j++;
      }
      if (running == 0) {
        break;
      }
      kept.addAll(later.subList(i, j));
      i = j;
    }
    return kept;
  }

  /** The best service type of a chain under a hierarchy, or null. */
  private static String bestService(List<Row> chain, List<String> hierarchy) {
    int best = Integer.MAX_VALUE;
    for (Row r : chain) {
      int rank = is(r.eventType(), "Service") ? indexOf(hierarchy, r.serviceType()) : -1;
      if (rank >= 0) {
        best = Math.min(best, rank);
      }
    }
    return best == Integer.MAX_VALUE ? null : hierarchy.get(best);
  }

  /**
   * {@code #FIND_NEXT_OTHER_NFA}: among the chain's rows whose outcome is "definite" (by {@code definite}), the
   * distinct outcomes on the latest end date (open ends sort lowest, as NULL in SQL Server); empty when none.
   */
  private static Set<String> latestDefinite(List<Row> chain, java.util.function.Predicate<String> definite) {
    LocalDate latest = null;
    for (Row r : chain) {
      if (r.outcome() != null && definite.test(r.outcome())) {
        LocalDate e = r.end() == null ? LocalDate.MIN : r.end();
        latest = latest == null || e.isAfter(latest) ? e : latest;
      }
    }
    Set<String> outcomes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Row r : chain) {
      LocalDate e = r.end() == null ? LocalDate.MIN : r.end();
      if (r.outcome() != null && definite.test(r.outcome()) && e.equals(latest)) {
        outcomes.add(r.outcome());
      }
    }
    return outcomes;
  }

  private static String sts001NoChronology(String outcome) {
    String[] mapping = lookup(STS001_MAPPING, outcome);
    return "No_Chronology_" + (mapping == null ? "Unable_To_Classify" : mapping[1]); // deviation 7
  }

  private static boolean definite001(String outcome) {
    String[] mapping = lookup(STS001_MAPPING, outcome);
    return mapping != null && mapping[0].equals("1");
  }

  /** STS001 and the STS002a cohort it stages. */
  record Sts001(Map<String, Map<String, Long>> table, Set<String> stMaxCohort) {}

  /** STS001: key {@code age_band TAB route_of_access TAB sequel}; the cohort holds {@code la TAB id TAB start}. */
  static Sts001 sts001(List<Client> clients, LocalDate start, LocalDate end) {
    Map<String, Map<String, Long>> table = new TreeMap<>();
    Set<String> cohort = new HashSet<>();
    List<String> routes = List.of("Discharge from Hospital", "Diversion from Hospital Services",
        "Community / Other route", "Transfer from Other LA", "Self-Funder", "Planned Entry (Transition)", "Prison");
    for (Client c : clients) {
      String band = ageBand(c, end);
      if (band == null) {
        continue;
      }
      // #ALL_EVENTS: the client alive at the year start.
      List<Row> all = c.rows().stream().filter(r -> r.death() == null || !r.death().isBefore(start)).toList();
      List<Row> requests = all.stream().filter(r -> is(r.eventType(), "Request")).toList();
      for (Island island : islands(requests, 4)) {
        // Deviation 5: the island ends at its latest end, counted when that is in the year.
        if (!inYear(island.end(), start, end) || ongoing(island.start(), all)) {
          continue;
        }
        String outcome = settledOutcome(island);
        Set<String> roas = new TreeSet<>();
        for (Row r : island.last()) {
          if (is(r.outcome() == null ? "" : r.outcome(), outcome)) {
            int i = indexOf(routes, r.route());
            roas.add(i < 0 ? "Invalid/NULL" : routes.get(i));
          }
        }
        String route = roas.iterator().next(); // deviation 11
        List<Row> chain = chain(island, all, 28, r -> is(r.eventType(), "Request"),
            r -> is(r.eventType(), "Request"));
        String label;
        if (chain == null || chain.isEmpty()) {
          label = sts001NoChronology(outcome);
        } else {
          String service = bestService(chain, STS001_SERVICES);
          if (service != null) {
            label = service;
            if (service.equals(ST_MAX)) {
              for (Row r : chain) {
                if (is(r.eventType(), "Service") && is(r.serviceType(), ST_MAX)) {
                  cohort.add(c.la() + "\t" + c.id() + "\t" + r.start());
                }
              }
            }
          } else {
            Set<String> nfa = latestDefinite(chain, SaltSequelReference::definite001);
            if (!nfa.isEmpty()) {
              label = nfa.size() == 1 ? lookup(STS001_MAPPING, nfa.iterator().next())[1] : OTHER_REASON; // dev. 6
            } else {
              label = definite001(outcome) ? "No Service Found_" + lookup(STS001_MAPPING, outcome)[1]
                  : "No Service Found";
            }
          }
        }
        table.computeIfAbsent(c.la(), k -> new TreeMap<>()).merge(band + "\t" + route + "\t" + label, 1L, Long::sum);
      }
    }
    return new Sts001(table, cohort);
  }

  private static boolean nfa(String outcome) {
    return outcome != null && outcome.regionMatches(true, 0, "NFA", 0, 3);
  }

  private static String sts002aNoChronology(String outcome) {
    if (is(outcome, "Service ended as planned")) {
      return NO_SERVICES_OTHER;
    }
    String mapped = lookup(STS002A_MAPPING, outcome);
    return "No_Chronology_" + (mapped == null ? "Unable_To_Classify" : mapped);
  }

  /** The ST-Max rows of {@code #ST_MAX_BUILD}, distinct by start, end and outcome. */
  private static List<Row> stMaxBuild(Client c, LocalDate start, Set<String> cohort) {
    List<Row> build = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row r : c.rows()) {
      if (is(r.eventType(), "Service") && is(r.serviceType(), ST_MAX)
          && (r.death() == null || !r.death().isBefore(start))
          && (cohort == null || cohort.contains(c.la() + "\t" + c.id() + "\t" + r.start()))
          && seen.add(r.start() + "|" + r.end() + "|" + String.valueOf(r.outcome()).toLowerCase())) {
        build.add(r);
      }
    }
    return build;
  }

  /** STS002a: key {@code age_band TAB sequel}. */
  static Map<String, Map<String, Long>> sts002a(List<Client> clients, Set<String> cohort, LocalDate start,
      LocalDate end) {
    Map<String, Map<String, Long>> table = new TreeMap<>();
    for (Client c : clients) {
      String band = ageBand(c, end);
      if (band == null) {
        continue;
      }
      for (Island island : islands(stMaxBuild(c, start, cohort), 1)) {
        if (!inYear(island.end(), start, end)) {
          continue;
        }
        String outcome = settledOutcome(island);
        java.util.function.Predicate<Row> stMax = r -> is(r.eventType(), "Service") && is(r.serviceType(), ST_MAX);
        List<Row> chain = chain(island, c.rows(), 3, stMax, stMax);
        String label;
        if (chain == null || chain.isEmpty()) {
          label = sts002aNoChronology(outcome);
        } else {
          String service = bestService(chain, STS002A_SERVICES);
          if (service != null) {
            label = lookup(STS002A_MAPPING, service);
          } else {
            Set<String> nfas = latestDefinite(chain, SaltSequelReference::nfa);
            if (!nfas.isEmpty()) {
              String mapped = nfas.size() == 1 ? lookup(STS002A_MAPPING, nfas.iterator().next()) : null;
              label = mapped == null ? NO_SERVICES_OTHER : mapped;
            } else if (nfa(outcome)) {
              String mapped = lookup(STS002A_MAPPING, outcome);
              label = mapped == null ? NO_SERVICES_OTHER : mapped;
            } else if (is(outcome, "Service ended as planned")) {
              label = NO_SERVICES_OTHER; // deviation 7: the en dash
            } else {
              label = "No Service Found";
            }
          }
        }
        table.computeIfAbsent(c.la(), k -> new TreeMap<>()).merge(band + "\t" + label, 1L, Long::sum);
      }
    }
    return table;
  }

  /** STS002b: distinct ST-Max islands of existing clients ending in the year; key {@code age_band}. */
  static Map<String, Map<String, Long>> sts002b(List<Client> clients, LocalDate start, LocalDate end) {
    Map<String, Map<String, Long>> table = new TreeMap<>();
    for (Client c : clients) {
      String band = ageBand(c, end);
      if (band == null) {
        continue;
      }
      for (Island island : islands(stMaxBuild(c, start, null), 1)) {
        if (inYear(island.end(), start, end) && ongoing(island.start(), c.rows())) {
          table.computeIfAbsent(c.la(), k -> new TreeMap<>()).merge(band, 1L, Long::sum);
        }
      }
    }
    return table;
  }

  /**
   * LTS002a ({@code planned} false: unplanned reviews by reason, of LTS001a clients) and LTS002b ({@code planned}
   * true: planned reviews by outcome, of LTS001c clients), from the Principles' approach (deviation 9): reviews in the
   * chosen submission, service user, reviewed with or without the carer, ending in the year, each distinct (start,
   * end, reason, outcome) once; values outside the defined lists read Invalid/NULL.
   */
  static Map<String, Map<String, Long>> lts002(List<Row> latest, Set<String> persons, boolean planned,
      LocalDate start, LocalDate end) {
    List<String> reasons = List.of("Unplanned - Hospital (Planned and unplanned episodes)",
        "Unplanned - Carer related", "Unplanned - Safeguarding concern", "Unplanned - Other Reason",
        "Unplanned - Provider Failure", "Unplanned - Change in Commissioning arrangements");
    List<Row> reviews = latest.stream().filter(r -> is(r.eventType(), "Review") && is(r.clientType(), "Service User")
        && (is(r.reviewMethod(), "Service user only") || is(r.reviewMethod(), "Service user and carer"))
        && r.end() != null && inYear(r.end(), start, end)).toList();
    List<String> ids = SaltReference.ids(reviews);
    Map<String, Map<String, Long>> table = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < reviews.size(); i++) {
      Row r = reviews.get(i);
      String person = r.la() + "\t" + ids.get(i);
      String band = persons.stream().filter(p -> p.startsWith(person + "\t")).map(p -> p.substring(person.length() + 1))
          .findFirst().orElse(null);
      if (ids.get(i) == null || band == null
          || !seen.add(person + "|" + r.start() + "|" + r.end() + "|" + r.reviewReason() + "|" + r.outcome())) {
        continue;
      }
      String cell;
      if (planned) {
        if (!is(r.reviewReason(), "Planned")) {
          continue;
        }
        int rank = indexOf(OUTCOME_HIERARCHY, r.outcome());
        cell = rank < 0 ? "Invalid/NULL" : OUTCOME_HIERARCHY.get(rank);
      } else {
        if (r.reviewReason() == null || !r.reviewReason().regionMatches(true, 0, "Unplanned - ", 0, 12)) {
          continue;
        }
        int k = indexOf(reasons, r.reviewReason());
        cell = k < 0 ? "Invalid/NULL" : reasons.get(k);
      }
      table.computeIfAbsent(r.la(), x -> new TreeMap<>()).merge(band + "\t" + cell, 1L, Long::sum);
    }
    return table;
  }
}
