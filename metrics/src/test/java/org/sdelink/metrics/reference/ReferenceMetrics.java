package org.sdelink.metrics.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * An independent reference implementation of the transition metrics, written from docs/metrics.md without any of the
 * production code. It reads the RAW generator files (cld_events.csv in CLD Release 1 columns, apc_episodes.csv in HES
 * columns with DOB and MYDOB) and a spine, and computes the summary rows. It is deliberately simple: plain loops over
 * lists, day-by-day counting, no clever data structures. Use it to check the metrics stage on small and medium data.
 */
public final class ReferenceMetrics {
  /** The header of summary.csv. */
  public static final List<String> HEADER =
      List.of("metric", "breakdown", "group", "numerator", "denominator", "value");

  /** Metric ids in output order. */
  static final List<String> METRICS = List.of(
      "request_after_discharge",
      "reablement_after_discharge",
      "at_home_91d_after_reablement",
      "emergency_readmission_30d",
      "care_home_after_discharge",
      "emergency_admissions_per_1000_lts_years",
      "median_days_discharge_to_service");

  /** Breakdown ids in output order. */
  static final List<String> BREAKDOWNS = List.of("all", "age_band", "sex", "la", "social_care_at_discharge");

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ReferenceMetrics() {}

  // ---------------------------------------------------------------------------------------------------------------
  // Raw records

  /** One raw CLD row that belongs to a linked person. */
  static final class Event {
    String recordId;
    int row;
    String personId;
    LocalDate reportingPeriodEnd;
    LocalDate dateOfDeath;
    String eventType;
    LocalDate start;
    LocalDate end;
    String route;
    String serviceType;
    String serviceComponent;
  }

  /** One raw APC row that belongs to a linked person. */
  static final class Episode {
    String recordId;
    int row;
    String personId;
    String sex;
    String la;
    String provider;
    LocalDate admissionDate;
    String admissionMethod;
    int epiOrder; // Integer.MAX_VALUE when blank or not a number
    String spellEnd;
    LocalDate dischargeDate;
    String dischargeMethod;
    String dischargeDestination;
    LocalDate dateOfBirth;
    String monthOfBirth;
  }

  /** A spell: the episodes with the same person, provider and admission date. */
  static final class Spell {
    String provider;
    LocalDate admissionDate;
    List<Episode> episodes = new ArrayList<>();
    Episode first;
    Episode last; // the SPELEND = Y episode, or null
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Entry points

  /** Computes the summary rows (without header) from raw files and a spine. */
  public static List<List<String>> compute(
      Path cldEventsCsv, Path apcEpisodesCsv, Path spineCsv, LocalDate periodStart, LocalDate periodEnd)
      throws IOException {
    Map<String, String> spine = readSpine(spineCsv);
    List<Event> events = keepOneCopyOfEachEvent(readEvents(cldEventsCsv, spine));
    List<Episode> episodes = keepOneCopyOfEachEpisode(readEpisodes(apcEpisodesCsv, spine));

    // Each person's records: person id -> events, person id -> episodes.
    Map<String, List<Event>> eventsByPerson = new TreeMap<>();
    Map<String, List<Episode>> episodesByPerson = new TreeMap<>();
    for (Event e : events) {
      eventsByPerson.computeIfAbsent(e.personId, p -> new ArrayList<>()).add(e);
      episodesByPerson.computeIfAbsent(e.personId, p -> new ArrayList<>());
    }
    for (Episode e : episodes) {
      episodesByPerson.computeIfAbsent(e.personId, p -> new ArrayList<>()).add(e);
    }

    Counts counts = new Counts();
    for (String person : episodesByPerson.keySet()) {
      countPerson(eventsByPerson.getOrDefault(person, new ArrayList<>()), episodesByPerson.get(person), periodStart,
          periodEnd, counts);
    }
    return counts.toRows();
  }

  /** Writes rows (with header) as summary.csv. */
  public static void writeCsv(List<List<String>> rows, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      printer.printRecord(HEADER);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
  }

  /** Reads a summary.csv (any writer) into rows without header, for comparison with {@link #compute}. */
  public static List<List<String>> readSummaryCsv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, String> record : readCsv(file)) {
      List<String> row = new ArrayList<>();
      for (String column : HEADER) {
        row.add(record.get(column));
      }
      rows.add(row);
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  private static Map<String, String> readSpine(Path spineCsv) throws IOException {
    Map<String, String> spine = new HashMap<>();
    for (Map<String, String> row : readCsv(spineCsv)) {
      spine.put(row.get("source").trim() + "|" + row.get("record_id").trim(), row.get("person_id").trim());
    }
    return spine;
  }

  private static List<Event> readEvents(Path file, Map<String, String> spine) throws IOException {
    List<Event> events = new ArrayList<>();
    List<Map<String, String>> rows = readCsv(file);
    String fileName = file.getFileName().toString();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      int rowNumber = i + 1;
      String la = text(row, "LA_Code");
      String reference = text(row, "Event_Reference");
      String recordId = reference.isEmpty() ? la + ":" + fileName + ":" + rowNumber : la + ":" + reference;
      String person = spine.get("cld|" + recordId);
      if (person == null) {
        continue; // not linked: not in any figure
      }
      Event e = new Event();
      e.recordId = recordId;
      e.row = rowNumber;
      e.personId = person;
      e.reportingPeriodEnd = date(text(row, "Reporting_Period_End_Date"));
      e.dateOfDeath = date(text(row, "Date_of_Death"));
      e.eventType = text(row, "Event_Type");
      e.start = date(text(row, "Event_Start_Date"));
      e.end = date(text(row, "Event_End_Date"));
      e.route = text(row, "Request_Route_of_Access");
      e.serviceType = text(row, "Service_Type");
      e.serviceComponent = text(row, "Service_Component");
      events.add(e);
    }
    return events;
  }

  private static List<Episode> readEpisodes(Path file, Map<String, String> spine) throws IOException {
    List<Episode> episodes = new ArrayList<>();
    List<Map<String, String>> rows = readCsv(file);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String recordId = text(row, "EPIKEY");
      String person = spine.get("apc|" + recordId);
      if (person == null) {
        continue;
      }
      Episode e = new Episode();
      e.recordId = recordId;
      e.row = i + 1;
      e.personId = person;
      e.sex = text(row, "SEX");
      e.la = text(row, "RESLADST_ONS");
      e.provider = text(row, "PROCODE3");
      e.admissionDate = date(text(row, "ADMIDATE"));
      e.admissionMethod = text(row, "ADMIMETH");
      e.epiOrder = wholeNumberOrMax(text(row, "EPIORDER"));
      e.spellEnd = text(row, "SPELEND");
      e.dischargeDate = date(text(row, "DISDATE"));
      e.dischargeMethod = text(row, "DISMETH");
      e.dischargeDestination = text(row, "DISDEST");
      e.dateOfBirth = date(text(row, "DOB"));
      e.monthOfBirth = text(row, "MYDOB");
      episodes.add(e);
    }
    return episodes;
  }

  /** Resubmitted events share a record id: keep the one from the latest reporting period, else the first row. */
  private static List<Event> keepOneCopyOfEachEvent(List<Event> all) {
    Map<String, Event> kept = new TreeMap<>();
    for (Event e : all) {
      Event other = kept.get(e.recordId);
      if (other == null || isLaterSubmission(e, other)) {
        kept.put(e.recordId, e);
      }
    }
    return new ArrayList<>(kept.values());
  }

  private static boolean isLaterSubmission(Event a, Event b) {
    if (a.reportingPeriodEnd != null && (b.reportingPeriodEnd == null || a.reportingPeriodEnd.isAfter(b.reportingPeriodEnd))) {
      return true;
    }
    boolean samePeriod = a.reportingPeriodEnd == null ? b.reportingPeriodEnd == null
        : a.reportingPeriodEnd.equals(b.reportingPeriodEnd);
    return samePeriod && a.row < b.row;
  }

  private static List<Episode> keepOneCopyOfEachEpisode(List<Episode> all) {
    Map<String, Episode> kept = new TreeMap<>();
    for (Episode e : all) {
      Episode other = kept.get(e.recordId);
      if (other == null || e.row < other.row) {
        kept.put(e.recordId, e);
      }
    }
    return new ArrayList<>(kept.values());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // One person

  private static void countPerson(
      List<Event> events, List<Episode> episodes, LocalDate periodStart, LocalDate periodEnd, Counts counts) {
    List<Spell> spells = makeSpells(episodes);
    LocalDate death = deathDate(events, spells);

    for (Spell s : spells) {
      if (!isFinished(s)) {
        continue;
      }
      LocalDate adm = s.admissionDate;
      LocalDate dis = s.last.dischargeDate;
      if (dis.isBefore(periodStart) || dis.isAfter(periodEnd)) {
        continue;
      }
      String dest = s.last.dischargeDestination;
      boolean alive = !s.last.dischargeMethod.equals("4") && !s.last.dischargeMethod.equals("5") && !dest.equals("79");
      Integer age = age(s.last);
      boolean over65 = age != null && age >= 65;

      boolean careHomeOnAdmission = false;
      boolean anyServiceOnDischarge = false;
      for (Event e : events) {
        if (isCareHome(e) && openOn(e, adm)) {
          careHomeOnAdmission = true;
        }
        if (isService(e) && openOn(e, dis)) {
          anyServiceOnDischarge = true;
        }
      }

      String ageBand = ageBand(age);
      String sex = s.last.sex.isEmpty() ? "unknown" : s.last.sex;
      String la = s.last.la.isEmpty() ? "unknown" : s.last.la;
      String socialCare = anyServiceOnDischarge ? "yes" : "no";

      // 1. request_after_discharge
      if (alive && over65) {
        boolean num = false;
        for (Event e : events) {
          if (isRequest(e) && e.route.equalsIgnoreCase("Discharge from Hospital")
              && inRange(e.start, adm, dis.plusDays(14))) {
            num = true;
          }
        }
        counts.proportion("request_after_discharge", ageBand, sex, la, null, num);
      }

      // 2. reablement_after_discharge and 3. at_home_91d_after_reablement
      List<String> excludedMethods = List.of("31", "32", "82", "83");
      List<String> excludedDestinations = List.of("49", "50", "51", "52", "53", "79", "87", "88");
      if (alive && over65 && !excludedMethods.contains(s.first.admissionMethod) && !excludedDestinations.contains(dest)
          && adm.isBefore(dis) && !careHomeOnAdmission) {
        LocalDate from = dis.minusDays(3);
        if (from.isBefore(adm)) {
          from = adm;
        }
        boolean reabled = false;
        for (Event e : events) {
          if (isService(e) && e.serviceType.equalsIgnoreCase("Short Term Support: ST-Max")
              && e.serviceComponent.equalsIgnoreCase("Reablement") && inRange(e.start, from, dis.plusDays(7))) {
            reabled = true;
          }
        }
        counts.proportion("reablement_after_discharge", ageBand, sex, la, null, reabled);

        if (reabled) {
          boolean stillHome = true;
          for (int d = 1; d <= 91; d++) {
            LocalDate day = dis.plusDays(d);
            if (day.equals(death)) {
              stillHome = false;
            }
            for (Spell other : spells) {
              if (isEmergency(other) && other.admissionDate.equals(day)) {
                stillHome = false;
              }
            }
            for (Event e : events) {
              if (isCareHome(e) && day.equals(e.start)) {
                stillHome = false;
              }
            }
          }
          counts.proportion("at_home_91d_after_reablement", ageBand, sex, la, null, stillHome);
        }
      }

      // 4. emergency_readmission_30d
      if (alive && !List.of("49", "50", "51", "52", "53").contains(dest)) {
        boolean readmitted = false;
        for (Spell other : spells) {
          if (other != s && isEmergency(other) && inRange(other.admissionDate, dis, dis.plusDays(29))) {
            readmitted = true;
          }
        }
        counts.proportion("emergency_readmission_30d", ageBand, sex, la, socialCare, readmitted);
      }

      // 5. care_home_after_discharge
      if (alive && over65 && !careHomeOnAdmission) {
        boolean careHome = List.of("54", "55", "56", "65", "85").contains(dest);
        for (Event e : events) {
          if (isCareHome(e) && inRange(e.start, adm, dis.plusDays(28))) {
            careHome = true;
          }
        }
        counts.proportion("care_home_after_discharge", ageBand, sex, la, null, careHome);
      }

      // 7. median_days_discharge_to_service
      if (alive && over65) {
        Integer firstDay = null;
        for (int d = 28; d >= 0; d--) {
          for (Event e : events) {
            if (isService(e) && dis.plusDays(d).equals(e.start)) {
              firstDay = d;
            }
          }
        }
        if (firstDay != null) {
          counts.days(ageBand, sex, la, firstDay);
        }
      }
    }

    // 6. emergency_admissions_per_1000_lts_years
    long clientDays = 0;
    for (LocalDate day = periodStart; !day.isAfter(periodEnd); day = day.plusDays(1)) {
      if (death != null && day.isAfter(death)) {
        break;
      }
      for (Event e : events) {
        if (isLts(e) && openOn(e, day)) {
          clientDays++;
          break;
        }
      }
    }
    long admissions = 0;
    for (Spell s : spells) {
      if (isEmergency(s) && inRange(s.admissionDate, periodStart, periodEnd)) {
        for (Event e : events) {
          if (isLts(e) && openOn(e, s.admissionDate)) {
            admissions++;
            break;
          }
        }
      }
    }
    counts.rate(admissions, clientDays);
  }

  private static List<Spell> makeSpells(List<Episode> episodes) {
    List<Spell> spells = new ArrayList<>();
    for (Episode e : episodes) {
      if (e.admissionDate == null) {
        continue; // cannot be placed in a spell
      }
      Spell found = null;
      for (Spell s : spells) {
        if (s.provider.equals(e.provider) && s.admissionDate.equals(e.admissionDate)) {
          found = s;
        }
      }
      if (found == null) {
        found = new Spell();
        found.provider = e.provider;
        found.admissionDate = e.admissionDate;
        spells.add(found);
      }
      found.episodes.add(e);
    }
    for (Spell s : spells) {
      for (Episode e : s.episodes) {
        if (s.first == null || e.epiOrder < s.first.epiOrder
            || (e.epiOrder == s.first.epiOrder && e.recordId.compareTo(s.first.recordId) < 0)) {
          s.first = e;
        }
        if (e.spellEnd.equalsIgnoreCase("Y")) {
          if (s.last == null || e.epiOrder > s.last.epiOrder
              || (e.epiOrder == s.last.epiOrder && e.recordId.compareTo(s.last.recordId) > 0)) {
            s.last = e;
          }
        }
      }
    }
    return spells;
  }

  private static boolean isFinished(Spell s) {
    return s.last != null && s.last.dischargeDate != null;
  }

  private static boolean isEmergency(Spell s) {
    return s.first.admissionMethod.startsWith("2");
  }

  private static LocalDate deathDate(List<Event> events, List<Spell> spells) {
    LocalDate death = null;
    for (Event e : events) {
      if (e.dateOfDeath != null && (death == null || e.dateOfDeath.isBefore(death))) {
        death = e.dateOfDeath;
      }
    }
    for (Spell s : spells) {
      if (isFinished(s) && (s.last.dischargeMethod.equals("4") || s.last.dischargeMethod.equals("5")
          || s.last.dischargeDestination.equals("79"))) {
        if (death == null || s.last.dischargeDate.isBefore(death)) {
          death = s.last.dischargeDate;
        }
      }
    }
    return death;
  }

  /** Whole years from DOB (else the first of the MYDOB month) to DISDATE of the discharge episode. */
  private static Integer age(Episode discharge) {
    LocalDate birth = discharge.dateOfBirth;
    if (birth == null) {
      String mydob = discharge.monthOfBirth;
      if (mydob.length() == 5) {
        mydob = "0" + mydob;
      }
      if (mydob.matches("[0-9]{6}")) {
        int month = Integer.parseInt(mydob.substring(0, 2));
        int year = Integer.parseInt(mydob.substring(2));
        if (month >= 1 && month <= 12) {
          birth = LocalDate.of(year, month, 1);
        }
      }
    }
    LocalDate dis = discharge.dischargeDate;
    if (birth == null || dis == null || birth.isAfter(dis)) {
      return null;
    }
    int years = dis.getYear() - birth.getYear();
    boolean birthdayNotYetReached = dis.getMonthValue() < birth.getMonthValue()
        || (dis.getMonthValue() == birth.getMonthValue() && dis.getDayOfMonth() < birth.getDayOfMonth());
    if (birthdayNotYetReached) {
      years--;
    }
    return years;
  }

  private static String ageBand(Integer age) {
    if (age == null) {
      return "unknown";
    }
    if (age <= 17) {
      return "0-17";
    }
    if (age <= 64) {
      return "18-64";
    }
    if (age <= 74) {
      return "65-74";
    }
    if (age <= 84) {
      return "75-84";
    }
    return "85+";
  }

  private static boolean isService(Event e) {
    return e.eventType.equalsIgnoreCase("Service");
  }

  private static boolean isRequest(Event e) {
    return e.eventType.equalsIgnoreCase("Request");
  }

  private static boolean isCareHome(Event e) {
    return isService(e) && (e.serviceType.equalsIgnoreCase("Long Term Support: Residential Care")
        || e.serviceType.equalsIgnoreCase("Long Term Support: Nursing Care"));
  }

  private static boolean isLts(Event e) {
    return isService(e) && e.serviceType.toLowerCase().startsWith("long term support");
  }

  private static boolean openOn(Event e, LocalDate day) {
    return e.start != null && !e.start.isAfter(day) && (e.end == null || !e.end.isBefore(day));
  }

  private static boolean inRange(LocalDate day, LocalDate first, LocalDate last) {
    return day != null && !day.isBefore(first) && !day.isAfter(last);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Counting and output

  /** Counters keyed by metric, breakdown and group. */
  static final class Counts {
    final Map<String, long[]> numDen = new HashMap<>();
    final Map<String, List<Integer>> days = new HashMap<>();
    long rateEvents;
    long rateDays;

    void proportion(String metric, String ageBand, String sex, String la, String socialCare, boolean inNumerator) {
      add(metric, "all", "all", inNumerator);
      add(metric, "age_band", ageBand, inNumerator);
      add(metric, "sex", sex, inNumerator);
      add(metric, "la", la, inNumerator);
      if (socialCare != null) {
        add(metric, "social_care_at_discharge", socialCare, inNumerator);
      }
    }

    private void add(String metric, String breakdown, String group, boolean inNumerator) {
      long[] nd = numDen.computeIfAbsent(metric + "\t" + breakdown + "\t" + group, k -> new long[2]);
      nd[1]++;
      if (inNumerator) {
        nd[0]++;
      }
    }

    void days(String ageBand, String sex, String la, int value) {
      String m = "median_days_discharge_to_service";
      days.computeIfAbsent(m + "\tall\tall", k -> new ArrayList<>()).add(value);
      days.computeIfAbsent(m + "\tage_band\t" + ageBand, k -> new ArrayList<>()).add(value);
      days.computeIfAbsent(m + "\tsex\t" + sex, k -> new ArrayList<>()).add(value);
      days.computeIfAbsent(m + "\tla\t" + la, k -> new ArrayList<>()).add(value);
    }

    void rate(long events, long clientDays) {
      rateEvents += events;
      rateDays += clientDays;
    }

    List<List<String>> toRows() {
      List<List<String>> rows = new ArrayList<>();
      for (String metric : METRICS) {
        for (String breakdown : BREAKDOWNS) {
          TreeSet<String> groups = new TreeSet<>();
          for (String key : numDen.keySet()) {
            if (key.startsWith(metric + "\t" + breakdown + "\t")) {
              groups.add(key.substring((metric + "\t" + breakdown + "\t").length()));
            }
          }
          for (String key : days.keySet()) {
            if (key.startsWith(metric + "\t" + breakdown + "\t")) {
              groups.add(key.substring((metric + "\t" + breakdown + "\t").length()));
            }
          }
          if (breakdown.equals("all")) {
            groups.add("all");
          }
          for (String group : groups) {
            rows.add(row(metric, breakdown, group));
          }
        }
      }
      return rows;
    }

    private List<String> row(String metric, String breakdown, String group) {
      String key = metric + "\t" + breakdown + "\t" + group;
      if (metric.equals("emergency_admissions_per_1000_lts_years")) {
        String years = new BigDecimal(rateDays).divide(new BigDecimal("365.25"), 6, RoundingMode.HALF_EVEN)
            .toPlainString();
        String value = rateDays == 0 ? "" : new BigDecimal(rateEvents * 1000).multiply(new BigDecimal("365.25"))
            .divide(new BigDecimal(rateDays), 6, RoundingMode.HALF_EVEN).toPlainString();
        return List.of(metric, breakdown, group, Long.toString(rateEvents), years, value);
      }
      if (metric.equals("median_days_discharge_to_service")) {
        List<Integer> values = new ArrayList<>(days.getOrDefault(key, List.of()));
        Collections.sort(values);
        String median = "";
        int n = values.size();
        if (n % 2 == 1) {
          median = new BigDecimal(values.get(n / 2)).setScale(6).toPlainString();
        } else if (n > 0) {
          median = new BigDecimal(values.get(n / 2 - 1) + values.get(n / 2))
              .divide(new BigDecimal(2), 6, RoundingMode.HALF_EVEN).toPlainString();
        }
        return List.of(metric, breakdown, group, median, Integer.toString(n), median);
      }
      long[] nd = numDen.getOrDefault(key, new long[2]);
      String value = nd[1] == 0 ? "" : new BigDecimal(nd[0]).divide(new BigDecimal(nd[1]), 6, RoundingMode.HALF_EVEN)
          .toPlainString();
      return List.of(metric, breakdown, group, Long.toString(nd[0]), Long.toString(nd[1]), value);
    }
  }

  private static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
    }
    return rows;
  }

  private static String text(Map<String, String> row, String column) {
    if (!row.containsKey(column)) {
      throw new IllegalArgumentException("raw file has no column " + column);
    }
    String value = row.get(column);
    return value == null ? "" : value.trim();
  }

  /** yyyy-MM-dd or dd/MM/yyyy; blank and the HES sentinels 1800-01-01, 1801-01-01 are missing. */
  static LocalDate date(String text) {
    if (text.isEmpty()) {
      return null;
    }
    LocalDate d;
    try {
      d = text.contains("/") ? LocalDate.parse(text, UK) : LocalDate.parse(text, ISO);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("raw date not in yyyy-MM-dd or dd/MM/yyyy", e);
    }
    if (d.equals(LocalDate.of(1800, 1, 1)) || d.equals(LocalDate.of(1801, 1, 1))) {
      return null;
    }
    return d;
  }

  private static int wholeNumberOrMax(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
