package org.sdelink.metrics.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdelink.metrics.reference.RawFiles;

/**
 * A hand-written raw fixture (generator format) with one small person per edge case of the issue. Period
 * 2024-04-01..2025-03-31. Councils: E08000025 and E08000035 write yyyy-MM-dd, E06000001 writes dd/MM/yyyy.
 */
final class HandWrittenFixture {
  static final LocalDate PERIOD_START = LocalDate.of(2024, 4, 1);
  static final LocalDate PERIOD_END = LocalDate.of(2025, 3, 31);

  static final String BIRMINGHAM = "E08000025";
  static final String LEEDS = "E08000035";
  static final String HARTLEPOOL = "E06000001";

  static final String ST_MAX = "Short Term Support: ST-Max";
  static final String COMMUNITY = "Long Term Support: Community";
  static final String RESIDENTIAL = "Long Term Support: Residential Care";
  static final String HOSPITAL_ROUTE = "Discharge from Hospital";

  private final List<Map<String, String>> cld = new ArrayList<>();
  private final List<Map<String, String>> apc = new ArrayList<>();
  private final Set<String> spine = new LinkedHashSet<>();

  /** Writes cld_events.csv, apc_episodes.csv and spine.csv into {@code dir}. */
  static void write(Path dir) throws IOException {
    HandWrittenFixture f = new HandWrittenFixture();
    f.build();
    RawFiles.write(dir.resolve("cld_events.csv"), RawFiles.CLD_COLUMNS, f.cld);
    RawFiles.write(dir.resolve("apc_episodes.csv"), RawFiles.APC_COLUMNS, f.apc);
    List<Map<String, String>> spineRows = new ArrayList<>();
    for (String line : f.spine) {
      String[] parts = line.split("\\|");
      spineRows.add(Map.of("source", parts[0], "record_id", parts[1], "person_id", parts[2], "match_rule", "truth"));
    }
    RawFiles.write(dir.resolve("spine.csv"), RawFiles.SPINE_COLUMNS, spineRows);
  }

  private void build() {
    // p01: same-day discharge, request, reablement and service start (all on DISDATE).
    episode("p01", "E101", "1944-05-10", "", "2", BIRMINGHAM, "RAA", "2024-06-01", "21", "1", "Y", "2024-06-10", "1", "19");
    event("p01", BIRMINGHAM, "B-1001", "Request", "R1", "2024-06-10", "", "Request_Route_of_Access", HOSPITAL_ROUTE);
    event("p01", BIRMINGHAM, "B-1001", "Service", "S1", "2024-06-10", "2024-07-01",
        "Service_Type", ST_MAX, "Service_Component", "Reablement");

    // p02: known to two councils (same Event_Reference in both); an LTS service still open (no end date).
    event("p02", BIRMINGHAM, "B-2002", "Service", "EV100", "2023-01-01", "", "Service_Type", COMMUNITY);
    event("p02", LEEDS, "L-77", "Service", "EV100", "2024-09-01", "2024-10-01", "Service_Type", COMMUNITY);
    event("p02", LEEDS, "L-77", "Request", "EV200", "2024-07-30", "", "Request_Route_of_Access",
        "Community / Other route");
    episode("p02", "E201", "1954-02-02", "", "1", LEEDS, "RBB", "2024-08-01", "22", "1", "Y", "2024-08-05", "1", "19");
    episode("p02", "E202", "1954-02-02", "", "1", LEEDS, "RBB", "2024-08-20", "21", "1", "Y", "2024-08-25", "1", "19");

    // p03: death in CLD but not in HES (dd/MM/yyyy council); reablement then death within 91 days.
    event("p03", HARTLEPOOL, "H-3", "Service", "H300", "02/08/2024", "20/08/2024",
        "Service_Type", ST_MAX, "Service_Component", "Reablement", "Date_of_Death", "15/09/2024");
    event("p03", HARTLEPOOL, "H-3", "Service", "H301", "01/01/2024", "", "Service_Type", COMMUNITY,
        "Date_of_Death", "15/09/2024");
    episode("p03", "E301", "1934-01-01", "", "2", HARTLEPOOL, "RCC", "2024-07-25", "21", "1", "Y", "2024-08-01", "1", "19");

    // p04: death in HES but not in CLD; elective spell, reablement, then an emergency spell ending in death.
    episode("p04", "E401", "1947-03-03", "", "1", BIRMINGHAM, "RAA", "2024-09-01", "11", "1", "Y", "2024-09-04", "1", "19");
    episode("p04", "E402", "1947-03-03", "", "1", BIRMINGHAM, "RAA", "2024-10-01", "21", "1", "Y", "2024-10-05", "4", "79");
    event("p04", BIRMINGHAM, "B-4", "Service", "R400", "2024-09-05", "2024-09-20",
        "Service_Type", ST_MAX, "Service_Component", "Reablement");
    event("p04", BIRMINGHAM, "B-4", "Service", "R401", "2024-09-10", "", "Service_Type", COMMUNITY);

    // p05: an ongoing service and a request resubmitted verbatim in later quarters (same record id).
    for (String[] quarter : new String[][] {{"2024-04-01", "2024-06-30"}, {"2024-07-01", "2024-09-30"},
        {"2024-10-01", "2024-12-31"}}) {
      event("p05", LEEDS, "L-5", "Service", "L500", "2024-05-01", "", "Service_Type", COMMUNITY,
          "Reporting_Period_Start_Date", quarter[0], "Reporting_Period_End_Date", quarter[1]);
    }
    for (String[] quarter : new String[][] {{"2024-04-01", "2024-06-30"}, {"2024-07-01", "2024-09-30"}}) {
      event("p05", LEEDS, "L-5", "Request", "L501", "2024-06-20", "", "Request_Route_of_Access", HOSPITAL_ROUTE,
          "Reporting_Period_Start_Date", quarter[0], "Reporting_Period_End_Date", quarter[1]);
    }
    episode("p05", "E501", "1956-01-15", "", "2", LEEDS, "RBB", "2024-06-15", "21", "1", "Y", "2024-06-18", "1", "19");

    // p06: sentinel DISDATEs (unfinished spells) that still count as emergency readmissions.
    episode("p06", "E601", "1952-07-07", "", "1", LEEDS, "RBB", "2024-07-01", "21", "1", "Y", "2024-07-10", "1", "19");
    episode("p06", "E602", "1952-07-07", "", "1", LEEDS, "RBB", "2024-07-20", "21", "1", "Y", "1800-01-01", "8", "98");
    episode("p06", "E603", "1952-07-07", "", "1", LEEDS, "RBB", "2024-12-01", "21", "1", "Y", "1801-01-01", "8", "98");

    // p07: a transfer: DISDEST 51, then a new spell elsewhere with admission method 2B.
    episode("p07", "E701", "1943-04-04", "", "2", HARTLEPOOL, "RAA", "2024-05-01", "21", "1", "Y", "2024-05-05", "1", "51");
    episode("p07", "E702", "1943-04-04", "", "2", HARTLEPOOL, "RBB", "2024-05-05", "2B", "1", "Y", "2024-05-20", "1", "19");
    event("p07", HARTLEPOOL, "H-7", "Service", "H700", "22/05/2024", "05/06/2024",
        "Service_Type", ST_MAX, "Service_Component", "Reablement");

    // p08: Release 2 strings (lower-case variants) for request route, ST-Max, reablement and nursing care.
    event("p08", LEEDS, "L-8", "Request", "L800", "2024-11-05", "", "Request_Route_of_Access", "discharge from hospital");
    event("p08", LEEDS, "L-8", "Service", "L801", "2024-11-03", "2024-11-20",
        "Service_Type", "Short term support: ST-Max", "Service_Component", "reablement");
    event("p08", LEEDS, "L-8", "Service", "L802", "2024-11-25", "", "Service_Type", "Long term support: Nursing care");
    episode("p08", "E801", "1938-02-20", "", "2", LEEDS, "RBB", "2024-10-28", "21", "1", "Y", "2024-11-01", "1", "19");

    // p09: date of birth known only as MYDOB (first of the month: 65 on 2025-03-01, 64 on 2025-02-28).
    episode("p09", "E901", "", "031960", "1", HARTLEPOOL, "RCC", "2025-02-20", "12", "1", "Y", "2025-03-01", "1", "19");
    event("p09", HARTLEPOOL, "H-9", "Request", "H900", "03/03/2025", "", "Request_Route_of_Access", HOSPITAL_ROUTE);
    episode("p09b", "E951", "", "031960", "1", HARTLEPOOL, "RCC", "2025-02-20", "12", "1", "Y", "2025-02-28", "1", "19");
    event("p09b", HARTLEPOOL, "H-95", "Request", "H950", "01/03/2025", "", "Request_Route_of_Access", HOSPITAL_ROUTE);

    // p10: a spell that ends past the period end; follow-up windows run past the period.
    episode("p10", "E1001", "1940-01-01", "", "1", BIRMINGHAM, "RAA", "2025-03-05", "21", "1", "Y", "2025-03-10", "1", "19");
    episode("p10", "E1002", "1940-01-01", "", "1", BIRMINGHAM, "RAA", "2025-03-25", "21", "1", "Y", "2025-04-05", "1", "19");
    event("p10", BIRMINGHAM, "B-10", "Service", "B1000", "2025-03-12", "2025-04-01",
        "Service_Type", ST_MAX, "Service_Component", "Reablement");
    event("p10", BIRMINGHAM, "B-10", "Service", "B1001", "2025-03-01", "", "Service_Type", COMMUNITY);
    event("p10", BIRMINGHAM, "B-10", "Request", "B1002", "2025-03-24", "", "Request_Route_of_Access", HOSPITAL_ROUTE);

    // p11: a multi-episode spell, rows out of order; admission method from EPIORDER 1, discharge from SPELEND Y.
    episode("p11", "E1103", "1935-06-06", "", "2", "E09000033", "RDD", "2024-11-10", "99", "3", "Y", "2024-11-30", "1", "54");
    episode("p11", "E1101", "1935-06-06", "", "2", "E09000033", "RDD", "2024-11-10", "21", "1", "N", "", "8", "98");
    episode("p11", "E1102", "1935-06-06", "", "2", "E09000033", "RDD", "2024-11-10", "99", "2", "N", "", "8", "98");

    // p12: an unfinished spell (no SPELEND Y) that is an emergency readmission.
    episode("p12", "E1200", "1974-02-02", "", "1", LEEDS, "RBB", "2024-11-18", "11", "1", "Y", "2024-11-20", "1", "19");
    episode("p12", "E1201", "1974-02-02", "", "1", LEEDS, "RBB", "2024-12-01", "21", "1", "N", "", "", "");

    // p13: readmission on day 29 (counts) and on day 30 (does not).
    episode("p13", "E1301", "1984-03-03", "", "2", BIRMINGHAM, "RAA", "2024-05-25", "11", "1", "Y", "2024-06-01", "1", "19");
    episode("p13", "E1302", "1984-03-03", "", "2", BIRMINGHAM, "RAA", "2024-06-30", "21", "1", "Y", "2024-07-05", "1", "19");
    episode("p13", "E1303", "1984-03-03", "", "2", BIRMINGHAM, "RAA", "2024-08-04", "21", "1", "Y", "2024-08-10", "1", "19");

    // p14a..f: reablement window edges around DISDATE 2024-05-10.
    String[][] edges = {
        {"p14a", "2024-05-01", "2024-05-07"}, {"p14b", "2024-05-01", "2024-05-06"},
        {"p14c", "2024-05-01", "2024-05-17"}, {"p14d", "2024-05-01", "2024-05-18"},
        {"p14e", "2024-05-09", "2024-05-08"}, {"p14f", "2024-05-10", "2024-05-10"}};
    for (String[] edge : edges) {
      String person = edge[0];
      episode(person, "E" + person, "1949-01-01", "", "1", BIRMINGHAM, "RAA", edge[1], "21", "1", "Y", "2024-05-10", "1", "19");
      event(person, BIRMINGHAM, "B-" + person, "Service", "R" + person, edge[2], "2024-06-30",
          "Service_Type", ST_MAX, "Service_Component", "Reablement");
    }

    // p15: LTS client-days clipped by the death date and the period; a care home open on ADMIDATE.
    event("p15", BIRMINGHAM, "B-15", "Service", "B1500", "2024-01-01", "2025-06-01", "Service_Type", RESIDENTIAL,
        "Date_of_Death", "2024-12-31");
    event("p15", BIRMINGHAM, "B-15", "Service", "B1501", "2024-03-01", "2024-05-01", "Service_Type", COMMUNITY,
        "Date_of_Death", "2024-12-31");
    event("p15", BIRMINGHAM, "B-15", "Review", "", "2024-06-01", "2024-06-01", "Review_Reason", "Planned",
        "Date_of_Death", "2024-12-31");
    episode("p15", "E1501", "1929-09-09", "", "2", BIRMINGHAM, "RAA", "2024-10-01", "21", "1", "Y", "2024-10-10", "1", "19");

    // p16: an under-18 discharge with blank SEX and RESLADST_ONS.
    episode("p16", "E1601", "2010-01-01", "", "", "", "RAA", "2024-06-01", "21", "1", "Y", "2024-06-03", "1", "19");

    // p17a..d: at-home window (DISDATE, DISDATE + 91] after reablement, DISDATE 2024-06-10 (+91 = 2024-09-09).
    String[][] home = {
        {"p17a", "emergency", "2024-09-09"}, {"p17b", "emergency", "2024-09-10"},
        {"p17c", "death", "2024-09-09"}, {"p17d", "care home", "2024-06-10"}};
    for (String[] edge : home) {
      String person = edge[0];
      episode(person, "E" + person, "1944-01-01", "", "2", LEEDS, "RBB", "2024-06-05", "21", "1", "Y", "2024-06-10", "1", "19");
      event(person, LEEDS, "L-" + person, "Service", "R" + person, "2024-06-11", "2024-06-30",
          "Service_Type", ST_MAX, "Service_Component", "Reablement");
      switch (edge[1]) {
        case "emergency" -> episode(person, "E" + person + "x", "1944-01-01", "", "2", LEEDS, "RBB", edge[2], "21", "1",
            "Y", LocalDate.parse(edge[2]).plusDays(2).toString(), "1", "19");
        case "death" -> event(person, LEEDS, "L-" + person, "Assessment", "A" + person, "2024-06-01", "2024-06-01",
            "Date_of_Death", edge[2]);
        default -> event(person, LEEDS, "L-" + person, "Service", "C" + person, edge[2], "", "Service_Type", RESIDENTIAL);
      }
    }

    // p18a/b: care-home start (also the first service) on DISDATE + 28 (counts) and + 29 (does not); DISDEST 88.
    episode("p18a", "Ep18a", "1940-01-01", "", "1", LEEDS, "RBB", "2024-07-01", "21", "1", "Y", "2024-07-10", "1", "19");
    event("p18a", LEEDS, "L-p18a", "Service", "Cp18a", "2024-08-07", "", "Service_Type", RESIDENTIAL);
    episode("p18b", "Ep18b", "1940-01-01", "", "1", LEEDS, "RBB", "2024-07-01", "21", "1", "Y", "2024-07-10", "1", "88");
    event("p18b", LEEDS, "L-p18b", "Service", "Cp18b", "2024-08-08", "", "Service_Type", RESIDENTIAL);

    // Records that the spine does not link: never in any figure.
    unlinkedEvent(BIRMINGHAM, "B-99", "Service", "X1", "2024-06-02", "", "Service_Type", RESIDENTIAL);
    unlinkedEpisode("E9901", "1930-01-01", "RAA", "2024-06-01", "21", "2024-06-05");
  }

  private Map<String, String> event(String person, String la, String laPersonId, String type, String reference,
      String start, String end, String... more) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("LA_Code", la);
    row.put("Reporting_Period_Start_Date", "2024-04-01");
    row.put("Reporting_Period_End_Date", "2024-06-30");
    row.put("LA_Person_Unique_Identifier", laPersonId);
    row.put("Client_Type", "Service User");
    row.put("Event_Type", type);
    row.put("Event_Reference", reference);
    row.put("Event_Start_Date", start);
    row.put("Event_End_Date", end);
    for (int i = 0; i < more.length; i += 2) {
      row.put(more[i], more[i + 1]);
    }
    cld.add(row);
    if (person != null) {
      String recordId = reference.isEmpty() ? la + ":cld_events.csv:" + cld.size() : la + ":" + reference;
      spine.add("cld|" + recordId + "|" + person);
    }
    return row;
  }

  private void episode(String person, String epikey, String dob, String mydob, String sex, String la,
      String provider, String admidate, String admimeth, String epiorder, String spelend, String disdate,
      String dismeth, String disdest) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("EPIKEY", epikey);
    row.put("DOB", dob);
    row.put("MYDOB", mydob);
    row.put("SEX", sex);
    row.put("RESLADST_ONS", la);
    row.put("PROCODE3", provider);
    row.put("ADMIDATE", admidate);
    row.put("ADMIMETH", admimeth);
    row.put("EPISTART", admidate);
    row.put("EPIORDER", epiorder);
    row.put("SPELEND", spelend);
    row.put("DISDATE", disdate);
    row.put("DISMETH", dismeth);
    row.put("DISDEST", disdest);
    apc.add(row);
    if (person != null) {
      spine.add("apc|" + epikey + "|" + person);
    }
  }

  private void unlinkedEvent(String la, String laPersonId, String type, String reference, String start, String end,
      String... more) {
    event(null, la, laPersonId, type, reference, start, end, more);
  }

  private void unlinkedEpisode(String epikey, String dob, String provider, String admidate, String admimeth,
      String disdate) {
    episode(null, epikey, dob, "", "1", BIRMINGHAM, provider, admidate, admimeth, "1", "Y", disdate, "1", "19");
  }
}
