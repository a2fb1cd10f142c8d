package org.sdelink.pipelines.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
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
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sdelink.pseudonymisation.dates.DateOfBirth;
import org.sdelink.pseudonymisation.nhsnumber.NhsNumber;

/**
 * An independent implementation of ASCOF 2D and the waiting times over the raw generated files (the councils'
 * submitted CLD files and the HES APC file, identifiers in clear), written as plain loops from DHSC's
 * {@code Create_ASCOF_2D.sql} and {@code waiting_times_method.sql} v1.1 without the stage's classes (only the NHS
 * number and date of birth validation of the pseudonymiser, so that the same raw values count as usable). Each
 * result is a map from the output's key columns (tab separated) to its values.
 */
final class HospitalReference {
  static final String ENGLAND = "ENGLAND";
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final LocalDate START = LocalDate.of(2024, 4, 1);
  private static final LocalDate END = LocalDate.of(2025, 3, 31);
  private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);

  /** One raw CLD row; text codes lower-cased; eventRef is Event_Reference, or file:row when it is blank. */
  record Cld(String la, String file, LocalDate received, String eventRef, String nhs, String localId,
      Integer birthYear, Integer birthMonth, LocalDate death, LocalDate periodStart, LocalDate periodEnd,
      String clientType, String type,
      LocalDate start, LocalDate end, String outcome, String route, String assessmentType, String serviceType,
      String component, String mechanism) {}

  /** One raw APC episode. */
  record Apc(String epikey, String nhs, LocalDate admission, LocalDate discharge, String admimeth, String dismeth,
      String disdest, String tretspef, boolean last, Integer age, Integer dhscAge, String residence) {}

  private HospitalReference() {}

  // ------------------------------------------------------------------ reading

  static List<Cld> readCld(Path generated, LocalDate referenceDate) throws IOException {
    Path list = generated.resolve("cld").resolve("submissions.csv");
    List<Cld> rows = new ArrayList<>();
    for (CSVRecord submission : parse(list)) {
      String file = submission.get("file");
      LocalDate received = LocalDate.parse(submission.get("received_date"));
      for (CSVRecord r : parse(list.resolveSibling(file))) {
        var nhs = NhsNumber.validate(r.get("NHS_Number"));
        var dob = DateOfBirth.validate(iso(r.get("Date_of_Birth")), referenceDate);
        LocalDate birth = dob.isUsable() ? date(r.get("Date_of_Birth")) : null;
        String reference = r.get("Event_Reference").strip();
        rows.add(new Cld(r.get("LA_Code").strip(), file, received,
            reference.isEmpty() ? file + ":" + r.getRecordNumber() : reference,
            nhs.isUsable() ? nhs.get().digits() : null, blank(r.get("LA_Person_Unique_Identifier")),
            birth == null ? null : birth.getYear(), birth == null ? null : birth.getMonthValue(),
            date(r.get("Date_of_Death")), date(r.get("Reporting_Period_Start_Date")),
            date(r.get("Reporting_Period_End_Date")), low(r.get("Client_Type")),
            low(r.get("Event_Type")), date(r.get("Event_Start_Date")), date(r.get("Event_End_Date")),
            low(r.get("Event_Outcome")), low(r.get("Request_Route_of_Access")), low(r.get("Assessment_Type")),
            low(r.get("Service_Type")), low(r.get("Service_Component")), low(r.get("Delivery_Mechanism"))));
      }
    }
    return rows;
  }

  static List<Apc> readApc(Path file) throws IOException {
    List<Apc> rows = new ArrayList<>();
    for (CSVRecord r : parse(file)) {
      var nhs = NhsNumber.validate(r.get("NEWNHSNO"));
      LocalDate discharge = hesDate(r.get("DISDATE"));
      LocalDate dob = hesDate(r.get("DOB"));
      LocalDate monthStart = null;
      String my = r.get("MYDOB").strip();
      if (my.length() == 5) {
        my = "0" + my;
      }
      if (my.matches("\\d{6}") && Integer.parseInt(my.substring(0, 2)) >= 1 && Integer.parseInt(my.substring(0, 2))
          <= 12) {
        monthStart = LocalDate.of(Integer.parseInt(my.substring(2)), Integer.parseInt(my.substring(0, 2)), 1);
      }
      LocalDate birth = dob != null ? dob : monthStart;
      Integer age = discharge == null || birth == null || birth.isAfter(discharge) ? null
          : Period.between(birth, discharge).getYears();
      LocalDate firstOfMonth = birth == null ? null : birth.withDayOfMonth(1);
      Integer dhscAge = discharge == null || firstOfMonth == null ? null
          : (int) Math.floor(ChronoUnit.DAYS.between(firstOfMonth, discharge) / 365.25);
      rows.add(new Apc(r.get("EPIKEY").strip(), nhs.isUsable() ? nhs.get().digits() : null,
          hesDate(r.get("ADMIDATE")), discharge, r.get("ADMIMETH").strip(), r.get("DISMETH").strip(),
          r.get("DISDEST").strip(), r.get("TRETSPEF").strip(), r.get("SPELEND").strip().equalsIgnoreCase("Y"), age,
          dhscAge, r.get("RESLADST_ONS").strip()));
    }
    return rows;
  }

  /** source:record_id to true person, from the generator's truth.csv. */
  static Map<String, String> truth(Path file) throws IOException {
    Map<String, String> persons = new HashMap<>();
    for (CSVRecord r : parse(file)) {
      persons.put(r.get("source") + ":" + r.get("record_id"), r.get("person_id"));
    }
    return persons;
  }

  private static List<CSVRecord> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String low(String v) {
    return v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
  }

  private static String iso(String value) {
    LocalDate d = date(value);
    return d == null ? value : d.toString();
  }

  private static LocalDate date(String value) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate hesDate(String value) {
    LocalDate d = date(value);
    return d == null || d.getYear() <= 1801 ? null : d;
  }

  // ------------------------------------------------------------------ joined submissions

  /**
   * DHSC's joined main table ({@link DhscMainTableReference}): council TAB person (the NHS number, else the council's
   * local id; rows without a local id dropped, as the stage gathers by it) to its unique events.
   */
  static Map<String, List<Cld>> mainTable(List<Cld> rows, DhscMainTableReference.Selection selection) {
    return DhscMainTableReference.persons(rows, selection, FIELDS);
  }

  private static final DhscMainTableReference.Fields<Cld> FIELDS = new DhscMainTableReference.Fields<>() {
    @Override public String la(Cld r) {
      return r.la();
    }

    @Override public String file(Cld r) {
      return r.file();
    }

    @Override public LocalDate received(Cld r) {
      return r.received();
    }

    @Override public String person(Cld r) {
      return r.localId() == null ? null : r.nhs() != null ? r.nhs() : "local:" + r.localId();
    }

    @Override public LocalDate start(Cld r) {
      return r.start();
    }

    @Override public LocalDate end(Cld r) {
      return r.end();
    }

    @Override public LocalDate death(Cld r) {
      return r.death();
    }

    @Override public String type(Cld r) {
      return r.type();
    }

    @Override public String clientType(Cld r) {
      return r.clientType();
    }

    @Override public String route(Cld r) {
      return r.route();
    }

    @Override public String assessmentType(Cld r) {
      return r.assessmentType();
    }

    @Override public String serviceType(Cld r) {
      return r.serviceType();
    }

    @Override public String component(Cld r) {
      return r.component();
    }

    @Override public String mechanism(Cld r) {
      return r.mechanism();
    }

    @Override public String outcome(Cld r) {
      return r.outcome();
    }

    @Override public Cld with(Cld r, DhscMainTableReference.Period p, LocalDate end) {
      return new Cld(r.la(), r.file(), r.received(), r.eventRef(), r.nhs(), r.localId(), r.birthYear(),
          r.birthMonth(), r.death(), p.start(), p.end(), r.clientType(), r.type(), r.start(), end, r.outcome(),
          r.route(), r.assessmentType(), r.serviceType(), r.component(), r.mechanism());
    }
  };

  static Integer age(Cld r, LocalDate at) {
    if (r.birthYear() == null || r.birthMonth() == null) {
      return null;
    }
    return (int) Math.floor(ChronoUnit.DAYS.between(LocalDate.of(r.birthYear(), r.birthMonth(), 1), at) / 365.25);
  }

  // ------------------------------------------------------------------ waiting times

  private static final Set<String> SERVICE_TYPES = Set.of("long term support: nursing care",
      "long term support: residential care", "long term support: community", "long term support: prison",
      "short term support: st-max", "short term support: ongoing low level", "short term support: other short term");
  private static final Set<String> LONG_TERM = Set.of("long term support: nursing care",
      "long term support: residential care", "long term support: community", "long term support: prison");
  private static final Set<String> PROGRESS_TO_SERVICE = Set.of("progress to reablement/st-max",
      "progress to support planning / services", "progress to support planning or services", "no change in package",
      "continuation of support or services", "provision of service");

  /** Der_Event_End_Date: main-table rows carry it already (derived with death, services closed). */
  static LocalDate derivedEnd(Cld r) {
    return r.end();
  }

  private static final Set<String> KEPT_REQUEST_OUTCOMES = Set.of("progress to reablement/st-max",
      "progress to assessment", "progress to re-assessment / unplanned review", "progress to support planning / services",
      "progress to end of life care", "no change in package", "progress to financial assessment", "provision of service",
      "progress to assessment, review or reassessment", "progress to support planning or services",
      "continuation of support or services");

  /** Der_Working_Age_Band's age: at the derived end, or the period end of an open service. */
  private static Integer latestAge(Cld r) {
    LocalDate at = derivedEnd(r);
    if (at == null && r.type().equals("service")) {
      at = r.periodEnd();
    }
    return at == null ? null : age(r, at);
  }

  /** waiting_times.csv: la, quarter, band, part to "requests,median". */
  static Map<String, String> waitingTimes(Map<String, List<Cld>> persons) {
    Map<String, List<Long>> cells = new TreeMap<>();
    for (List<Cld> rows : persons.values()) {
      List<Cld> events = new ArrayList<>();
      for (Cld r : rows) {
        Integer age = age(r, r.start());
        boolean valid = switch (r.type()) {
          case "request" -> validRequest(r, rows);
          case "assessment" -> (r.assessmentType().equals("short term assessment")
              || r.assessmentType().equals("long term assessment")) && age != null && age >= 25;
          case "service" -> SERVICE_TYPES.contains(r.serviceType()) && age != null && age >= 25;
          default -> false;
        };
        if (valid) {
          events.add(r);
        }
      }
      Function<Cld, Integer> priority = r -> r.type().equals("request") ? 1 : r.type().equals("assessment") ? 2 : 3;
      events.sort(Comparator.comparing(Cld::start).thenComparing(priority)
          .thenComparing(Cld::received, Comparator.reverseOrder()).thenComparing(Cld::file));
      // person_valid_event_order = index + 1; assessment_block_id = running count of non-assessments.
      int n = events.size();
      int[] block = new int[n];
      int running = 0;
      Map<Integer, Boolean> blockProgress = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (!events.get(i).type().equals("assessment")) {
          running++;
        } else {
          blockProgress.merge(running, PROGRESS_TO_SERVICE.contains(events.get(i).outcome()), Boolean::logicalOr);
        }
        block[i] = running;
      }
      Integer lagGreatest = null;
      int maxA = 0;
      int maxS = 0;
      boolean firstRequest = true;
      for (int i = 0; i < n; i++) {
        if (!events.get(i).type().equals("request")) {
          continue;
        }
        Integer a = null;
        Integer s = null;
        for (int j = i + 1; j < n; j++) {
          if (a == null && events.get(j).type().equals("assessment")) {
            a = j;
          }
          if (s == null && events.get(j).type().equals("service")) {
            s = j;
          }
        }
        Integer response = (a == null && s != null) || (a != null && s != null && a > s) ? s : a;
        Integer service = s;
        if (response != null && events.get(response).type().equals("assessment")
            && !blockProgress.get(block[response])) {
          service = null;
        }
        int order = i + 1;
        Integer responseOrder = response == null ? null : response + 1;
        Integer serviceOrder = service == null ? null : service + 1;
        boolean excluded = (!firstRequest && lagGreatest != null && lagGreatest > order)
            || (responseOrder != null && responseOrder <= maxA) || (serviceOrder != null && serviceOrder <= maxS);
        firstRequest = false;
        if (responseOrder == null) {
          lagGreatest = serviceOrder;
        } else if (serviceOrder == null) {
          lagGreatest = responseOrder;
        } else {
          lagGreatest = Math.max(responseOrder, serviceOrder);
        }
        maxA = Math.max(maxA, responseOrder == null ? 0 : responseOrder);
        maxS = Math.max(maxS, serviceOrder == null ? 0 : serviceOrder);
        if (excluded) {
          continue;
        }
        Cld request = events.get(i);
        addWait(cells, request, response == null ? null : events.get(response), "first_response");
        addWait(cells, request, service == null ? null : events.get(service), "first_service");
      }
    }
    Map<String, String> out = new TreeMap<>();
    cells.forEach((cell, waits) -> {
      List<Long> sorted = waits.stream().sorted().toList();
      int k = sorted.size();
      double median = k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2.0;
      out.put(cell, k + "," + String.format(Locale.ROOT, "%.1f", median));
    });
    return out;
  }

  private static void addWait(Map<String, List<Long>> cells, Cld request, Cld response, String part) {
    if (response == null || response.start().isBefore(START) || response.start().isAfter(END)) {
      return;
    }
    Integer age = latestAge(response);
    if (age == null || age < 25) {
      return;
    }
    String band = age <= 64 ? "25-64" : "65+";
    int month = response.start().getMonthValue();
    String quarter = "2024-Q" + (month >= 4 ? (month - 4) / 3 + 1 : 4);
    long days = ChronoUnit.DAYS.between(request.start(), response.start());
    for (String la : List.of(request.la(), ENGLAND)) {
      cells.computeIfAbsent(String.join("\t", la, quarter, band, part), k -> new ArrayList<>()).add(days);
    }
  }

  private static boolean validRequest(Cld r, List<Cld> rows) {
    Integer age = age(r, r.start());
    if (!r.clientType().equals("service user") || r.start().isBefore(LocalDate.of(2023, 4, 1)) || age == null
        || age < 25) {
      return false;
    }
    for (Cld s : rows) {
      if (!s.type().equals("service") || !s.start().isBefore(r.start())) {
        continue;
      }
      LocalDate end = derivedEnd(s);
      boolean lt = LONG_TERM.contains(s.serviceType())
          && (end == null || !end.isBefore(r.start().minusMonths(12)));
      boolean st = (s.serviceType().equals("short term support: st-max")
          || s.serviceType().equals("short term support: other short term"))
          && (end == null || !end.isBefore(r.start().minusMonths(3)));
      if (lt || st) {
        return false;
      }
    }
    // Event_Outcome_Grouped NOT IN ('NFA', 'Admitted to hospital'): a blank or unlisted outcome has no group (NULL).
    return KEPT_REQUEST_OUTCOMES.contains(r.outcome());
  }

  // ------------------------------------------------------------------ ASCOF 2D

  /** Counts of one 2D run: cells "measure\tla" to {numerator, denominator}, and deviation sizes. */
  record Result2D(Map<String, long[]> cells, long dhscAgeDifferences, Map<String, Long> outcomes) {}

  /**
   * ASCOF 2D with persons identified by {@code personOfCld} (raw CLD row to person id, null: not linkable) and
   * {@code personOfApc} (null: the episode is left out).
   */
  static Result2D ascof2d(Map<String, List<Cld>> latest, List<Apc> apc, Function<Cld, String> personOfCld,
      Function<Apc, String> personOfApc) {
    // CLD rows per linked person and council, with that council's latest death.
    Map<String, Map<String, List<Cld>>> cld = new TreeMap<>();
    for (List<Cld> rows : latest.values()) {
      for (Cld r : rows) {
        String person = personOfCld.apply(r);
        if (person != null) {
          cld.computeIfAbsent(person, k -> new TreeMap<>()).computeIfAbsent(r.la(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    Map<String, List<Apc>> hospital = new TreeMap<>();
    Map<String, Apc> unique = new TreeMap<>();
    apc.forEach(a -> unique.putIfAbsent(a.epikey(), a));
    for (Apc a : unique.values()) {
      String person = personOfApc.apply(a);
      if (person != null) {
        hospital.computeIfAbsent(person, k -> new ArrayList<>()).add(a);
      }
    }
    Map<String, long[]> cells = new TreeMap<>();
    Map<String, Long> outcomes = new TreeMap<>();
    long ageDifferences = 0;
    Set<String> persons = new TreeSet<>(cld.keySet());
    persons.addAll(hospital.keySet());
    for (String person : persons) {
      Map<String, List<Cld>> byLa = cld.getOrDefault(person, Map.of());
      Map<String, LocalDate> deathOf = new TreeMap<>();
      List<Cld> cleaned = new ArrayList<>();
      for (Map.Entry<String, List<Cld>> e : byLa.entrySet()) {
        LocalDate death = e.getValue().stream().filter(r -> r.death() != null)
            .max(Comparator.comparing((Cld r) -> r.periodEnd() == null ? LocalDate.MIN : r.periodEnd())
                .thenComparing(Cld::death)).map(Cld::death).orElse(null);
        if (death == null || !death.isBefore(START)) {
          deathOf.put(e.getKey(), death);
          e.getValue().stream().filter(r -> r.clientType().equals("service user")
              && (r.end() == null || !r.end().isBefore(r.start()))).forEach(cleaned::add);
        }
      }
      List<Apc> episodes = hospital.getOrDefault(person, List.of());
      List<LocalDate> readmissions = new ArrayList<>();
      List<Apc> discharges = new ArrayList<>();
      for (Apc a : episodes) {
        boolean valid = a.last() && a.admission() != null && a.discharge() != null
            && a.admission().isBefore(a.discharge());
        if (valid && !a.dismeth().isEmpty() && !a.dismeth().equals("5") && !a.admission().isBefore(START)
            && (a.admimeth().matches("2[1-8ABCDabcd]") || List.of("31", "32", "81", "82", "83")
                .contains(a.admimeth()))) {
          readmissions.add(a.admission());
        }
        String f = a.tretspef();
        boolean counted = valid && a.age() != null && a.age() >= 65
            && !a.admimeth().isEmpty() && !List.of("31", "32", "82", "83").contains(a.admimeth())
            && !a.dismeth().isEmpty() && !List.of("4", "5").contains(a.dismeth())
            && !a.disdest().isEmpty() && !List.of("49", "50", "51", "52", "79", "87", "88").contains(a.disdest())
            && !f.isEmpty() && !List.of("199", "223", "290", "291", "331", "344", "345", "346", "424", "499", "501",
                "504", "560", "660", "661", "662", "840", "920").contains(f) && !f.startsWith("65")
            && !f.startsWith("7") && !a.admission().isBefore(LocalDate.of(2023, 4, 1))
            && !a.discharge().isBefore(START) && !a.discharge().isAfter(END);
        boolean inCare = cleaned.stream().anyMatch(r -> r.type().equals("service")
            && List.of("long term support: nursing care", "long term support: residential care",
                "long term support: prison").contains(r.serviceType())
            && !r.start().isAfter(a.admission()) && (r.end() == null || !r.end().isBefore(a.admission())));
        if (valid && a.age() != null && a.dhscAge() != null && (a.age() >= 65) != (a.dhscAge() >= 65)) {
          ageDifferences++;
        }
        if (!counted || inCare) {
          continue;
        }
        String council;
        if (a.residence().matches("E(06|08|09|10)\\d{6}")) {
          council = a.residence();
        } else if (!a.residence().isEmpty() && !a.residence().startsWith("E")) {
          continue;
        } else {
          council = byLa.size() == 1 ? byLa.keySet().iterator().next() : ENGLAND;
        }
        discharges.add(a);
        add(cells, "2D_part2", council, 0, 1);
      }
      for (Map.Entry<String, List<Cld>> e : byLa.entrySet()) {
        if (!deathOf.containsKey(e.getKey())) {
          continue;
        }
        List<Cld> reablement = e.getValue().stream().filter(r -> r.clientType().equals("service user")
                && (r.end() == null || !r.end().isBefore(r.start())) && r.type().equals("service")
                && r.serviceType().equals("short term support: st-max") && r.component().equals("reablement"))
            .sorted(Comparator.comparing(Cld::start).thenComparing(r -> r.end() == null ? OPEN : r.end()))
            .toList();
        List<LocalDate[]> clusters = new ArrayList<>();
        LocalDate previousEnd = null;
        for (Cld r : reablement) {
          LocalDate end = r.end() == null ? OPEN : r.end();
          if (previousEnd == null || ChronoUnit.DAYS.between(previousEnd, r.start()) > 7) {
            clusters.add(new LocalDate[] {r.start(), end});
          } else {
            LocalDate[] last = clusters.get(clusters.size() - 1);
            last[1] = end.isAfter(last[1]) ? end : last[1];
          }
          previousEnd = previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
        }
        for (LocalDate[] cluster : clusters) {
          LocalDate start = cluster[0];
          LocalDate latestDischarge = discharges.stream().filter(d -> !d.discharge().isBefore(start.minusDays(7))
                  && !d.discharge().isAfter(start.plusDays(3)) && !d.admission().isAfter(start))
              .map(Apc::discharge).max(Comparator.naturalOrder()).orElse(null);
          if (latestDischarge == null) {
            continue;
          }
          LocalDate limit = latestDischarge.plusDays(84);
          LocalDate death = deathOf.get(e.getKey());
          boolean died = death != null && !death.isBefore(latestDischarge) && !death.isAfter(limit);
          boolean readmitted = readmissions.stream().anyMatch(x -> x.isAfter(start) && x.isAfter(latestDischarge)
              && !x.isAfter(limit));
          boolean careHome = cleaned.stream().anyMatch(r -> r.type().equals("service")
              && List.of("long term support: residential care", "long term support: nursing care")
                  .contains(r.serviceType())
              && !r.start().isBefore(latestDischarge) && !r.start().isAfter(limit));
          outcomes.merge("died", died ? 1L : 0L, Long::sum);
          outcomes.merge("readmitted", readmitted ? 1L : 0L, Long::sum);
          outcomes.merge("care_home", careHome ? 1L : 0L, Long::sum);
          add(cells, "2D_part1", e.getKey(), died || readmitted || careHome ? 0 : 1, 1);
          add(cells, "2D_part2", e.getKey(), 1, 0);
        }
      }
    }
    return new Result2D(cells, ageDifferences, outcomes);
  }

  private static void add(Map<String, long[]> cells, String measure, String la, long numerator, long denominator) {
    for (String key : la.equals(ENGLAND) ? List.of(ENGLAND) : List.of(la, ENGLAND)) {
      long[] sum = cells.computeIfAbsent(measure + "\t" + key, k -> new long[2]);
      sum[0] += numerator;
      sum[1] += denominator;
    }
  }
}
