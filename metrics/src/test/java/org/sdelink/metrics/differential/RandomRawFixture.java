package org.sdelink.metrics.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sdelink.metrics.reference.RawFiles;

/**
 * Seeded random raw files (generator format) dense in edge cases: events clustered around discharges, spells close
 * together, sentinels, MYDOB-only births, Release 2 strings, dd/MM/yyyy dates, resubmissions, blank Event_Reference,
 * deaths in either source, unlinked records. Not realistic; made to make two implementations disagree if they can.
 */
final class RandomRawFixture {
  static final LocalDate PERIOD_START = LocalDate.of(2024, 4, 1);
  static final LocalDate PERIOD_END = LocalDate.of(2024, 9, 30);
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 2, 1);
  private static final int DAYS = 330;

  private static final String[] COUNCILS = {"E08000025", "E08000035", "E06000001"};
  private static final String[] PROVIDERS = {"RAA", "RBB", "RCC"};
  private static final String[] ADMISSION_METHODS = {"11", "12", "21", "22", "2A", "2B", "2D", "31", "32", "81", "82",
      "83", ""};
  private static final String[] DISCHARGE_METHODS = {"1", "1", "1", "2", "4", "5", "9"};
  private static final String[] DESTINATIONS = {"19", "19", "19", "19", "29", "49", "50", "51", "52", "53", "54", "55",
      "56", "65", "79", "85", "87", "88", "98", ""};
  private static final String[] EVENT_TYPES = {"Request", "Assessment", "Service", "Service", "Service", "Review",
      "request", "SERVICE"};
  private static final String[] SERVICE_TYPES = {"Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison",
      "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level", "Carer Support: Direct to Carer",
      "Long term support: Nursing care", "Long term support: Residential care", "Long term support: Community",
      "Short term support: ST-Max", "Unpaid carer support: Direct to unpaid carer"};
  private static final String[] COMPONENTS = {"Reablement", "reablement", "Home Support", "Equipment", ""};
  private static final String[] ROUTES = {"Discharge from Hospital", "discharge from hospital",
      "Community / Other route", "Diversion from Hospital Services", ""};
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Random random;
  private final List<Map<String, String>> cld = new ArrayList<>();
  private final List<Map<String, String>> apc = new ArrayList<>();
  private final Set<String> spine = new LinkedHashSet<>();
  private int nextEpikey = 100000;
  private int nextReference = 1;

  private RandomRawFixture(long seed) {
    this.random = new Random(seed);
  }

  static void write(Path dir, long seed, int people) throws IOException {
    RandomRawFixture f = new RandomRawFixture(seed);
    for (int p = 0; p < people; p++) {
      f.person("P" + seed + "-" + p);
    }
    RawFiles.write(dir.resolve("cld_events.csv"), RawFiles.CLD_COLUMNS, f.cld);
    RawFiles.write(dir.resolve("apc_episodes.csv"), RawFiles.APC_COLUMNS, f.apc);
    List<Map<String, String>> spineRows = new ArrayList<>();
    for (String line : f.spine) {
      String[] parts = line.split("\\|");
      spineRows.add(Map.of("source", parts[0], "record_id", parts[1], "person_id", parts[2], "match_rule", "x"));
    }
    RawFiles.write(dir.resolve("spine.csv"), RawFiles.SPINE_COLUMNS, spineRows);
  }

  private void person(String person) {
    LocalDate birth = LocalDate.of(1915 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28));
    int birthKind = random.nextInt(10); // 0-6 DOB, 7-8 MYDOB only, 9 neither
    String dob = birthKind <= 6 ? birth.toString() : "";
    String mydob = birthKind == 7 || birthKind == 8 ? String.format("%02d%04d", birth.getMonthValue(), birth.getYear())
        : "";
    String sex = pick(new String[] {"1", "2", "2", "9", ""});
    String residence = pick(new String[] {"E08000025", "E08000035", "E06000001", ""});
    LocalDate cldDeath = random.nextInt(8) == 0 ? day() : null;

    List<LocalDate> discharges = new ArrayList<>();
    int spells = random.nextInt(5);
    LocalDate admission = day();
    for (int s = 0; s < spells; s++) {
      if (s > 0) {
        admission = admission.plusDays(random.nextInt(45));
      }
      discharges.add(spell(person, admission, dob, mydob, sex, residence));
    }

    String la = pick(COUNCILS);
    String laPersonId = "LP" + random.nextInt(1_000_000);
    int events = random.nextInt(7);
    for (int e = 0; e < events; e++) {
      if (random.nextInt(6) == 0) {
        la = pick(COUNCILS); // known to another council
      }
      int kind = random.nextInt(12); // 0-2 reablement, 3-4 hospital-route request, else any event
      LocalDate near = discharges.isEmpty() ? day() : pickDate(discharges);
      LocalDate start = kind <= 2 ? near.plusDays(random.nextInt(14) - 4)
          : kind <= 4 ? near.plusDays(random.nextInt(20) - 3)
          : random.nextInt(3) > 0 ? near.plusDays(random.nextInt(40) - 8) : day();
      event(person, la, laPersonId, start, cldDeath, kind);
    }
  }

  /** Writes a spell's episodes and returns its discharge date (or the admission date when unfinished). */
  private LocalDate spell(String person, LocalDate admission, String dob, String mydob, String sex, String residence) {
    String provider = pick(PROVIDERS);
    String method = pick(ADMISSION_METHODS);
    LocalDate discharge = admission.plusDays(random.nextInt(20) == 0 ? 0 : random.nextInt(16));
    int episodes = 1 + random.nextInt(3);
    int ending = random.nextInt(10); // 0-6 finished, 7 sentinel, 8 blank DISDATE, 9 no SPELEND Y
    List<Map<String, String>> rows = new ArrayList<>();
    for (int order = 1; order <= episodes; order++) {
      boolean last = order == episodes;
      Map<String, String> row = new LinkedHashMap<>();
      String epikey = Integer.toString(nextEpikey++);
      row.put("EPIKEY", epikey);
      row.put("DOB", dob);
      row.put("MYDOB", mydob);
      row.put("SEX", sex);
      row.put("RESLADST_ONS", residence);
      row.put("PROCODE3", provider);
      row.put("ADMIDATE", admission.toString());
      row.put("ADMIMETH", order == 1 ? method : pick(ADMISSION_METHODS));
      row.put("EPIORDER", String.format("%02d", order));
      row.put("SPELEND", last && ending != 9 ? "Y" : "N");
      if (last && ending <= 6) {
        row.put("DISDATE", discharge.toString());
        row.put("DISMETH", pick(DISCHARGE_METHODS));
        row.put("DISDEST", pick(DESTINATIONS));
      } else {
        row.put("DISDATE", last && ending == 7 ? pick(new String[] {"1800-01-01", "1801-01-01"}) : "");
        row.put("DISMETH", "8");
        row.put("DISDEST", "98");
      }
      rows.add(row);
      if (random.nextInt(25) != 0) {
        spine.add("apc|" + epikey + "|" + person);
      }
    }
    java.util.Collections.shuffle(rows, random);
    apc.addAll(rows);
    return discharge;
  }

  private void event(String person, String la, String laPersonId, LocalDate start, LocalDate death, int kind) {
    boolean ukDates = la.equals("E06000001");
    boolean reablement = kind <= 2;
    boolean hospitalRequest = kind == 3 || kind == 4;
    String type = reablement ? "Service" : hospitalRequest ? "Request" : pick(EVENT_TYPES);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("LA_Code", la);
    row.put("LA_Person_Unique_Identifier", laPersonId);
    row.put("Client_Type", "Service User");
    row.put("Event_Type", type);
    String reference = random.nextInt(6) == 0 ? "" : "EV" + nextReference++;
    row.put("Event_Reference", reference);
    row.put("Event_Start_Date", random.nextInt(40) == 0 ? "" : format(start, ukDates));
    row.put("Event_End_Date", random.nextInt(2) == 0 ? "" : format(start.plusDays(random.nextInt(120)), ukDates));
    row.put("Date_of_Death", format(death, ukDates));
    if (type.equalsIgnoreCase("Request")) {
      row.put("Request_Route_of_Access", hospitalRequest ? pick(ROUTES[0], ROUTES[1]) : pick(ROUTES));
    }
    if (type.equalsIgnoreCase("Service")) {
      row.put("Service_Type", reablement ? pick(new String[] {"Short Term Support: ST-Max", "Short term support: ST-Max"})
          : pick(SERVICE_TYPES));
      row.put("Service_Component", reablement ? pick(new String[] {"Reablement", "reablement"}) : pick(COMPONENTS));
    }
    int copies = random.nextInt(5) == 0 && !reference.isEmpty() ? 2 + random.nextInt(2) : 1;
    boolean linked = random.nextInt(25) != 0;
    LocalDate quarterStart = LocalDate.of(2024, 4, 1);
    for (int copy = 0; copy < copies; copy++) {
      Map<String, String> submitted = new LinkedHashMap<>(row);
      submitted.put("Reporting_Period_Start_Date", format(quarterStart.plusMonths(3L * copy), ukDates));
      submitted.put("Reporting_Period_End_Date",
          format(quarterStart.plusMonths(3L * copy + 3).minusDays(1), ukDates));
      cld.add(submitted);
      String recordId = reference.isEmpty() ? la + ":cld_events.csv:" + cld.size() : la + ":" + reference;
      if (linked) {
        spine.add("cld|" + recordId + "|" + person);
      }
    }
  }

  private LocalDate day() {
    return FIRST_DAY.plusDays(random.nextInt(DAYS));
  }

  private LocalDate pickDate(List<LocalDate> dates) {
    return dates.get(random.nextInt(dates.size()));
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  private static String format(LocalDate date, boolean uk) {
    return date == null ? "" : uk ? date.format(UK) : date.toString();
  }
}
