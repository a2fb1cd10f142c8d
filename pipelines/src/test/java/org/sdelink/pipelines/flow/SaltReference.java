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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * An independent, plain-loop reading of NHS England's SALT replication code (repository
 * NHSDigital/ASC-Client-Level-Data-SALT-ASCOF-transformations, files {@code SALT LTS001a|b|c/... replication code.txt}
 * and {@code SALT LTS003/LTS003 replication code.txt}) over the raw files {@code sdelink generate} writes (the
 * councils' files in {@code cld/} and {@code cld/submissions.csv}). Written from the SQL only, without the
 * statistics stage's classes, so that the two can be compared cell by cell. Each table is a map from its key columns
 * (joined by a tab, as in the CSV header order without {@code count}) to its count, per council and for ENGLAND (the
 * sum of the councils: the SQL groups by LA_Code, so a person known to two councils counts in each).
 *
 * <p>What the SQL does and this follows: the latest submission per council covering the year (reporting periods of
 * the file starting on or before the year's first day and ending on or after its last, received after the year's end
 * and by the submission date, the latest received); the hybrid client id (NHS number when valid, else the council's
 * person id unless that id appears with an NHS number in the same cohort, in which case the row is dropped); age at
 * the date from the first of the birth month, {@code floor(days / 365.25)}; rows without a birth year and month left
 * out of the client tables; the setting/delivery-mechanism hierarchy; known PSR preferred, then the latest start;
 * conflicting PSRs shown as Unknown; carers' support by the SQL's CASE and hierarchy. Values are compared without
 * regard to case (SQL Server's default collation), Release 2 spellings mapped to Release 1 first.
 */
final class SaltReference {
  static final String ENGLAND = "ENGLAND";
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

  /** The SALT settings in the method's order (#REF_Service_Type_Delivery_Mech): type, mechanism, label. */
  private static final List<String[]> SETTINGS = List.of(
      new String[] {"Long Term Support: Nursing Care", "", "Nursing"},
      new String[] {"Long Term Support: Residential Care", "", "Residential"},
      new String[] {"Long Term Support: Community", "Direct Payment", "Community: Direct Payment"},
      new String[] {"Long Term Support: Community", "CASSR Managed Personal Budget",
          "Community: CASSR Managed Personal Budget"},
      new String[] {"Long Term Support: Community", "CASSR Commissioned Support",
          "Community: CASSR Commissioned Support"},
      new String[] {"Long Term Support: Community", "", "Community"},
      new String[] {"Long Term Support: Prison", "CASSR Managed Personal Budget",
          "Prison: CASSR Managed Personal Budget"},
      new String[] {"Long Term Support: Prison", "CASSR Commissioned Support", "Prison: CASSR Commissioned Support"},
      new String[] {"Long Term Support: Prison", "", "Prison"});

  private static final List<String> PSR = List.of("Physical Support: Access & mobility only",
      "Physical Support: Personal care support", "Sensory Support: Support for visual impairment",
      "Sensory Support: Support for hearing impairment", "Sensory Support: Support for dual impairment",
      "Support with Memory & Cognition", "Learning Disability Support", "Mental Health Support",
      "Social Support: Substance misuse support", "Social Support: Asylum seeker support",
      "Social Support: Support for Social Isolation/Other", "Social Support: Support to Carer", "Unknown");

  private static final List<String> CARER_SUPPORT = List.of("Direct Payment only", "CASSR Managed Personal Budget",
      "CASSR Commissioned Support only", "Support Direct to Carer: Unknown Delivery Mech",
      "Information, Advice and Other Universal Services / Signposting", "No Direct Support Provided to Carer");

  /** Release 2 spellings that differ from Release 1 other than by case, for the fields these tables read. */
  private static final Map<String, String> RELEASE_2 = Map.ofEntries(
      Map.entry("unpaid carer", "Carer"),
      Map.entry("unpaid carer known by association", "Carer known by association"),
      Map.entry("unpaid carer support: direct to unpaid carer", "Carer Support: Direct to Carer"),
      Map.entry("unpaid carer support: support involving the person cared-for",
          "Carer Support: Support involving the person cared-for"),
      // Event_Outcome, CLD specification Release 2 (May 2024) against Release 1.
      Map.entry("progress to assessment, review or reassessment", "Progress to Assessment"),
      Map.entry("progress to support planning or services", "Progress to Support Planning / Services"),
      Map.entry("continuation of support or services", "No change in package"),
      Map.entry("nfa: support ended as planned", "Service ended as planned"),
      Map.entry("nfa: deceased", "NFA - Deceased"),
      Map.entry("nfa: responsibility moved to another local authority", "NFA - Moved to another LA"),
      Map.entry("nfa: referral to nhs services or nhs funded social care", "NFA - 100% NHS funded care"),
      Map.entry("nfa: information and advice or signposting", "NFA - Information & Advice / Signposting only"),
      Map.entry("nfa: self-funded client or under 12wk disregard", "NFA - Self-funded client (Inc. 12wk disregard)"),
      Map.entry("nfa: support declined", "NFA - Support declined"),
      Map.entry("nfa: support ended for other reason", "NFA - Support ended: Other reason"),
      Map.entry("nfa: no services offered for other reason", "NFA - No services offered: Other reason"),
      Map.entry("nfa: other", "NFA- Other"));

  /** One raw row of a submitted file, with the fields the tables read. */
  record Row(String la, String file, LocalDate received, LocalDate periodStart, LocalDate periodEnd, String nhs,
      String localId, Integer birthYear, Integer birthMonth, LocalDate death, String clientType, String psr,
      String eventType, LocalDate start, LocalDate end, String outcome, String serviceType, String mechanism,
      String route, String component, String assessmentType, String reviewReason, String reviewMethod) {}

  private SaltReference() {}

  /** Reads every submitted file listed in {@code dir/cld/submissions.csv}. */
  static List<Row> read(Path generated, LocalDate referenceDate) throws IOException {
    Path list = generated.resolve("cld").resolve("submissions.csv");
    List<Row> rows = new ArrayList<>();
    for (CSVRecord submission : parse(list)) {
      String file = submission.get("file");
      LocalDate received = LocalDate.parse(submission.get("received_date"));
      for (CSVRecord r : parse(list.resolveSibling(file))) {
        var nhs = NhsNumber.validate(r.get("NHS_Number"));
        var dob = DateOfBirth.validate(iso(r.get("Date_of_Birth")), referenceDate);
        LocalDate birth = dob.isUsable() ? date(r.get("Date_of_Birth")) : null;
        rows.add(new Row(r.get("LA_Code"), file, received, date(r.get("Reporting_Period_Start_Date")),
            date(r.get("Reporting_Period_End_Date")),
            nhs.isUsable() ? nhs.get().digits() : null, blankToNull(r.get("LA_Person_Unique_Identifier")),
            birth == null ? null : birth.getYear(), birth == null ? null : birth.getMonthValue(),
            date(r.get("Date_of_Death")), r1(r.get("Client_Type")), blankToNull(r.get("Primary_Support_Reason")),
            r1(r.get("Event_Type")), date(r.get("Event_Start_Date")), date(r.get("Event_End_Date")),
            r1(r.get("Event_Outcome")), r1(r.get("Service_Type")), blankToNull(r.get("Delivery_Mechanism")),
            r1(r.get("Request_Route_of_Access")), r1(r.get("Service_Component")), r1(r.get("Assessment_Type")),
            r1(r.get("Review_Reason")), r1(r.get("Method_of_Review"))));
      }
    }
    return rows;
  }

  private static List<CSVRecord> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String r1(String value) {
    String v = blankToNull(value);
    return v == null ? null : RELEASE_2.getOrDefault(v.toLowerCase(Locale.ROOT), v);
  }

  private static String iso(String value) {
    LocalDate d = date(value);
    return d == null ? value : d.toString();
  }

  private static LocalDate date(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean is(String value, String expected) {
    return value != null && value.equalsIgnoreCase(expected);
  }

  /** The rows of each council's latest submission covering {@code [start, end]}, received by {@code submittedBy}. */
  static List<Row> latestSubmission(List<Row> rows, LocalDate start, LocalDate end, LocalDate submittedBy) {
    // Per council and received date (the SQL's ImportDate): the earliest period start and latest period end.
    Map<String, Map<LocalDate, LocalDate[]>> spans = new TreeMap<>();
    for (Row r : rows) {
      LocalDate[] span = spans.computeIfAbsent(r.la(), k -> new TreeMap<>())
          .computeIfAbsent(r.received(), k -> new LocalDate[] {r.periodStart(), r.periodEnd()});
      if (r.periodStart() != null && (span[0] == null || r.periodStart().isBefore(span[0]))) {
        span[0] = r.periodStart();
      }
      if (r.periodEnd() != null && (span[1] == null || r.periodEnd().isAfter(span[1]))) {
        span[1] = r.periodEnd();
      }
    }
    Map<String, LocalDate> chosen = new HashMap<>();
    spans.forEach((la, byDate) -> byDate.forEach((received, span) -> {
      boolean covers = span[0] != null && span[1] != null && !span[0].isAfter(start) && !span[1].isBefore(end);
      boolean inWindow = received.isAfter(end) && (submittedBy == null || !received.isAfter(submittedBy));
      if (covers && inWindow && (chosen.get(la) == null || received.isAfter(chosen.get(la)))) {
        chosen.put(la, received);
      }
    }));
    List<Row> kept = new ArrayList<>();
    for (Row r : rows) {
      if (r.received().equals(chosen.get(r.la()))) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** The SQL's hybrid id of each row of a cohort (null: the row is dropped), by the row's position. */
  static List<String> ids(List<Row> cohort) {
    Set<String> localIdsWithNhs = new HashSet<>();
    for (Row r : cohort) {
      if (r.nhs() != null && r.localId() != null) {
        localIdsWithNhs.add(r.la() + "\t" + r.localId());
      }
    }
    List<String> ids = new ArrayList<>();
    for (Row r : cohort) {
      if (r.nhs() != null) {
        ids.add("N" + r.nhs());
      } else if (r.localId() != null && !localIdsWithNhs.contains(r.la() + "\t" + r.localId())) {
        ids.add("L" + r.la() + "\t" + r.localId());
      } else {
        ids.add(null);
      }
    }
    return ids;
  }

  /** Age at {@code date} from the first of the birth month, as the SQL derives it; null when unknown. */
  static Integer age(Row r, LocalDate date) {
    if (r.birthYear() == null || r.birthMonth() == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(LocalDate.of(r.birthYear(), r.birthMonth(), 1), date);
    return (int) Math.floor(days / 365.25);
  }

  private static boolean longTerm(Row r) {
    return r.serviceType() != null && SETTINGS.stream().anyMatch(s -> is(r.serviceType(), s[0]));
  }

  /** The setting's rank (0-based) in the method's hierarchy, after the SQL's blanking of other mechanisms. */
  private static int settingRank(Row r) {
    boolean communityOrPrison = is(r.serviceType(), "Long Term Support: Community")
        || is(r.serviceType(), "Long Term Support: Prison");
    String mechanism = "";
    if (communityOrPrison && r.mechanism() != null) {
      for (String[] s : SETTINGS) {
        if (is(r.serviceType(), s[0]) && is(r.mechanism(), s[1])) {
          mechanism = s[1];
        }
      }
    }
    for (int i = 0; i < SETTINGS.size(); i++) {
      if (is(r.serviceType(), SETTINGS.get(i)[0]) && SETTINGS.get(i)[1].equals(mechanism)) {
        return i;
      }
    }
    throw new IllegalStateException("no setting");
  }

  private static String psrLabel(String psr) {
    for (String known : PSR) {
      if (is(psr, known)) {
        return known;
      }
    }
    return "Invalid/NULL";
  }

  private static boolean psrKnown(Row r) {
    return r.psr() != null && !is(r.psr(), "Unknown");
  }

  /**
   * LTS001a/b/c: people with long-term support, each once per council and age band, in the highest setting, with
   * their PSR: key {@code age_band TAB support_setting TAB primary_support_reason}.
   */
  private static Map<String, Map<String, Long>> longTermTable(List<Row> cohort, LocalDate ageDate) {
    List<String> ids = ids(cohort);
    // Per council, age band and person, the rows (SQL: #..._T1a for 18-64, #..._T1b for over 64).
    Map<String, List<Row>> byPerson = new TreeMap<>();
    for (int i = 0; i < cohort.size(); i++) {
      Row r = cohort.get(i);
      Integer age = age(r, ageDate);
      if (ids.get(i) == null || age == null || age < 18) {
        continue;
      }
      String band = age <= 64 ? "18-64" : "65+";
      byPerson.computeIfAbsent(r.la() + "\t" + band + "\t" + ids.get(i), k -> new ArrayList<>()).add(r);
    }
    Map<String, Map<String, Long>> table = new TreeMap<>();
    byPerson.forEach((key, rows) -> {
      String[] parts = key.split("\t", 3);
      int rank = rows.stream().mapToInt(SaltReference::settingRank).min().orElseThrow();
      List<Row> atRank = rows.stream().filter(r -> settingRank(r) == rank).toList();
      boolean known = atRank.stream().anyMatch(SaltReference::psrKnown);
      List<Row> atKnown = atRank.stream().filter(r -> psrKnown(r) == known).toList();
      LocalDate latest = atKnown.stream().map(Row::start).max(LocalDate::compareTo).orElseThrow();
      Set<String> psrs = new TreeSet<>();
      atKnown.stream().filter(r -> r.start().equals(latest)).forEach(r -> psrs.add(psrLabel(r.psr())));
      String psr = psrs.size() == 1 ? psrs.iterator().next() : "Unknown";
      String cell = parts[1] + "\t" + SETTINGS.get(rank)[2] + "\t" + psr;
      table.computeIfAbsent(parts[0], k -> new TreeMap<>()).merge(cell, 1L, Long::sum);
    });
    return table;
  }

  private static boolean serviceUser(Row r) {
    return is(r.clientType(), "Service User");
  }

  /** LTS001a: long-term support open on some day of the year; age at the year's end. */
  static Map<String, Map<String, Long>> lts001a(List<Row> latest, LocalDate start, LocalDate end) {
    return longTermTable(lts001aCohort(latest, start, end), end);
  }

  /** The rows LTS001a reads. */
  static List<Row> lts001aCohort(List<Row> latest, LocalDate start, LocalDate end) {
    List<Row> cohort = new ArrayList<>();
    for (Row r : latest) {
      if (longTerm(r) && serviceUser(r) && r.start() != null && !r.start().isAfter(end)
          && (r.end() == null || !r.end().isBefore(start)) && (r.death() == null || !r.death().isBefore(start))
          && r.birthYear() != null) {
        cohort.add(r);
      }
    }
    return cohort;
  }

  /** LTS001b: long-term support open on the year's last day. */
  static Map<String, Map<String, Long>> lts001b(List<Row> latest, LocalDate end) {
    List<Row> cohort = new ArrayList<>();
    for (Row r : latest) {
      if (longTerm(r) && serviceUser(r) && r.start() != null && !r.start().isAfter(end)
          && (r.end() == null || !r.end().isBefore(end)) && (r.death() == null || !r.death().isBefore(end))
          && r.birthYear() != null) {
        cohort.add(r);
      }
    }
    return longTermTable(cohort, end);
  }

  /**
   * LTS001c: of LTS001b's people, those in an unbroken chain of long-term support (gaps of at most a day between one
   * row's end and the next row's start, rows in order of start and end, open rows ending today) that started before
   * the year-end a year earlier; key {@code age_band}.
   */
  static Map<String, Map<String, Long>> lts001c(List<Row> latest, LocalDate end, LocalDate today) {
    Map<String, Map<String, Long>> detailed = longTermTable(lts001cChained(latest, end, today), end);
    Map<String, Map<String, Long>> byAge = new TreeMap<>();
    detailed.forEach((la, cells) -> cells.forEach((cell, n) ->
        byAge.computeIfAbsent(la, k -> new TreeMap<>()).merge(cell.substring(0, cell.indexOf('\t')), n, Long::sum)));
    return byAge;
  }

  /** The rows of LTS001c's chains that began over a year before the year end and run to it. */
  static List<Row> lts001cChained(List<Row> latest, LocalDate end, LocalDate today) {
    List<Row> cohort = new ArrayList<>();
    for (Row r : latest) {
      if (longTerm(r) && serviceUser(r) && r.start() != null && !r.start().isAfter(end)
          && (r.death() == null || !r.death().isBefore(end)) && r.birthYear() != null) {
        cohort.add(r);
      }
    }
    List<String> ids = ids(cohort);
    Map<String, List<Integer>> byPerson = new TreeMap<>();
    for (int i = 0; i < cohort.size(); i++) {
      if (ids.get(i) != null) {
        byPerson.computeIfAbsent(cohort.get(i).la() + "\t" + ids.get(i), k -> new ArrayList<>()).add(i);
      }
    }
    List<Row> chained = new ArrayList<>();
    LocalDate before = end.minusYears(1);
    byPerson.forEach((key, indexes) -> {
      List<Row> rows = new ArrayList<>();
      indexes.forEach(i -> rows.add(cohort.get(i)));
      rows.sort((a, b) -> {
        int c = a.start().compareTo(b.start());
        return c != 0 ? c : proxyEnd(a, today).compareTo(proxyEnd(b, today));
      });
      LocalDate chainStart = null;
      LocalDate previousEnd = null;
      List<LocalDate> chainStarts = new ArrayList<>();
      for (Row r : rows) {
        if (previousEnd == null || previousEnd.isBefore(r.start().minusDays(1))) {
          chainStart = r.start();
        }
        chainStarts.add(chainStart);
        previousEnd = proxyEnd(r, today);
      }
      for (int i = 0; i < rows.size(); i++) {
        if (chainStarts.get(i).isBefore(before) && !proxyEnd(rows.get(i), today).isBefore(end)) {
          chained.add(rows.get(i));
        }
      }
    });
    return chained;
  }

  /** The persons of a long-term cohort as {@code la TAB id TAB age_band}, as {@link #longTermTable} counts them. */
  static Set<String> persons(List<Row> cohort, LocalDate ageDate) {
    List<String> ids = ids(cohort);
    Set<String> persons = new TreeSet<>();
    for (int i = 0; i < cohort.size(); i++) {
      Integer age = age(cohort.get(i), ageDate);
      if (ids.get(i) != null && age != null && age >= 18) {
        persons.add(cohort.get(i).la() + "\t" + ids.get(i) + "\t" + (age <= 64 ? "18-64" : "65+"));
      }
    }
    return persons;
  }

  private static LocalDate proxyEnd(Row r, LocalDate today) {
    return r.end() == null ? today : r.end();
  }

  /** LTS003: carers supported in the year, once per council under the highest support; key carer_age_band, support. */
  static Map<String, Map<String, Long>> lts003(List<Row> latest, LocalDate start, LocalDate end) {
    List<Row> cohort = new ArrayList<>();
    for (Row r : latest) {
      boolean carer = is(r.clientType(), "Carer") || is(r.clientType(), "Carer known by association");
      boolean type = is(r.eventType(), "Request") || is(r.eventType(), "Assessment") || is(r.eventType(), "Service")
          || is(r.eventType(), "Review");
      boolean information = is(r.outcome(), "NFA - Information & Advice / Signposting only");
      boolean carerService = is(r.serviceType(), "Carer Support: Direct to Carer")
          || is(r.serviceType(), "Carer Support: Support involving the person cared-for");
      boolean scope = (r.serviceType() == null && information) || carerService
          || ((is(r.eventType(), "Assessment") || is(r.eventType(), "Review")) && r.serviceType() == null);
      if (carer && type && scope && r.start() != null && !r.start().isAfter(end)
          && (r.end() == null || !r.end().isBefore(start)) && (r.death() == null || !r.death().isBefore(start))) {
        cohort.add(r);
      }
    }
    List<String> ids = ids(cohort);
    Map<String, List<Row>> byPerson = new TreeMap<>();
    for (int i = 0; i < cohort.size(); i++) {
      if (ids.get(i) != null) {
        byPerson.computeIfAbsent(cohort.get(i).la() + "\t" + ids.get(i), k -> new ArrayList<>()).add(cohort.get(i));
      }
    }
    Map<String, Map<String, Long>> table = new TreeMap<>();
    byPerson.forEach((key, rows) -> {
      String la = key.substring(0, key.indexOf('\t'));
      int best = Integer.MAX_VALUE;
      for (Row r : rows) {
        String support = carerSupport(r);
        if (support != null) {
          best = Math.min(best, CARER_SUPPORT.indexOf(support));
        }
      }
      if (best == Integer.MAX_VALUE) {
        return;
      }
      String support = CARER_SUPPORT.get(best);
      Set<String> bands = new TreeSet<>();
      for (Row r : rows) {
        if (support.equals(carerSupport(r))) {
          bands.add(carerAgeBand(age(r, end)));
        }
      }
      for (String band : bands) {
        table.computeIfAbsent(la, k -> new TreeMap<>()).merge(band + "\t" + support, 1L, Long::sum);
      }
    });
    return table;
  }

  /** The SQL's CASE from a carer's row to the support provided (null when none applies). */
  static String carerSupport(Row r) {
    if (is(r.serviceType(), "Carer Support: Direct to Carer")) {
      if (is(r.mechanism(), "Direct Payment")) {
        return "Direct Payment only";
      }
      if (is(r.mechanism(), "CASSR Managed Personal Budget")) {
        return "CASSR Managed Personal Budget";
      }
      if (is(r.mechanism(), "CASSR Commissioned support")) {
        return "CASSR Commissioned Support only";
      }
      return "Support Direct to Carer: Unknown Delivery Mech";
    }
    if (is(r.serviceType(), "Carer Support: Support involving the person cared-for")) {
      return "No Direct Support Provided to Carer";
    }
    if (is(r.eventType(), "Assessment") || is(r.eventType(), "Review")) {
      return is(r.outcome(), "NFA - Information & Advice / Signposting only")
          ? "Information, Advice and Other Universal Services / Signposting" : "No Direct Support Provided to Carer";
    }
    if (is(r.eventType(), "Request")) {
      return "Information, Advice and Other Universal Services / Signposting";
    }
    return null;
  }

  static String carerAgeBand(Integer age) {
    if (age == null) {
      return "Unknown";
    }
    if (age < 18) {
      return "Carer aged under 18";
    }
    if (age <= 25) {
      return "Carer aged 18-25";
    }
    if (age <= 64) {
      return "Carer aged 26-64";
    }
    return age <= 84 ? "Carer aged 65-84" : "Carer aged 85+";
  }

  /** Adds the ENGLAND rows (the sum of the councils' cells) and flattens to {@code la TAB key -> count}. */
  static Map<String, Long> withEngland(Map<String, Map<String, Long>> table) {
    Map<String, Long> flat = new TreeMap<>();
    Map<String, Long> england = new TreeMap<>();
    table.forEach((la, cells) -> cells.forEach((cell, n) -> {
      flat.put(la + "\t" + cell, n);
      england.merge(cell, n, Long::sum);
    }));
    england.forEach((cell, n) -> flat.put(ENGLAND + "\t" + cell, n));
    return flat;
  }

  /** A statistics CSV as {@code la TAB key... -> count} (the columns before {@code count}, in file order). */
  static Map<String, Long> readTable(Path csv) throws IOException {
    Map<String, Long> cells = new LinkedHashMap<>();
    for (CSVRecord r : parse(csv)) {
      List<String> key = new ArrayList<>(r.toList());
      long count = Long.parseLong(key.remove(key.size() - 1));
      cells.merge(String.join("\t", key), count, Long::sum);
    }
    return new TreeMap<>(cells);
  }
}
