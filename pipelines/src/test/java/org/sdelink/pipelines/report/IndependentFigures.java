package org.sdelink.pipelines.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;

/**
 * The dashboard's figures worked out again, in plain loops over the pseudonymised records file, without the
 * dashboard's classes: the reference the dashboard's CSV files are compared with. Tables are keyed as the CSV files
 * are: area ({@code ""} for all councils) -> file stem -> row label -> column label -> value (pence for money).
 */
final class IndependentFigures {
  static final String ALL = "";
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final List<String> ROUTES = List.of("Planned Entry (Transition)", "Discharge from Hospital",
      "Diversion from Hospital Services", "Community / Other route", "Prison", "Self-Funder",
      "Discharge from Reablement", "Transfer from Other LA");
  private static final List<String> ASSESSMENT_TYPES = List.of("Short Term Assessment", "Long Term Assessment",
      "Financial Assessment");
  private static final List<String> REVIEW_REASONS = List.of("Planned",
      "Unplanned - Hospital (Planned and unplanned episodes)", "Unplanned - Carer related",
      "Unplanned - Safeguarding concern", "Unplanned - Other Reason", "Unplanned - Provider Failure",
      "Unplanned - Change in Commissioning arrangements");
  private static final List<String> SERVICE_TYPES = List.of("Long Term Support: Nursing Care",
      "Long Term Support: Residential Care", "Long Term Support: Community", "Long Term Support: Prison",
      "Short Term Support: ST-Max", "Short Term Support: Ongoing Low Level", "Short Term Support: Other Short Term",
      "Carer Support: Direct to Carer", "Carer Support: Support involving the person cared-for");
  /** Field -> {column read, records it applies to, how it is validated}. */
  static final Map<String, String[]> QUALITY_FIELDS = new LinkedHashMap<>();

  static {
    String[][] fields = {
      {"LA_Person_Unique_Identifier", "la_person_token", "all", "present"},
      {"NHS_Number", "nhs_number_status", "all", "status"},
      {"Date_of_Birth", "dob_status", "all", "status"},
      {"Gender", "Gender", "all", "code"},
      {"Ethnicity", "Ethnicity", "all", "code"},
      {"Client_Type", "Client_Type", "all", "code"},
      {"Primary_Support_Reason", "Primary_Support_Reason", "users", "code"},
      {"Accommodation_Status", "Accommodation_Status", "users", "code"},
      {"Employment_Status", "Employment_Status", "users", "code"},
      {"Has_Unpaid_Carer", "Has_Unpaid_Carer", "users", "code"},
      {"Event_Type", "Event_Type", "all", "code"},
      {"Event_Start_Date", "Event_Start_Date", "all", "date"},
      {"Event_Outcome", "Event_Outcome", "ended", "code"},
      {"Request_Route_of_Access", "Request_Route_of_Access", "request", "code"},
      {"Assessment_Type", "Assessment_Type", "assessment", "code"},
      {"Eligible_Needs_Identified", "Eligible_Needs_Identified", "assessment", "code"},
      {"Service_Type", "Service_Type", "service", "code"},
      {"Service_Component", "Service_Component", "service", "code"},
      {"Delivery_Mechanism", "Delivery_Mechanism", "service", "code"},
      {"Unit_Cost", "Unit_Cost", "service", "number"},
      {"Cost_Frequency_Unit_Type", "Cost_Frequency_Unit_Type", "service", "code"},
      {"Planned_Units_Per_Week", "Planned_Units_Per_Week", "per-unit service", "number"},
      {"Review_Reason", "Review_Reason", "review", "code"},
      {"Review_Outcomes_Achieved", "Review_Outcomes_Achieved", "ended review", "code"},
    };
    for (String[] field : fields) {
      QUALITY_FIELDS.put(field[0], field);
    }
  }

  final Map<String, Map<String, Map<String, Map<String, Long>>>> tables = new HashMap<>();
  private final Map<String, Map<String, Map<String, Map<String, Set<String>>>>> people = new HashMap<>();
  /** area -> field -> {applicable, filled, valid}. */
  final Map<String, Map<String, long[]>> quality = new HashMap<>();
  final Set<String> councils = new HashSet<>();

  static IndependentFigures compute(Path records, ReportingPeriod period, CodeLists codes) throws IOException {
    Map<String, Map<String, String>> chosen = new HashMap<>();
    for (Map<String, String> row : ReportFixture.readCsv(records)) {
      chosen.merge(row.get("record_id"), row, (a, b) -> later(a, b) ? a : b);
    }
    IndependentFigures figures = new IndependentFigures();
    for (Map<String, String> row : chosen.values()) {
      figures.add(row, period, codes);
    }
    figures.people.forEach((area, byTable) -> byTable.forEach((table, rows) -> rows.forEach((rowLabel, columns) ->
        columns.forEach((column, set) -> figures.put(area, table, rowLabel, column, set.size())))));
    return figures;
  }

  /** Whether copy {@code a} wins over {@code b}: later period end, then lower file, then lower line. */
  private static boolean later(Map<String, String> a, Map<String, String> b) {
    int byEnd = a.get("Reporting_Period_End_Date").compareTo(b.get("Reporting_Period_End_Date"));
    if (byEnd != 0) {
      return byEnd > 0;
    }
    int byFile = a.get("source_file").compareTo(b.get("source_file"));
    if (byFile != 0) {
      return byFile < 0;
    }
    return Long.parseLong(a.get("source_line")) < Long.parseLong(b.get("source_line"));
  }

  private void add(Map<String, String> row, ReportingPeriod period, CodeLists codes) {
    String council = row.get("LA_Code");
    councils.add(council);
    String person = council + "|" + row.get("la_person_token");
    String type = row.get("Event_Type").toLowerCase(Locale.ROOT);
    LocalDate start = LocalDate.parse(row.get("Event_Start_Date"));
    LocalDate end = row.get("Event_End_Date").isEmpty() ? null : LocalDate.parse(row.get("Event_End_Date"));
    boolean startsIn = !start.isBefore(period.start()) && !start.isAfter(period.end());
    String month = YearMonth.from(start).toString();
    if (startsIn && type.equals("request")) {
      count(council, "requests-by-route", month, listed(row.get("Request_Route_of_Access"), ROUTES), 1);
      person(council, "people-requesting", month, "People requesting", person);
      person(council, "people-requesting", "Whole period", "People requesting", person);
    }
    if (startsIn && type.equals("assessment")) {
      count(council, "assessments-by-type", month, listed(row.get("Assessment_Type"), ASSESSMENT_TYPES), 1);
      person(council, "people-assessed", month, "People assessed", person);
      person(council, "people-assessed", "Whole period", "People assessed", person);
    }
    if (startsIn && type.equals("review")) {
      String reason = listed(row.get("Review_Reason"), REVIEW_REASONS);
      String reviewType = reason.equals("Planned") ? "Planned" : reason.startsWith("Unplanned") ? "Unplanned"
          : reason;
      count(council, "reviews-by-type", month, reviewType, 1);
      count(council, "reviews-by-reason", reason, "Reviews", 1);
      person(council, "people-reviewed", month, "People reviewed", person);
      person(council, "people-reviewed", "Whole period", "People reviewed", person);
    }
    if (type.equals("service")) {
      String serviceType = serviceType(row.get("Service_Type"));
      String term = serviceType.startsWith("Long Term") ? "Long-term support"
          : serviceType.startsWith("Short Term") ? "Short-term support"
          : serviceType.startsWith("Carer Support") ? "Carer support" : serviceType;
      BigDecimal weekly = weeklyCost(row.get("Unit_Cost"), row.get("Cost_Frequency_Unit_Type"),
          row.get("Planned_Units_Per_Week"));
      boolean open = false;
      long totalPence = 0;
      for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(period.end()));
          m = m.plusMonths(1)) {
        LocalDate from = max(max(start, m.atDay(1)), period.start());
        LocalDate to = min(m.atEndOfMonth(), period.end());
        if (end != null) {
          to = min(to, end);
        }
        if (to.isBefore(from)) {
          continue;
        }
        open = true;
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        person(council, "service-users-by-support", m.toString(), term, person);
        person(council, "service-users-by-support", m.toString(), "Any service", person);
        if (weekly != null) {
          long pence = weekly.multiply(BigDecimal.valueOf(100 * days)).divide(BigDecimal.valueOf(7), 0,
              RoundingMode.HALF_EVEN).longValueExact();
          count(council, "planned-spend-by-support", m.toString(), term, pence);
          totalPence += pence;
        }
      }
      if (open) {
        person(council, "service-users-by-support", "Whole period", term, person);
        person(council, "service-users-by-support", "Whole period", "Any service", person);
        person(council, "service-users-by-type", serviceType, "People", person);
        if (weekly != null) {
          count(council, "planned-spend-by-type", serviceType, "Planned spend", totalPence);
        } else {
          count(council, "services-without-weekly-cost", row.get("Cost_Frequency_Unit_Type")
              .equalsIgnoreCase("One-off") ? "One-off price" : "Cost fields missing or not a weekly cost",
              "Services", 1);
        }
      }
    }
    if (!start.isAfter(period.end()) && (end == null || !end.isBefore(period.start()))) {
      for (String[] field : QUALITY_FIELDS.values()) {
        if (!applies(field[2], row)) {
          continue;
        }
        String value = row.get(field[1]).trim();
        boolean filled = field[3].equals("status") ? !value.isEmpty() && !value.equals("MISSING") : !value.isEmpty();
        boolean valid = filled && switch (field[3]) {
          case "present" -> true;
          case "status" -> value.equals("VALID");
          case "date" -> isDate(value);
          case "number" -> isNumber(value);
          default -> codes.checks(InputSource.CLD, field[0]) && codes.permits(InputSource.CLD, field[0], value);
        };
        for (String area : List.of(ALL, council)) {
          long[] counts = quality.computeIfAbsent(area, k -> new HashMap<>()).computeIfAbsent(field[0],
              k -> new long[3]);
          counts[0]++;
          counts[1] += filled ? 1 : 0;
          counts[2] += valid ? 1 : 0;
        }
      }
    }
  }

  private static boolean applies(String scope, Map<String, String> row) {
    String type = row.get("Event_Type").toLowerCase(Locale.ROOT);
    String client = row.get("Client_Type").toLowerCase(Locale.ROOT);
    boolean ended = !row.get("Event_End_Date").isEmpty();
    String frequency = row.get("Cost_Frequency_Unit_Type").toLowerCase(Locale.ROOT);
    return switch (scope) {
      case "all" -> true;
      case "users" -> !(client.startsWith("carer") || client.startsWith("unpaid carer"));
      case "ended" -> ended;
      case "per-unit service" -> type.equals("service") && (frequency.equals("hourly")
          || frequency.equals("per session") || frequency.equals("daily"));
      case "ended review" -> type.equals("review") && ended;
      default -> type.equals(scope);
    };
  }

  /** Unit_Cost brought to a week, to the penny (half-even), as docs/metrics.md defines it; null when none. */
  static BigDecimal weeklyCost(String unitCost, String frequency, String units) {
    BigDecimal cost;
    try {
      cost = new BigDecimal(unitCost.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    BigDecimal weekly;
    switch (frequency.trim().toLowerCase(Locale.ROOT)) {
      case "hourly", "per session", "daily" -> {
        try {
          weekly = cost.multiply(new BigDecimal(units.trim()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      case "weekly" -> weekly = cost;
      case "fortnightly" -> weekly = cost.divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_EVEN);
      case "4-weekly" -> weekly = cost.divide(BigDecimal.valueOf(4), 10, RoundingMode.HALF_EVEN);
      case "monthly" -> weekly = cost.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(52), 10,
          RoundingMode.HALF_EVEN);
      case "quarterly" -> weekly = cost.multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(52), 10,
          RoundingMode.HALF_EVEN);
      case "annually" -> weekly = cost.divide(BigDecimal.valueOf(52), 10, RoundingMode.HALF_EVEN);
      case "no charge to client" -> weekly = BigDecimal.ZERO;
      default -> {
        return null;
      }
    }
    return weekly.setScale(2, RoundingMode.HALF_EVEN);
  }

  private static String listed(String value, List<String> codes) {
    if (value.isBlank()) {
      return "Not recorded";
    }
    for (String code : codes) {
      if (code.equalsIgnoreCase(value.trim())) {
        return code;
      }
    }
    return "Other value";
  }

  private static String serviceType(String value) {
    String v = value.trim();
    if (v.equalsIgnoreCase("Unpaid carer support: Direct to unpaid carer")) {
      return "Carer Support: Direct to Carer";
    }
    if (v.equalsIgnoreCase("Unpaid carer support: Support involving the person cared-for")) {
      return "Carer Support: Support involving the person cared-for";
    }
    return listed(v, SERVICE_TYPES);
  }

  private static boolean isDate(String value) {
    try {
      LocalDate.parse(value, ISO);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isNumber(String value) {
    try {
      return new BigDecimal(value).signum() >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private void count(String council, String table, String row, String column, long amount) {
    for (String area : List.of(ALL, council)) {
      tables.computeIfAbsent(area, k -> new HashMap<>()).computeIfAbsent(table, k -> new TreeMap<>())
          .computeIfAbsent(row, k -> new TreeMap<>()).merge(column, amount, Long::sum);
    }
  }

  private void put(String area, String table, String row, String column, long value) {
    tables.computeIfAbsent(area, k -> new HashMap<>()).computeIfAbsent(table, k -> new TreeMap<>())
        .computeIfAbsent(row, k -> new TreeMap<>()).put(column, value);
  }

  private void person(String council, String table, String row, String column, String person) {
    for (String area : List.of(ALL, council)) {
      people.computeIfAbsent(area, k -> new HashMap<>()).computeIfAbsent(table, k -> new HashMap<>())
          .computeIfAbsent(row, k -> new HashMap<>()).computeIfAbsent(column, k -> new HashSet<>()).add(person);
    }
  }

  /** A table of an area, empty when nothing was counted. */
  Map<String, Map<String, Long>> table(String area, String name) {
    return tables.getOrDefault(area, Map.of()).getOrDefault(name, Map.of());
  }

  long value(String area, String name, String row, String column) {
    return table(area, name).getOrDefault(row, Map.of()).getOrDefault(column, 0L);
  }

  List<String> areas() {
    List<String> areas = new ArrayList<>(List.of(ALL));
    councils.stream().sorted().forEach(areas::add);
    return areas;
  }
}
