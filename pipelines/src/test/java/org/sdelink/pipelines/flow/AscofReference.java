package org.sdelink.pipelines.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.pseudonymisation.dates.DateOfBirth;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;

/**
 * An independent, plain-loop reading of DHSC's ASCOF code (repository DataS-DHSC/ASC-CLD-LA-Dashboard, {@code
 * ASCOF_measures/Create_ASCOF_2A|2B2C|2E|3D_2425_Onwards.sql} and {@code Create_personal_details_table.sql}) over the
 * raw files {@code sdelink generate} writes, without the statistics stage's classes, so that the two can be compared
 * numerator by numerator. Values are read the way the DHSC code reads them: in their Release 2 ("cleaned") spelling,
 * lower case, so a Release 1 council's values are mapped first ({@link #R2}).
 *
 * <p>The rows are DHSC's joined main table ({@link DhscMainTableReference}: chosen files with reference periods,
 * the person as the NHS number or else the council-local id, events in period, closed services, unique events). Taken
 * as sdelink documents it (docs/statistics.md): the outcome hierarchy of 2A is DHSC's REF_Event_Outcome_Hierarchy_R2
 * with its +100 penalty (A9); a blank service component is kept in 2B/2C (A1) and categorised by mechanism for carers
 * in 3D (A2). Covered: 2A, 2B, 2C and the four 3D measures
 * (numerators and denominators), and the 2E denominators (the 2E numerators need the accommodation derivation of the
 * person details table, not re-implemented here). Keys are {@code measure TAB la_code TAB group}, values {numerator,
 * denominator}.
 */
final class AscofReference {
  static final String ENGLAND = "ENGLAND";
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final LocalDate FAR = LocalDate.of(9999, 1, 1);

  /** Release 1 values (lower case) and the Release 2 value the DHSC cleaning gives them. */
  private static final Map<String, String> OTHER_R2 = Map.ofEntries(
      Map.entry("carer", "unpaid carer"),
      Map.entry("carer known by association", "unpaid carer known by association"),
      Map.entry("carer support: direct to carer", "unpaid carer support: direct to unpaid carer"),
      Map.entry("carer support: support involving the person cared-for",
          "unpaid carer support: support involving the person cared-for"),
      Map.entry("home support", "home support or domiciliary care"),
      Map.entry("social support: support to carer", "social support: support to unpaid carer"),
      Map.entry("tenant", "tenant: local authority or other social housing provider"),
      Map.entry("tenant - private landlord", "tenant: private landlord"),
      Map.entry("settled mainstream housing with family / friends", "settled mainstream housing with family or friends"),
      Map.entry("supported accommodation / supported lodgings / supported group home",
          "supported accommodation, supported lodgings or supported group home"),
      Map.entry("sheltered housing / extra care housing / other sheltered housing",
          "sheltered housing, extra care housing or other sheltered housing"),
      Map.entry("mobile accommodation for gypsy / roma and traveller communities",
          "mobile accommodation for gypsy, roma and traveller communities"),
      Map.entry("rough sleeper / squatting", "rough sleeper or squatting"),
      Map.entry("night shelter / emergency hostel / direct access hostel",
          "night shelter, emergency hostel or direct access hostel"),
      Map.entry("staying with family / friends as a short-term guest",
          "staying with family or friends as a short term guest"),
      Map.entry("acute / long-term healthcare residential facility or hospital",
          "acute hospital or long term healthcare residential facility"),
      Map.entry("prison / young offenders institution / detention centre",
          "prison, young offenders institution or detention centre"));

  /** Every Release 1 value above and the Release 1 outcomes ({@link DhscMainTableReference#R1_OUTCOMES}). */
  private static final Map<String, String> R2 = withOutcomes();

  private static Map<String, String> withOutcomes() {
    Map<String, String> all = new java.util.HashMap<>(OTHER_R2);
    all.putAll(DhscMainTableReference.R1_OUTCOMES);
    return Map.copyOf(all);
  }

  /** 2E's #REF_Accommodation_Status rows of group 1 (own home or family), lower case. */
  private static final Set<String> SETTLED = Set.of("owner occupier or shared ownership scheme",
      "tenant: local authority or other social housing provider", "tenant: private landlord",
      "settled mainstream housing with family or friends",
      "supported accommodation, supported lodgings or supported group home", "shared lives scheme",
      "approved premises for offenders released from prison or under probation supervision",
      "sheltered housing, extra care housing or other sheltered housing",
      "mobile accommodation for gypsy, roma and traveller communities", "unknown: presumed at home");
  /** Every accommodation value of that table (group 0 or 1): the values the cleaning maps to. */
  private static final Set<String> ACCOMMODATION_VALUES = Set.of("rough sleeper or squatting",
      "night shelter, emergency hostel or direct access hostel", "refuge",
      "placed in temporary accommodation by the council (inc. homelessness resettlement)",
      "staying with family or friends as a short term guest",
      "acute hospital or long term healthcare residential facility", "registered care home",
      "registered nursing home", "prison, young offenders institution or detention centre",
      "other temporary accommodation", "unknown");
  /** Release 2 primary support reasons that the cleaning knows (lower case; Release 1 texts differing only in case). */
  private static final Set<String> PSR_VALUES = Set.of("physical support: access & mobility only",
      "physical support: personal care support", "sensory support: support for visual impairment",
      "sensory support: support for hearing impairment", "sensory support: support for dual impairment",
      "support with memory & cognition", "learning disability support", "mental health support",
      "social support: substance misuse support", "social support: asylum seeker support",
      "social support: support for social isolation/other", "social support: support to unpaid carer", "unknown");

  /** 2A's outcomes with DHSC's +100 penalty (they say nothing of the sequel): REF_Event_Outcome_Hierarchy_R2 + 100. */
  private static final Set<String> PENALISED = Set.of("continuation of support or services",
      "progress to support planning or services", "progress to assessment, review or reassessment",
      "progress to reablement/st-max", "release 1 specification only: not mapped");

  private static final String NURSING = "long term support: nursing care";
  private static final String RESIDENTIAL = "long term support: residential care";
  private static final String COMMUNITY = "long term support: community";
  private static final String PRISON = "long term support: prison";
  private static final String ST_MAX = "short term support: st-max";
  private static final String LOW = "short term support: ongoing low level";
  private static final String OTHER_ST = "short term support: other short term";
  private static final String ST_CARE_HOME = "short term support: residential or nursing care";
  private static final List<String> SERVICE_ORDER = List.of(NURSING, RESIDENTIAL, COMMUNITY, PRISON, ST_MAX, LOW,
      OTHER_ST);
  private static final Set<String> TWO_A_NUMERATOR = Set.of(LOW, OTHER_ST,
      "nfa: information and advice or signposting", "nfa: support ended as planned",
      "nfa: responsibility moved to another local authority", "nfa: other",
      "nfa: no services offered for other reason", "nfa: support ended for other reason",
      "nfa: referral to other service within the local authority");
  private static final Set<String> TWO_A_DENOMINATOR_ONLY = Set.of(NURSING, RESIDENTIAL, COMMUNITY, PRISON,
      ST_CARE_HOME);

  /** One raw row, codes in lower-case Release 2 spelling (null when blank). */
  record Row(String la, String person, String file, LocalDate received, LocalDate periodStart, LocalDate periodEnd,
      Integer birthYear,
      Integer birthMonth, LocalDate death, String clientType, String eventType, LocalDate start, LocalDate end,
      String outcome, String route, String assessmentType, String serviceType, String component,
      String mechanism, String psr, String accommodation) {
    LocalDate endOrFar() {
      return end == null ? FAR : end;
    }
  }

  private AscofReference() {}

  /** Every row of every file listed in {@code generated/cld/submissions.csv} with a council-local person id. */
  static List<Row> read(Path generated, LocalDate referenceDate) throws IOException {
    Path list = generated.resolve("cld").resolve("submissions.csv");
    List<Row> rows = new ArrayList<>();
    for (CSVRecord submission : parse(list)) {
      String file = submission.get("file");
      LocalDate received = LocalDate.parse(submission.get("received_date"));
      for (CSVRecord r : parse(list.resolveSibling(file))) {
        String local = text(r.get("LA_Person_Unique_Identifier"));
        LocalDate start = date(r.get("Event_Start_Date"));
        if (local == null || start == null) {
          continue;
        }
        // Der_NHS_LA_Combined_Person_ID: the NHS number as the pseudonymiser tokenises it, else the local id
        var nhs = NhsNumber.validate(r.get("NHS_Number"));
        String person = nhs.isUsable() ? nhs.get().digits() : "local:" + local;
        LocalDate dob = date(r.get("Date_of_Birth"));
        boolean usable = dob != null && DateOfBirth.validate(dob.toString(), referenceDate).isUsable();
        rows.add(new Row(r.get("LA_Code").strip(), person, file, received,
            date(r.get("Reporting_Period_Start_Date")), date(r.get("Reporting_Period_End_Date")),
            usable ? dob.getYear() : null, usable ? dob.getMonthValue() : null, date(r.get("Date_of_Death")),
            code(r.get("Client_Type")), code(r.get("Event_Type")), start, date(r.get("Event_End_Date")),
            code(r.get("Event_Outcome")), code(r.get("Request_Route_of_Access")), code(r.get("Assessment_Type")),
            code(r.get("Service_Type")), code(r.get("Service_Component")), code(r.get("Delivery_Mechanism")),
            code(r.get("Primary_Support_Reason")), code(r.get("Accommodation_Status"))));
      }
    }
    return rows;
  }

  /** DHSC's joined main table ({@link DhscMainTableReference}): council TAB person to its unique events. */
  static Map<String, List<Row>> persons(List<Row> rows, DhscMainTableReference.Selection selection) {
    return DhscMainTableReference.persons(rows, selection, FIELDS);
  }

  private static final DhscMainTableReference.Fields<Row> FIELDS = new DhscMainTableReference.Fields<>() {
    @Override public String la(Row r) {
      return r.la();
    }

    @Override public String file(Row r) {
      return r.file();
    }

    @Override public LocalDate received(Row r) {
      return r.received();
    }

    @Override public String person(Row r) {
      return r.person();
    }

    @Override public LocalDate start(Row r) {
      return r.start();
    }

    @Override public LocalDate end(Row r) {
      return r.end();
    }

    @Override public LocalDate death(Row r) {
      return r.death();
    }

    @Override public String type(Row r) {
      return r.eventType();
    }

    @Override public String clientType(Row r) {
      return r.clientType();
    }

    @Override public String route(Row r) {
      return r.route();
    }

    @Override public String assessmentType(Row r) {
      return r.assessmentType();
    }

    @Override public String serviceType(Row r) {
      return r.serviceType();
    }

    @Override public String component(Row r) {
      return r.component();
    }

    @Override public String mechanism(Row r) {
      return r.mechanism();
    }

    @Override public String outcome(Row r) {
      return r.outcome();
    }

    @Override public Row with(Row r, DhscMainTableReference.Period p, LocalDate end) {
      return new Row(r.la(), r.person(), r.file(), r.received(), p.start(), p.end(), r.birthYear(), r.birthMonth(),
          r.death(), r.clientType(), r.eventType(), r.start(), end, r.outcome(), r.route(), r.assessmentType(),
          r.serviceType(), r.component(), r.mechanism(), r.psr(), r.accommodation());
    }
  };

  /** Every measure's cells, per council and ENGLAND: {@code measure TAB la TAB group -> {numerator, denominator}}. */
  static Map<String, long[]> measures(Map<String, List<Row>> persons, LocalDate start, LocalDate end) {
    Map<String, long[]> cells = new TreeMap<>();
    persons.forEach((key, rows) -> {
      String la = key.substring(0, key.indexOf('\t'));
      Details d = details(rows);
      twoA(rows, d, start, end, (group, num) -> add(cells, "2A", la, group, num, true));
      twoBc(rows, d, start, end, la, cells);
      twoE(rows, d, start, end, la, cells);
      threeD(rows, d, start, end, la, cells);
    });
    Map<String, long[]> withEngland = new TreeMap<>(cells);
    cells.forEach((k, v) -> {
      String[] p = k.split("\t");
      long[] sum = withEngland.computeIfAbsent(p[0] + "\t" + ENGLAND + "\t" + p[2], x -> new long[2]);
      sum[0] += v[0];
      sum[1] += v[1];
    });
    return withEngland;
  }

  private static void add(Map<String, long[]> cells, String measure, String la, String group, boolean numerator,
      boolean denominator) {
    long[] cell = cells.computeIfAbsent(measure + "\t" + la + "\t" + group, k -> new long[2]);
    cell[0] += numerator ? 1 : 0;
    cell[1] += denominator ? 1 : 0;
  }

  /** The person details table: birth (rows with both parts, latest period end, earliest birth), death. */
  record Details(Integer birthYear, Integer birthMonth, LocalDate death) {
    Integer age(LocalDate on) {
      if (birthYear == null) {
        return null;
      }
      return (int) Math.floor(ChronoUnit.DAYS.between(LocalDate.of(birthYear, birthMonth, 1), on) / 365.25);
    }

    boolean aliveOn(LocalDate day) {
      return death == null || !death.isBefore(day);
    }
  }

  static Details details(List<Row> rows) {
    Comparator<LocalDate> nullsLow = Comparator.nullsFirst(Comparator.naturalOrder());
    Row birth = null;
    for (Row r : rows) {
      if (r.birthYear() == null) {
        continue;
      }
      if (birth == null) {
        birth = r;
        continue;
      }
      int c = nullsLow.compare(r.periodEnd(), birth.periodEnd());
      boolean earlier = r.birthYear() < birth.birthYear()
          || (r.birthYear().equals(birth.birthYear()) && r.birthMonth() < birth.birthMonth());
      if (c > 0 || (c == 0 && earlier)) {
        birth = r;
      }
    }
    Row death = null;
    for (Row r : rows) {
      if (r.death() != null && (death == null || nullsLow.compare(r.periodEnd(), death.periodEnd()) > 0
          || (nullsLow.compare(r.periodEnd(), death.periodEnd()) == 0 && r.death().isAfter(death.death())))) {
        death = r;
      }
    }
    return new Details(birth == null ? null : birth.birthYear(), birth == null ? null : birth.birthMonth(),
        death == null ? null : death.death());
  }

  private static String band(Integer age) {
    return age == null ? null : age < 18 ? "under18" : age <= 64 ? "18-64" : "65+";
  }

  interface Episode {
    void count(String group, boolean numerator);
  }

  // ---- 2A -------------------------------------------------------------------------------------------------------

  private static int rank(Row r) {
    int rank = DhscMainTableReference.rank(r.outcome());
    return rank < 999 && PENALISED.contains(r.outcome()) ? rank + 100 : rank;
  }

  private static String label(Row r) {
    return r.outcome() == null ? "invalid and not mapped" : r.outcome();
  }

  static void twoA(List<Row> all, Details d, LocalDate start, LocalDate end, Episode out) {
    List<Row> build = all.stream().filter(r -> "service user".equals(r.clientType())
        && (r.end() == null || !r.end().isBefore(r.start()))).toList();
    List<Row> stMax = new ArrayList<>(build.stream()
        .filter(r -> "service".equals(r.eventType()) && ST_MAX.equals(r.serviceType())).toList());
    stMax.sort(Comparator.comparing(Row::start).thenComparing(Row::endOrFar));
    List<List<Row>> clusters = new ArrayList<>();
    LocalDate previousEnd = null;
    for (Row r : stMax) {
      if (previousEnd == null || ChronoUnit.DAYS.between(previousEnd, r.start()) > 7) {
        clusters.add(new ArrayList<>());
      }
      clusters.get(clusters.size() - 1).add(r);
      previousEnd = previousEnd == null || r.endOrFar().isAfter(previousEnd) ? r.endOrFar() : previousEnd;
    }
    for (List<Row> cluster : clusters) {
      LocalDate cs = cluster.stream().map(Row::start).min(Comparator.naturalOrder()).orElseThrow();
      LocalDate ce = cluster.stream().map(Row::endOrFar).max(Comparator.naturalOrder()).orElseThrow();
      if (ce.isBefore(start) || ce.isAfter(end)) {
        continue;
      }
      Integer age = d.age(ce);
      if ((age != null && age < 18) || !d.aliveOn(cs)) {
        continue;
      }
      boolean existing = build.stream().anyMatch(r -> "service".equals(r.eventType())
          && List.of(NURSING, RESIDENTIAL, COMMUNITY, PRISON).contains(r.serviceType()) && r.start().isBefore(cs)
          && (r.end() == null || ChronoUnit.DAYS.between(r.end(), cs) < 91));
      if (existing) {
        continue;
      }
      String sequel = sequel(build, cluster, cs, ce, d);
      boolean denominator = TWO_A_NUMERATOR.contains(sequel) || TWO_A_DENOMINATOR_ONLY.contains(sequel);
      if (!denominator) {
        continue;
      }
      boolean numerator = TWO_A_NUMERATOR.contains(sequel);
      out.count("all", numerator);
      String b = band(age);
      if (b != null) {
        out.count(b, numerator);
      }
    }
  }

  /** The latest-ending rows' best-ranked outcome row. */
  private static Row lastBest(List<Row> rows) {
    LocalDate last = rows.stream().map(Row::endOrFar).max(Comparator.naturalOrder()).orElseThrow();
    return rows.stream().filter(r -> r.endOrFar().equals(last))
        .min(Comparator.comparingInt(AscofReference::rank).thenComparing(AscofReference::label)).orElseThrow();
  }

  private static String sequel(List<Row> build, List<Row> cluster, LocalDate cs, LocalDate ce, Details d) {
    if (d.death() != null && ChronoUnit.DAYS.between(ce, d.death()) <= 7) {
      return "nfa: deceased";
    }
    Row eo = lastBest(cluster);
    int eoRank = rank(eo);
    if ("admitted to hospital".equals(eo.outcome())) {
      return "admitted to hospital";
    }
    List<Row> joined = build.stream().filter(r -> !("service".equals(r.eventType()) && ST_MAX.equals(r.serviceType())
        && !r.start().isBefore(cs) && !r.start().isAfter(ce))).toList();
    List<Row> ranked = joined.stream().filter(r -> !r.start().isBefore(cs) && r.endOrFar().isAfter(ce)
        && ChronoUnit.DAYS.between(ce, r.start()) <= 7).toList();
    LocalDate firstStMax = ranked.stream().filter(r -> ST_MAX.equals(r.serviceType())).map(Row::start)
        .min(Comparator.naturalOrder()).orElse(null);
    List<Row> window = ranked.stream().filter(r -> firstStMax == null || r.start().isBefore(firstStMax)).toList();
    Row best = null;
    for (Row r : window) {
      if (!"service".equals(r.eventType()) || !SERVICE_ORDER.contains(r.serviceType())) {
        continue;
      }
      if (best == null || SERVICE_ORDER.indexOf(r.serviceType()) < SERVICE_ORDER.indexOf(best.serviceType())
          || (SERVICE_ORDER.indexOf(r.serviceType()) == SERVICE_ORDER.indexOf(best.serviceType())
              && stCareHome(r) && !stCareHome(best))) {
        best = r;
      }
    }
    if (best != null) {
      return OTHER_ST.equals(best.serviceType()) && stCareHome(best) ? ST_CARE_HOME : best.serviceType();
    }
    List<int[]> candidates = new ArrayList<>(); // {rank, source}
    Map<Integer, String> labels = new HashMap<>();
    labels.put(eoRank, label(eo));
    if (window.isEmpty() && eoRank < 100) {
      candidates.add(new int[] {eoRank, 1});
    }
    List<Row> nonServices = window.stream().filter(r -> (eoRank < 100 || rank(r) < 100)
        && !"nfa: support ended as planned".equals(r.outcome()) && !"service".equals(r.eventType())).toList();
    for (Row r : nonServices) {
      candidates.add(new int[] {eoRank, 1});
      if (rank(r) < 100) {
        candidates.add(new int[] {rank(r), 2});
        labels.put(rank(r), label(r));
      }
    }
    List<Row> nested = joined.stream().filter(r -> !r.start().isBefore(cs) && r.endOrFar().isAfter(cs)
        && !r.endOrFar().isAfter(ce)).toList();
    List<Row> reviews = nested.stream().filter(r -> ("assessment".equals(r.eventType())
        || "review".equals(r.eventType())) && ChronoUnit.DAYS.between(r.end(), ce) < 14 && rank(r) < 100).toList();
    if (!reviews.isEmpty()) {
      Row last = lastBest(reviews);
      candidates.add(new int[] {rank(last), 3});
      labels.put(rank(last), label(last));
    }
    int min = candidates.stream().mapToInt(c -> c[0]).min().orElse(Integer.MAX_VALUE);
    if (min < 100) {
      return labels.get(min);
    }
    if (nested.stream().anyMatch(r -> "service".equals(r.eventType()) && "equipment".equals(r.component()))) {
      return LOW;
    }
    return label(eo);
  }

  private static boolean stCareHome(Row r) {
    return "short term residential care".equals(r.component()) || "short term nursing care".equals(r.component());
  }

  // ---- 2B, 2C ---------------------------------------------------------------------------------------------------

  static void twoBc(List<Row> rows, Details d, LocalDate start, LocalDate end, String la, Map<String, long[]> cells) {
    if (d.birthYear() == null || !d.aliveOn(start)) {
      return;
    }
    List<Row> build = rows.stream().filter(r -> "service".equals(r.eventType())
        && "service user".equals(r.clientType()) && (NURSING.equals(r.serviceType())
        || RESIDENTIAL.equals(r.serviceType())) && (r.component() == null
        || ((r.component().contains("residential") || r.component().contains("nursing"))
            && !r.component().contains("short")))).toList();
    String group = null;
    for (Row a : build) {
      if (a.start().isBefore(start) || a.start().isAfter(end)
          || "nfa: self-funded client or under 12wk disregard".equals(a.outcome())) {
        continue;
      }
      boolean existing = build.stream().anyMatch(b -> b.start().isBefore(a.start())
          && (b.end() == null || ChronoUnit.DAYS.between(b.end(), a.start()) < 365));
      String b = band(d.age(a.start()));
      if (existing || b == null || b.equals("under18")) {
        continue;
      }
      group = group == null || b.equals("18-64") ? b : group;
    }
    if (group != null) {
      add(cells, group.equals("18-64") ? "2B" : "2C", la, group, true, false);
    }
  }

  // ---- 2E -------------------------------------------------------------------------------------------------------

  /** Create_personal_details_table.sql's latest value: rank 1 rows of (known desc, period end desc, end desc, start
   * desc); several distinct values there read 'unknown'. */
  private static String latestValue(List<Row> rows, java.util.function.Function<Row, String> value,
      java.util.function.Predicate<String> known) {
    Comparator<Row> order = Comparator.<Row, Boolean>comparing(r -> known.test(value.apply(r)))
        .thenComparing(Row::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Row::endOrFar).thenComparing(Row::start);
    Row top = null;
    for (Row r : rows) {
      if (top == null || order.compare(r, top) > 0) {
        top = r;
      }
    }
    if (top == null) {
      return "unknown";
    }
    Set<String> values = new TreeSet<>();
    for (Row r : rows) {
      if (order.compare(r, top) == 0) {
        values.add(value.apply(r));
      }
    }
    return values.size() == 1 ? values.iterator().next() : "unknown";
  }

  private static String accommodationValue(Row r) {
    String a = r.accommodation();
    return a != null && (SETTLED.contains(a) || ACCOMMODATION_VALUES.contains(a)) ? a : "unknown";
  }

  /** The person's accommodation status, with the unknown one mapped from their latest services. */
  static String accommodation(List<Row> rows) {
    String status = latestValue(rows, AscofReference::accommodationValue, a -> !a.equals("unknown"));
    if (!status.equals("unknown")) {
      return status;
    }
    List<String> mappable = List.of("shared lives", "community supported living", "extra care housing",
        "home support or domiciliary care");
    Comparator<Row> order = Comparator.comparing(Row::endOrFar)
        .thenComparing(r -> -(SERVICE_ORDER.contains(r.serviceType()) ? SERVICE_ORDER.indexOf(r.serviceType()) : 98))
        .thenComparing(r -> mappable.contains(r.component()))
        .thenComparing(Row::start);
    List<Row> services = rows.stream().filter(r -> "service".equals(r.eventType())).toList();
    Row top = services.stream().max(order).orElse(null);
    if (top == null) {
      return "unknown";
    }
    Set<String> types = new TreeSet<>();
    Set<String> components = new TreeSet<>();
    for (Row r : services) {
      if (order.compare(r, top) == 0) {
        if (SERVICE_ORDER.contains(r.serviceType())) {
          types.add(r.serviceType());
        }
        if (mappable.contains(r.component())) {
          components.add(r.component());
        }
      }
    }
    String type = types.size() == 1 ? types.iterator().next() : null;
    String component = components.size() == 1 ? components.iterator().next() : null;
    if (NURSING.equals(type)) {
      return "registered nursing home";
    } else if (RESIDENTIAL.equals(type)) {
      return "registered care home";
    } else if ("shared lives".equals(component)) {
      return "shared lives scheme";
    } else if ("extra care housing".equals(component)) {
      return "sheltered housing, extra care housing or other sheltered housing";
    } else if ("community supported living".equals(component)) {
      return "supported accommodation, supported lodgings or supported group home";
    } else if (COMMUNITY.equals(type) && "home support or domiciliary care".equals(component)) {
      return "unknown: presumed at home";
    } else if (COMMUNITY.equals(type) && component == null) {
      return "unknown: presumed in community";
    } else if (PRISON.equals(type)) {
      return "prison, young offenders institution or detention centre";
    }
    return "unknown";
  }

  /** The person's primary support reason; 'social support: support to unpaid carer' ranks with the unknown ones. */
  static String primarySupportReason(List<Row> rows) {
    return latestValue(rows, r -> r.psr() != null && PSR_VALUES.contains(r.psr()) ? r.psr() : "unknown",
        p -> !p.equals("unknown") && !p.equals("social support: support to unpaid carer"));
  }

  static void twoE(List<Row> rows, Details d, LocalDate start, LocalDate end, String la, Map<String, long[]> cells) {
    List<Row> lts = rows.stream().filter(r -> "service user".equals(r.clientType()) && "service".equals(r.eventType())
        && List.of(NURSING, RESIDENTIAL, COMMUNITY, PRISON).contains(r.serviceType())
        && (r.end() == null || !r.end().isBefore(r.start())) && !r.start().isAfter(end)
        && (r.end() == null || !r.end().isBefore(start))).toList();
    if (lts.isEmpty() || !d.aliveOn(start)) {
      return;
    }
    LocalDate last = lts.stream().map(r -> r.end() == null || r.end().isAfter(end) ? end : r.end())
        .max(Comparator.naturalOrder()).orElseThrow();
    String b = band(d.age(last));
    if (b == null || b.equals("under18")) {
      return;
    }
    boolean settled = SETTLED.contains(accommodation(rows));
    add(cells, "2E_part2", la, b, settled, true);
    if (b.equals("18-64") && "learning disability support".equals(primarySupportReason(rows))) {
      add(cells, "2E_part1", la, b, settled, true);
    }
  }

  // ---- 3D -------------------------------------------------------------------------------------------------------

  static void threeD(List<Row> rows, Details d, LocalDate start, LocalDate end, String la,
      Map<String, long[]> cells) {
    String b = band(d.age(end));
    if ("under18".equals(b)) {
      return;
    }
    if (d.aliveOn(end)) {
      int best = Integer.MAX_VALUE;
      for (Row r : rows) {
        if (!"service user".equals(r.clientType()) || !"service".equals(r.eventType())
            || !List.of(NURSING, RESIDENTIAL, COMMUNITY, PRISON).contains(r.serviceType())
            || (r.end() != null && r.end().isBefore(r.start())) || r.start().isAfter(end)
            || (r.end() != null && r.end().isBefore(end))) {
          continue;
        }
        String mechanism = "direct payment".equals(r.component()) ? "direct payment" : r.mechanism();
        int rank = NURSING.equals(r.serviceType()) ? 1 : RESIDENTIAL.equals(r.serviceType()) ? 2
            : COMMUNITY.equals(r.serviceType())
                ? ("direct payment".equals(mechanism) ? 3 : "cassr managed personal budget".equals(mechanism) ? 4
                    : "cassr commissioned support".equals(mechanism) ? 5 : 6)
                : 9;
        best = Math.min(best, rank);
      }
      if (best >= 3 && best <= 6) {
        for (String group : b == null ? List.of("all") : List.of("all", b)) {
          add(cells, "3D_1a", la, group, best <= 4, true);
          add(cells, "3D_2a", la, group, best == 3, true);
        }
      }
    }
    if (d.aliveOn(start)) {
      int best = Integer.MAX_VALUE;
      for (Row r : rows) {
        boolean carer = "unpaid carer".equals(r.clientType()) || "unpaid carer known by association".equals(
            r.clientType());
        if (!carer || (r.end() != null && r.end().isBefore(r.start())) || r.start().isAfter(end)
            || (r.end() != null && r.end().isBefore(start))) {
          continue;
        }
        boolean advice = "nfa: information and advice or signposting".equals(r.outcome());
        int rank = 0;
        if ("service".equals(r.eventType())
            && "unpaid carer support: direct to unpaid carer".equals(r.serviceType())) {
          rank = "direct payment".equals(r.component()) || "direct payment".equals(r.mechanism()) ? 1
              : "cassr managed personal budget".equals(r.mechanism()) ? 2
              : "cassr commissioned support".equals(r.mechanism()) ? 3 : 4;
        } else if ("service".equals(r.eventType())
            && "unpaid carer support: support involving the person cared-for".equals(r.serviceType())) {
          rank = 6;
        } else if (("assessment".equals(r.eventType()) || "review".equals(r.eventType()))
            && r.serviceType() == null) {
          rank = advice ? 5 : 6;
        } else if ("request".equals(r.eventType()) && r.serviceType() == null && advice) {
          rank = 5;
        }
        if (rank > 0) {
          best = Math.min(best, rank);
        }
      }
      if (best >= 1 && best <= 3) {
        for (String group : b == null ? List.of("all") : List.of("all", b)) {
          add(cells, "3D_1b", la, group, best <= 2, true);
          add(cells, "3D_2b", la, group, best == 1, true);
        }
      }
    }
  }

  // ---- reading --------------------------------------------------------------------------------------------------

  private static List<CSVRecord> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String code(String value) {
    String v = text(value);
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    return R2.getOrDefault(lower, lower);
  }

  private static LocalDate date(String value) {
    String v = text(value);
    if (v == null) {
      return null;
    }
    try {
      return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
