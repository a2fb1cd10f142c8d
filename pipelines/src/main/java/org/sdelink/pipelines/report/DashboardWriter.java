package org.sdelink.pipelines.report;

import static org.sdelink.pipelines.report.Html.esc;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.sdelink.pipelines.io.CsvLines;
import org.sdelink.pipelines.io.Version;
import org.sdelink.pipelines.report.Charts.ChartData;
import org.sdelink.pipelines.report.Charts.Spec;
import org.sdelink.pipelines.report.Charts.Style;
import org.sdelink.pipelines.report.DataQualitySummary.Aspect;

/**
 * Writes the dashboard: {@code index.html} (overview of every council) and {@code methodology.html} at the top, and
 * for all councils together ({@code all/}) and each council ({@code <LA_Code>/}) one page per topic, each chart with
 * its data as a CSV file beside the page. Every figure shown has gone through {@link Disclosure}.
 */
final class DashboardWriter {
  static final String ALL_FOLDER = "all";
  static final String WHOLE_PERIOD = "Whole period";

  /** The topic pages of each area. */
  enum Page {
    REQUESTS("requests", "Requests"),
    ASSESSMENTS("assessments", "Assessments"),
    SERVICE_USERS("service-users", "Service users"),
    SERVICE_COSTS("service-costs", "Service costs"),
    REVIEWS("reviews", "Reviews"),
    DATA_QUALITY("data-quality", "Data quality"),
    /** Only when the statistics output is given ({@code --statistics}). */
    SALT("salt", "SALT tables"),
    /** Only when the statistics output has {@code ascof.csv}. */
    ASCOF("ascof", "ASCOF measures"),
    /** Only when the statistics output has {@code waiting_times.csv}. */
    WAITING_TIMES("waiting-times", "Waiting times");

    final String file;
    final String title;

    Page(String file, String title) {
      this.file = file;
      this.title = title;
    }
  }

  /**
   * One chart (or table) of a page: its published table, how to draw it and what it shows; {@code shownAs} turns a
   * column label into what the chart and HTML table show (a council code into its name and code), the CSV keeping
   * the label itself.
   */
  private record Section(PublishedTable table, Spec spec, String explanation, UnaryOperator<String> shownAs) {
    Section(PublishedTable table, Spec spec, String explanation) {
      this(table, spec, explanation, UnaryOperator.identity());
    }
  }

  /** The published tables of one area (a council, or all councils). */
  private record AreaTables(PublishedTable requestsByRoute, PublishedTable peopleRequesting,
      PublishedTable assessmentsByType, PublishedTable peopleAssessed, PublishedTable serviceUsersBySupport,
      PublishedTable serviceUsersByType, PublishedTable spendBySupport, PublishedTable spendByType,
      PublishedTable servicesWithoutCost, PublishedTable reviewsByType, PublishedTable reviewsByReason,
      PublishedTable peopleReviewed) {}

  private final DashboardFigures figures;
  private final ReportInfo info;
  /** The statistics stage's SALT tables, or null when none were given. */
  private final SaltFigures salt;
  /** The ASCOF and waiting-times pages, or null when the statistics output has neither file. */
  private final BenchmarkPages benchmarks;
  /** Council names (shown as {@code name (code)} where the operator's names file gives one) and groups. */
  private final CouncilLookups lookups;
  private final Disclosure disclosure;
  private final DataQualitySummary quality;
  private final ImmutableList<String> months;
  private final List<String> routes;
  private final List<String> assessmentTypes;
  private final List<String> supportTerms;
  private final List<String> serviceTypes;
  private final List<String> reviewReasons;
  private final Map<String, String> folders = new LinkedHashMap<>();
  /** CSV files of the sections of the page being built, written beside it. */
  private final Map<String, String> pendingCsv = new LinkedHashMap<>();

  DashboardWriter(DashboardFigures figures, ReportInfo info) {
    this(figures, info, null);
  }

  /** A dashboard that also has a SALT page per area, from the statistics stage's tables ({@code salt} may be null). */
  DashboardWriter(DashboardFigures figures, ReportInfo info, SaltFigures salt) {
    this(figures, info, salt, null, null, CouncilLookups.defaults());
  }

  /**
   * A dashboard with the SALT page ({@code salt}), the ASCOF page ({@code ascof}) and the waiting-times page
   * ({@code waiting}) of the statistics output, each only when given (may be null); {@code lookups} names councils
   * and groups them for benchmarking.
   */
  DashboardWriter(DashboardFigures figures, ReportInfo info, SaltFigures salt, AscofFigures ascof,
      WaitingFigures waiting, CouncilLookups lookups) {
    this.figures = figures;
    this.info = info;
    this.salt = salt;
    this.lookups = lookups;
    this.disclosure = Disclosure.forAudience(info.audience());
    this.benchmarks = ascof == null && waiting == null ? null
        : new BenchmarkPages(ascof, waiting, lookups, disclosure);
    this.quality = DataQualitySummary.of(figures, info.rules(), disclosure, info.threshold());
    this.months = ServiceMonths.months(info.period()).stream().map(YearMonth::toString)
        .collect(ImmutableList.toImmutableList());
    List<String> extra = List.of(EventLabels.OTHER, EventLabels.NOT_RECORDED);
    this.routes = present(concat(EventLabels.ROUTES, extra), figures.categories(Measure.REQUESTS));
    this.assessmentTypes = present(concat(EventLabels.ASSESSMENT_TYPES, extra),
        figures.categories(Measure.ASSESSMENTS));
    this.supportTerms = present(EventLabels.SUPPORT_TERMS, figures.categories(Measure.SERVICE_USERS));
    this.serviceTypes = present(concat(EventLabels.SERVICE_TYPES, extra),
        figures.categories(Measure.SERVICE_USERS_BY_TYPE));
    this.reviewReasons = present(concat(EventLabels.REVIEW_REASONS, extra), figures.categories(Measure.REVIEWS));
    folders.put(null, ALL_FOLDER);
    for (String council : figures.councils()) {
      String folder = council.replaceAll("[^A-Za-z0-9_-]", "_");
      while (folder.isEmpty() || folder.equals(ALL_FOLDER) || folders.containsValue(folder)) {
        folder = "_" + folder;
      }
      folders.put(council, folder);
    }
  }

  void write(Path dir) throws IOException {
    Map<String, AreaTables> councils = new TreeMap<>();
    int[][] suppressedCouncils = new int[months.size()][supportTerms.size()];
    long[][] suppressedPeople = new long[months.size()][supportTerms.size()];
    for (String council : figures.councils()) {
      AreaTables tables = tables(council, null);
      councils.put(council, tables);
      boolean[][] mask = Disclosure.suppressedBody(tables.spendBySupport());
      for (int r = 0; r < mask.length; r++) {
        for (int c = 0; c < mask[r].length; c++) {
          if (mask[r][c]) {
            suppressedCouncils[r][c]++;
            suppressedPeople[r][c] += figures.value(Measure.SPEND_PEOPLE, council, months.get(r),
                supportTerms.get(c));
          }
        }
      }
    }
    AreaTables national = tables(null, nationalSpendMask(suppressedCouncils, suppressedPeople));
    Files.writeString(dir.resolve("index.html"), indexPage(national, councils), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("overview.csv"), CsvLines.forPeople(overviewCsv(national, councils)),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("methodology.html"), methodologyPage(), StandardCharsets.UTF_8);
    writeArea(dir, null, national);
    for (Map.Entry<String, AreaTables> council : councils.entrySet()) {
      writeArea(dir, council.getKey(), council.getValue());
    }
  }

  /**
   * The all-councils spend cells to suppress besides their own small ones, so that no council's suppressed cell
   * can be worked out as the all-councils cell minus the other councils' cells: a cell with exactly one suppressed
   * council cell, or with several whose people together are a small number (their sum would disclose them).
   */
  boolean[][] nationalSpendMask(int[][] suppressedCouncils, long[][] suppressedPeople) {
    boolean[][] mask = new boolean[suppressedCouncils.length][];
    for (int r = 0; r < mask.length; r++) {
      mask[r] = new boolean[suppressedCouncils[r].length];
      for (int c = 0; c < mask[r].length; c++) {
        mask[r][c] = suppressedCouncils[r][c] == 1
            || (suppressedCouncils[r][c] > 1 && disclosure.rule().isSmall(suppressedPeople[r][c]));
      }
    }
    return mask;
  }

  // ---------------------------------------------------------------------------------------------- figure tables

  private AreaTables tables(String council, boolean[][] spendMask) {
    List<String> monthsAndPeriod = concat(months, List.of(WHOLE_PERIOD));
    PublishedTable requests = disclosure.publish(table("requests-by-route", "Requests by route of access",
        "month", months, routes, Measure.Kind.EVENTS,
        (slot, route) -> figures.value(Measure.REQUESTS, council, slot, route)));
    PublishedTable peopleRequesting = disclosure.publish(table("people-requesting", "People requesting support",
        "month", monthsAndPeriod, List.of("People requesting"), Measure.Kind.PEOPLE,
        (slot, column) -> figures.value(Measure.PEOPLE_REQUESTING, council, slot(slot), "")));
    PublishedTable assessments = disclosure.publish(table("assessments-by-type", "Assessments by type", "month",
        months, assessmentTypes, Measure.Kind.EVENTS,
        (slot, type) -> figures.value(Measure.ASSESSMENTS, council, slot, type)));
    PublishedTable peopleAssessed = disclosure.publish(table("people-assessed", "People assessed", "month",
        monthsAndPeriod, List.of("People assessed"), Measure.Kind.PEOPLE,
        (slot, column) -> figures.value(Measure.PEOPLE_ASSESSED, council, slot(slot), "")));
    List<String> userColumns = concat(supportTerms, List.of(RecordFacts.ANY_SERVICE));
    PublishedTable users = disclosure.publish(table("service-users-by-support", "People receiving services",
        "month", monthsAndPeriod, userColumns, Measure.Kind.PEOPLE,
        (slot, term) -> figures.value(Measure.SERVICE_USERS, council, slot(slot), term)));
    PublishedTable usersByType = disclosure.publish(table("service-users-by-type",
        "People receiving services over the period, by service type", "service type", serviceTypes,
        List.of("People"), Measure.Kind.PEOPLE,
        (type, column) -> figures.value(Measure.SERVICE_USERS_BY_TYPE, council, CellKey.PERIOD, type)));
    FigureTable spendPence = table("planned-spend-by-support", "Planned spend by support term", "month", months,
        supportTerms, Measure.Kind.MONEY, (slot, term) -> figures.value(Measure.PLANNED_SPEND, council, slot, term));
    FigureTable spendPeople = table("planned-spend-people", "People covered by planned spend", "month", months,
        supportTerms, Measure.Kind.PEOPLE, (slot, term) -> figures.value(Measure.SPEND_PEOPLE, council, slot, term));
    PublishedTable spend = disclosure.publishMoney(spendPence, spendPeople, spendMask);
    PublishedTable spendByType = null;
    if (!disclosure.protects()) {
      spendByType = disclosure.publishMoney(table("planned-spend-by-type",
          "Planned spend over the period, by service type", "service type", serviceTypes, List.of("Planned spend"),
          Measure.Kind.MONEY, (type, c) -> figures.value(Measure.PLANNED_SPEND, council, CellKey.PERIOD, type)),
          table("planned-spend-by-type-people", "People", "service type", serviceTypes, List.of("People"),
              Measure.Kind.PEOPLE, (type, c) -> figures.value(Measure.SPEND_PEOPLE, council, CellKey.PERIOD, type)),
          null);
    }
    PublishedTable withoutCost = disclosure.publish(table("services-without-weekly-cost",
        "Services open in the period without a weekly cost", "reason", List.of(RecordFacts.ONE_OFF,
            RecordFacts.NO_COST), List.of("Services"), Measure.Kind.EVENTS,
        (reason, c) -> figures.value(Measure.SERVICES_WITHOUT_WEEKLY_COST, council, CellKey.PERIOD, reason)));
    List<String> reviewTypes = present(EventLabels.REVIEW_TYPES,
        reviewReasons.stream().map(EventLabels::reviewType).collect(java.util.stream.Collectors.toSet()));
    PublishedTable reviews = disclosure.publish(table("reviews-by-type", "Reviews, planned and unplanned", "month",
        months, reviewTypes, Measure.Kind.EVENTS, (slot, type) -> {
          long sum = 0;
          for (String reason : reviewReasons) {
            if (EventLabels.reviewType(reason).equals(type)) {
              sum += figures.value(Measure.REVIEWS, council, slot, reason);
            }
          }
          return sum;
        }));
    PublishedTable reviewsByReason = disclosure.publish(table("reviews-by-reason", "Reviews over the period, by reason",
        "review reason", reviewReasons, List.of("Reviews"), Measure.Kind.EVENTS, (reason, c) -> {
          long sum = 0;
          for (String month : months) {
            sum += figures.value(Measure.REVIEWS, council, month, reason);
          }
          return sum;
        }));
    PublishedTable peopleReviewed = disclosure.publish(table("people-reviewed", "People reviewed", "month",
        monthsAndPeriod, List.of("People reviewed"), Measure.Kind.PEOPLE,
        (slot, column) -> figures.value(Measure.PEOPLE_REVIEWED, council, slot(slot), "")));
    return new AreaTables(requests, peopleRequesting, assessments, peopleAssessed, users, usersByType, spend,
        spendByType, withoutCost, reviews, reviewsByReason, peopleReviewed);
  }

  private static String slot(String row) {
    return row.equals(WHOLE_PERIOD) ? CellKey.PERIOD : row;
  }

  private static FigureTable table(String name, String title, String rowHeading, List<String> rows,
      List<String> columns, Measure.Kind kind, BiFunction<String, String, Long> value) {
    long[][] values = new long[rows.size()][columns.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        values[r][c] = value.apply(rows.get(r), columns.get(c));
      }
    }
    return FigureTable.of(name, title, rowHeading, rows, columns, values, kind);
  }

  /** The labels of {@code order} that were seen, in that order; the first label when none was (an empty chart). */
  private static List<String> present(List<String> order, Set<String> seen) {
    List<String> labels = order.stream().filter(seen::contains).toList();
    return labels.isEmpty() ? List.of(order.get(0)) : labels;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  // ------------------------------------------------------------------------------------------------------ pages

  private void writeArea(Path dir, String council, AreaTables t) throws IOException {
    Path folder = dir.resolve(folders.get(council));
    Files.createDirectories(folder);
    writePage(folder, council, Page.REQUESTS, List.of(
        Html.cards(List.of(
            Html.card(total(t.requestsByRoute()), "requests starting in the period"),
            Html.card(wholePeriod(t.peopleRequesting(), 0), "people requesting support"),
            Html.card(share(t.requestsByRoute(), "Discharge from Hospital"), "of requests came on discharge from"
                + " hospital"))),
        section(new Section(t.requestsByRoute(), Spec.of(Style.STACKED_BARS, "Requests by month and route of access",
            "month the request started", "requests"),
            "Requests for support (Event_Type Request), counted in the month of their Event_Start_Date, by"
                + " Request_Route_of_Access.")),
        section(new Section(t.peopleRequesting(), Spec.of(Style.BARS, "People requesting support, by month",
            "month", "people"), "Distinct people (a council's person id) with at least one request starting in"
                + " the month; the whole-period figure counts each person once."))));
    writePage(folder, council, Page.ASSESSMENTS, List.of(
        Html.cards(List.of(
            Html.card(total(t.assessmentsByType()), "assessments starting in the period"),
            Html.card(wholePeriod(t.peopleAssessed(), 0), "people assessed"))),
        section(new Section(t.assessmentsByType(), Spec.of(Style.STACKED_BARS, "Assessments by month and type",
            "month the assessment started", "assessments"),
            "Assessments (Event_Type Assessment), counted in the month of their Event_Start_Date, by"
                + " Assessment_Type.")),
        section(new Section(t.peopleAssessed(), Spec.of(Style.BARS, "People assessed, by month", "month",
            "people"), "Distinct people with at least one assessment starting in the month."))));
    int any = t.serviceUsersBySupport().columnLabels().indexOf(RecordFacts.ANY_SERVICE);
    int longTerm = t.serviceUsersBySupport().columnLabels().indexOf(EventLabels.LONG_TERM);
    int shortTerm = t.serviceUsersBySupport().columnLabels().indexOf(EventLabels.SHORT_TERM);
    writePage(folder, council, Page.SERVICE_USERS, List.of(
        Html.cards(List.of(
            Html.card(wholePeriod(t.serviceUsersBySupport(), any), "people receiving a service in the period"),
            Html.card(longTerm < 0 ? "0" : wholePeriod(t.serviceUsersBySupport(), longTerm),
                "with long-term support"),
            Html.card(shortTerm < 0 ? "0" : wholePeriod(t.serviceUsersBySupport(), shortTerm),
                "with short-term support"))),
        section(new Section(t.serviceUsersBySupport(), Spec.of(Style.LINES,
            "People receiving services, by month and support term", "month", "people"),
            "Distinct people with a service (Event_Type Service) open on at least one day of the month: long-term"
                + " support, short-term support (e.g. reablement) or carer support, by Service_Type. A person with"
                + " both is counted in each, and once under \"" + RecordFacts.ANY_SERVICE + "\".")),
        section(new Section(t.serviceUsersByType(), Spec.of(Style.HORIZONTAL_BARS,
            "People receiving services over the period, by service type", "", "people"),
            "Distinct people with a service of the type open on at least one day of the period."))));
    List<String> costs = new ArrayList<>();
    costs.add(Html.cards(List.of(Html.card(spendTotal(t.spendBySupport()), "planned spend in the period"),
        Html.card(total(t.servicesWithoutCost()), "services in the period without a weekly cost"))));
    costs.add(section(new Section(t.spendBySupport(), Spec.of(Style.STACKED_BARS,
        "Planned spend by month and support term", "month", "planned spend").inPounds(),
        "The planned weekly cost of each service (Unit_Cost by Cost_Frequency_Unit_Type and Planned_Units_Per_Week,"
            + " the metrics module's cost rule) spread over the days the service is open in the month.")));
    if (t.spendByType() != null) {
      costs.add(section(new Section(t.spendByType(), Spec.of(Style.HORIZONTAL_BARS,
          "Planned spend over the period, by service type", "", "planned spend").inPounds(),
          "The same planned spend over the whole period, by Service_Type.")));
    } else {
      costs.add("<section><h2>Planned spend by service type</h2><p class=\"note\">Shown in the operator's view only:"
          + " a second breakdown of the same spend would let a suppressed cell be worked out from the other.</p>"
          + "</section>\n");
    }
    costs.add(section(new Section(t.servicesWithoutCost(), null, "Services open in the period whose cost fields give"
        + " no weekly cost: a one-off price, or a missing, unreadable or unknown Unit_Cost, Cost_Frequency_Unit_Type"
        + " or Planned_Units_Per_Week. They are not in the planned spend.")));
    writePage(folder, council, Page.SERVICE_COSTS, costs);
    int planned = t.reviewsByType().columnLabels().indexOf(EventLabels.PLANNED);
    int unplanned = t.reviewsByType().columnLabels().indexOf(EventLabels.UNPLANNED);
    int totalRow = t.reviewsByType().rowLabels().size() - 1;
    writePage(folder, council, Page.REVIEWS, List.of(
        Html.cards(List.of(
            Html.card(total(t.reviewsByType()), "reviews starting in the period"),
            Html.card(planned < 0 ? "0" : t.reviewsByType().displayText(totalRow, planned), "planned"),
            Html.card(unplanned < 0 ? "0" : t.reviewsByType().displayText(totalRow, unplanned), "unplanned"),
            Html.card(wholePeriod(t.peopleReviewed(), 0), "people reviewed"))),
        section(new Section(t.reviewsByType(), Spec.of(Style.STACKED_BARS, "Reviews by month, planned and unplanned",
            "month the review started", "reviews"),
            "Reviews (Event_Type Review), counted in the month of their Event_Start_Date. Planned: Review_Reason"
                + " Planned; unplanned: any Unplanned reason.")),
        section(new Section(t.reviewsByReason(), Spec.of(Style.HORIZONTAL_BARS, "Reviews over the period, by reason",
            "", "reviews"), "Reviews starting in the period, by Review_Reason.")),
        section(new Section(t.peopleReviewed(), Spec.of(Style.BARS, "People reviewed, by month", "month", "people"),
            "Distinct people with at least one review starting in the month."))));
    writeDataQuality(folder, council);
    if (salt != null) {
      writeSalt(folder, council);
    }
    if (benchmarks != null && benchmarks.hasAscof()) {
      writeParts(folder, council, Page.ASCOF, benchmarks.ascof(council), "The Adult Social Care Outcomes Framework"
          + " measures the statistics stage derived from CLD (docs/statistics.md), beside the comparator group and"
          + " England.");
    }
    if (benchmarks != null && benchmarks.hasWaiting()) {
      writeParts(folder, council, Page.WAITING_TIMES, benchmarks.waiting(council), "Waiting times from a request"
          + " for support to the first response and to the first service, as DHSC's method defines them"
          + " (docs/statistics.md), beside the comparator group and England.");
    }
  }

  private void writeParts(Path folder, String council, Page page, List<BenchmarkPages.Part> sections, String lead)
      throws IOException {
    List<String> parts = new ArrayList<>();
    parts.add("<section><p class=\"lead\">" + esc(lead) + "</p></section>\n");
    for (BenchmarkPages.Part part : sections) {
      parts.add(part.html());
      pendingCsv.put(part.csvName(), part.csv());
    }
    writePage(folder, council, page, parts);
  }

  /**
   * The SALT page of an area: each SALT table the statistics stage wrote, by its main breakdown, the council beside
   * England (all councils: England only). Counts are of people or requests, each counted once per table, so they are
   * protected cell by cell (the council and England columns do not add up).
   */
  private void writeSalt(Path folder, String council) throws IOException {
    List<String> parts = new ArrayList<>();
    parts.add("<section><p class=\"lead\">NHS England's SALT tables reproduced from CLD by sdelink statistics"
        + " (docs/statistics.md): counts for the financial year as the published method computes them. England is"
        + " the statistics stage's England row, not the sum of the councils shown here.</p></section>\n");
    List<String> columns = council == null ? List.of("England") : List.of(council, "England");
    for (SaltFigures.Table table : salt.tables()) {
      List<String> labels = salt.labels(table);
      if (labels.isEmpty()) {
        labels = List.of(EventLabels.NOT_RECORDED);
      }
      List<String> rows = labels;
      long[][] values = new long[rows.size()][columns.size()];
      for (int r = 0; r < rows.size(); r++) {
        if (council != null) {
          values[r][0] = salt.value(table, council, rows.get(r));
        }
        values[r][columns.size() - 1] = salt.value(table, SaltFigures.ENGLAND, rows.get(r));
      }
      PublishedTable published = disclosure.publish(FigureTable.of(table.csvName(), table.title,
          table.shownBy.replace('_', ' '), rows, columns, values, Measure.Kind.PEOPLE));
      parts.add(section(new Section(published, Spec.of(Style.HORIZONTAL_BARS, table.title, "", "count"),
          table.explanation, this::councilLabel)));
    }
    if (!salt.missing().isEmpty()) {
      parts.add("<section><h2>Not computed</h2><p class=\"note\">The statistics output has no "
          + esc(String.join(", ", salt.missing().stream().map(t -> t.id).toList())) + ".</p></section>\n");
    }
    writePage(folder, council, Page.SALT, parts);
  }

  private String benchmarkRows() {
    if (benchmarks == null) {
      return row("ASCOF and waiting times", "not shown (the statistics output has no ascof.csv or"
          + " waiting_times.csv, or no --statistics folder was given)");
    }
    StringBuilder rows = new StringBuilder();
    benchmarks.sources().forEach((name, source) -> rows.append(row(name, source)));
    return rows.toString();
  }

  /** A council code as shown on a page ({@code name (code)} with a names file); other labels unchanged. */
  private String councilLabel(String label) {
    return folders.containsKey(label) ? lookups.label(label) : label;
  }

  private void writePage(Path folder, String council, Page page, List<String> sections) throws IOException {
    String area = council == null ? "All councils" : lookups.label(council);
    StringBuilder body = new StringBuilder(banner());
    sections.forEach(body::append);
    String html = Html.page(page.title + " - " + area + " - sdelink dashboard", page.title + ": " + area,
        subtitle(), nav(council, page.file), body.toString());
    Files.writeString(folder.resolve(page.file + ".html"), html, StandardCharsets.UTF_8);
    for (String csv : pendingCsv.keySet()) {
      Files.writeString(folder.resolve(csv), CsvLines.forPeople(pendingCsv.get(csv)), StandardCharsets.UTF_8);
    }
    pendingCsv.clear();
  }

  private String section(Section s) {
    PublishedTable table = s.table();
    String file = table.source().name() + ".csv";
    pendingCsv.put(file, table.csv());
    StringBuilder html = new StringBuilder("<section><h2>").append(esc(s.spec() == null ? table.source().title()
        : s.spec().title())).append("</h2><p class=\"lead\">").append(esc(s.explanation())).append("</p>\n");
    if (s.spec() != null) {
      if (table.source().isEmpty()) {
        html.append("<p class=\"note\">Nothing to show: no records in the period.</p>\n");
      } else {
        html.append(Html.image(Charts.png(s.spec(), chartData(table, s.shownAs())), s.spec().title()));
      }
      html.append(suppressionNote(table));
      html.append("<a class=\"csv\" href=\"").append(esc(file)).append("\" download>Download the data (")
          .append(esc(file)).append(")</a>\n<details><summary>Show the figures as a table</summary>")
          .append(htmlTable(table, s.shownAs())).append("</details>");
    } else {
      html.append(htmlTable(table, s.shownAs())).append(suppressionNote(table)).append("<a class=\"csv\" href=\"").append(esc(file))
          .append("\" download>Download the data (").append(esc(file)).append(")</a>\n");
    }
    return html.append("</section>\n").toString();
  }

  private String suppressionNote(PublishedTable table) {
    if (!disclosure.protects() || table.suppressedCells() == 0) {
      return "";
    }
    return "<p class=\"note\">" + table.suppressedCells() + " figure(s) suppressed (*) under the small-number rule;"
        + " the chart leaves them out.</p>\n";
  }

  private static ChartData chartData(PublishedTable table, UnaryOperator<String> shownAs) {
    FigureTable source = table.source();
    List<String> categories = new ArrayList<>();
    List<Double[]> values = new ArrayList<>();
    for (int r = 0; r < source.rowLabels().size(); r++) {
      if (source.rowLabels().get(r).equals(WHOLE_PERIOD)) {
        continue;
      }
      categories.add(source.rowLabels().get(r));
      Double[] row = new Double[source.columnLabels().size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = table.chartValue(r, c);
      }
      values.add(row);
    }
    return new ChartData(categories, source.columnLabels().stream().map(shownAs).toList(),
        values.toArray(new Double[0][]));
  }

  private static String htmlTable(PublishedTable table, UnaryOperator<String> shownAs) {
    StringBuilder html = new StringBuilder("<div class=\"scroll\"><table><tr><th>")
        .append(esc(table.source().rowHeading())).append("</th>");
    table.columnLabels().forEach(c -> html.append("<th>").append(esc(shownAs.apply(c))).append("</th>"));
    html.append("</tr>");
    for (int r = 0; r < table.rowLabels().size(); r++) {
      String label = table.rowLabels().get(r);
      boolean total = label.equals(Disclosure.TOTAL) || label.equals(WHOLE_PERIOD);
      html.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(esc(Charts.displayCategory(label)))
          .append("</td>");
      for (int c = 0; c < table.columnLabels().size(); c++) {
        html.append("<td class=\"n\">").append(esc(table.displayText(r, c))).append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table></div>\n").toString();
  }

  private static String total(PublishedTable table) {
    return table.displayText(table.rowLabels().size() - 1, table.columnLabels().size() - 1);
  }

  private static String wholePeriod(PublishedTable table, int column) {
    return table.displayText(table.rowLabels().indexOf(WHOLE_PERIOD), column);
  }

  /** A category's share of a table's grand total, from published figures, or {@code *}. */
  private static String share(PublishedTable table, String column) {
    int c = table.columnLabels().indexOf(column);
    int last = table.rowLabels().size() - 1;
    Long part = c < 0 ? Long.valueOf(0) : table.cell(last, c);
    Long all = table.cell(last, table.columnLabels().size() - 1);
    if (part == null || all == null) {
      return "*";
    }
    return all == 0 ? "-" : String.format(Locale.UK, "%.0f%%", 100.0 * part / all);
  }

  /** The period's planned spend: the total, or the sum of the cells when none is suppressed, else {@code *}. */
  private static String spendTotal(PublishedTable table) {
    Long sum = spendSum(table);
    return sum == null ? "*" : String.format(Locale.UK, "£%,.0f", sum / 100.0);
  }

  private static Long spendSum(PublishedTable table) {
    if (table.hasTotals()) {
      return table.cell(table.rowLabels().size() - 1, table.columnLabels().size() - 1);
    }
    long sum = 0;
    for (int r = 0; r < table.rowLabels().size(); r++) {
      for (int c = 0; c < table.columnLabels().size(); c++) {
        Long v = table.cell(r, c);
        if (v == null) {
          return null;
        }
        sum += v;
      }
    }
    return sum;
  }

  // ---------------------------------------------------------------------------------------------- data quality

  private void writeDataQuality(Path folder, String council) throws IOException {
    List<String> parts = new ArrayList<>();
    DataQualitySummary.Row nhs = quality.row(council, DataQualityField.NHS_NUMBER);
    DataQualitySummary.Row dob = quality.row(council, DataQualityField.DATE_OF_BIRTH);
    parts.add(Html.cards(List.of(
        Html.card(disclosure.protects() ? text(disclosure.publishCount(figures.value(Measure.RECORDS_IN_PERIOD,
            council, CellKey.PERIOD, ""))) : String.format(Locale.UK, "%,d", figures.value(Measure.RECORDS_IN_PERIOD,
            council, CellKey.PERIOD, "")), "records open in the period"),
        Html.card(percentText(nhs, Aspect.COMPLETE), "NHS number filled"),
        Html.card(percentText(nhs, Aspect.VALID), "NHS number valid"),
        Html.card(percentText(dob, Aspect.VALID), "date of birth valid"))));
    if (!info.rules().checksAnyCode()) {
      parts.add("<p class=\"warning\"><b>Code validity was not checked:</b> no code lists were given"
          + " (<code>sdelink report --code-lists DIR</code>). Coded fields show completeness only; validity is shown"
          + " for the person id, NHS number, date of birth, dates and numbers.</p>\n");
    } else {
      List<String> unchecked = new ArrayList<>();
      for (DataQualityField field : DataQualityField.values()) {
        if (!info.rules().checksValidity(field)) {
          unchecked.add(field.field());
        }
      }
      if (!unchecked.isEmpty()) {
        parts.add("<p class=\"note\">The code lists (" + esc(info.codeListSource()) + ") have no list for "
            + esc(String.join(", ", unchecked)) + ": their validity was not checked.</p>\n");
      }
    }
    parts.add(qualityTableSection(council));
    parts.add(qualityChart(council, Aspect.COMPLETE));
    parts.add(qualityChart(council, Aspect.VALID));
    if (council == null) {
      parts.add(nhsByCouncil());
      parts.add(councilMatrix(Aspect.COMPLETE));
      parts.add(councilMatrix(Aspect.VALID));
    }
    writePage(folder, council, Page.DATA_QUALITY, parts);
  }

  private String qualityTableSection(String council) {
    pendingCsv.put("data-quality.csv", quality.csv(council));
    String threshold = String.format(Locale.UK, "%.0f%%", info.threshold() * 100);
    StringBuilder html = new StringBuilder("<section><h2>Completeness and validity by field</h2><p class=\"lead\">")
        .append(esc("Records open on at least one day of the period, each field over the records it applies to."
            + " Complete: the field is filled. Valid: it holds a permitted value. Green: at least " + threshold
            + "; red: below."
            + (council == null ? " The last columns count the councils at or above " + threshold + "."
                : " National: all councils' records together.")))
        .append("</p><div class=\"scroll\"><table><tr><th>field</th><th>applies to</th><th>records</th>")
        .append("<th>% complete</th>");
    if (council != null) {
      html.append("<th>national % complete</th>");
    }
    html.append("<th>% valid</th>");
    if (council != null) {
      html.append("<th>national % valid</th>");
    } else {
      html.append("<th>councils with records</th><th>councils complete at ").append(threshold)
          .append("</th><th>councils valid at ").append(threshold).append("</th>");
    }
    html.append("</tr>");
    for (DataQualityField field : DataQualityField.values()) {
      DataQualitySummary.Row row = quality.row(council, field);
      DataQualitySummary.Row nation = quality.row(null, field);
      html.append("<tr><td>").append(esc(field.field())).append("</td><td>").append(esc(field.scope().description()))
          .append("</td><td class=\"n\">").append(esc(text(row.applicable()))).append("</td>")
          .append(shareCell(row, Aspect.COMPLETE));
      if (council != null) {
        html.append("<td class=\"n\">").append(esc(nation.shareText(Aspect.COMPLETE))).append("</td>");
      }
      html.append(shareCell(row, Aspect.VALID));
      if (council != null) {
        html.append("<td class=\"n\">").append(esc(nation.shareText(Aspect.VALID))).append("</td>");
      } else {
        html.append("<td class=\"n\">").append(quality.councilsAssessed(field, Aspect.COMPLETE)).append("</td>")
            .append("<td class=\"n\">").append(quality.councilsMeeting(field, Aspect.COMPLETE)).append("</td>")
            .append("<td class=\"n\">").append(row.validityChecked() ? Integer.toString(quality.councilsMeeting(field,
                Aspect.VALID)) : DataQualitySummary.NOT_CHECKED).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table></div><p class=\"note\">Valid means: ");
    List<String> meanings = new ArrayList<>();
    for (DataQualityField.Check check : DataQualityField.Check.values()) {
      List<String> names = new ArrayList<>();
      for (DataQualityField field : DataQualityField.values()) {
        if (field.check() == check) {
          names.add(field.field());
        }
      }
      String meaning = check.description();
      if (check == DataQualityField.Check.CODE && !info.rules().checksAnyCode()) {
        meaning += ", not checked here: no code lists were given";
      }
      meanings.add("<b>" + esc(String.join(", ", names)) + "</b>: " + esc(meaning));
    }
    html.append(String.join("; ", meanings)).append(".</p>");
    html.append("<a class=\"csv\" href=\"data-quality.csv\" download>Download the data")
        .append(" (data-quality.csv)</a></section>\n");
    return html.toString();
  }

  private String shareCell(DataQualitySummary.Row row, Aspect aspect) {
    Double share = row.share(aspect);
    String css = share == null ? "n" : quality.meets(share) ? "n good" : "n poor";
    return "<td class=\"" + css + "\">" + esc(row.shareText(aspect)) + "</td>";
  }

  private String qualityChart(String council, Aspect aspect) {
    String name = aspect == Aspect.COMPLETE ? "dq-completeness" : "dq-validity";
    List<DataQualityField> fields = new ArrayList<>();
    for (DataQualityField field : DataQualityField.values()) {
      if (aspect == Aspect.COMPLETE || info.rules().checksValidity(field)) {
        fields.add(field);
      }
    }
    List<String> series = council == null ? List.of("All councils") : List.of(council, "All councils");
    List<String> shownSeries = series.stream().map(this::councilLabel).toList();
    Double[][] values = new Double[fields.size()][series.size()];
    StringBuilder csv = new StringBuilder(CsvLines.format(concat(List.of("field"), series))).append('\n');
    for (int i = 0; i < fields.size(); i++) {
      List<String> line = new ArrayList<>(List.of(fields.get(i).field()));
      for (int s = 0; s < series.size(); s++) {
        DataQualitySummary.Row row = quality.row(s == series.size() - 1 ? null : council, fields.get(i));
        Double share = row.share(aspect);
        values[i][s] = share == null ? null : Math.round(share * 1000) / 10.0;
        line.add(row.shareText(aspect));
      }
      csv.append(CsvLines.format(line)).append('\n');
    }
    pendingCsv.put(name + ".csv", csv.toString());
    String what = aspect == Aspect.COMPLETE ? "complete" : "valid";
    String title = "% of records with the field " + what + (council == null ? "" : ": " + lookups.label(council)
        + " against all councils");
    StringBuilder html = new StringBuilder("<section><h2>").append(esc(title)).append("</h2>");
    if (fields.isEmpty()) {
      html.append("<p class=\"note\">No field's validity was checked.</p>");
    } else {
      html.append(Html.image(Charts.png(Spec.of(Style.HORIZONTAL_BARS, title, "", "% of records")
          .inPercent().marker(info.threshold() * 100, String.format(Locale.UK, "threshold %.0f%%",
              info.threshold() * 100)), new ChartData(fields.stream().map(DataQualityField::field).toList(),
          shownSeries, values)), title));
    }
    return html.append("<a class=\"csv\" href=\"").append(name).append(".csv\" download>Download the data (")
        .append(name).append(".csv)</a></section>\n").toString();
  }

  private String nhsByCouncil() {
    List<String> councils = quality.councils();
    Double[][] values = new Double[councils.size()][1];
    boolean named = lookups.namesGiven();
    StringBuilder csv = new StringBuilder(named ? "council,council_name," : "council,")
        .append("nhs_number_complete_pct,nhs_number_valid_pct\n");
    for (int i = 0; i < councils.size(); i++) {
      String council = councils.get(i);
      DataQualitySummary.Row row = quality.row(council, DataQualityField.NHS_NUMBER);
      Double share = row.share(Aspect.VALID);
      values[i][0] = share == null ? null : Math.round(share * 1000) / 10.0;
      List<String> line = new ArrayList<>(List.of(council));
      if (named) {
        line.add(lookups.hasName(council) ? lookups.name(council) : "");
      }
      line.add(row.shareText(Aspect.COMPLETE));
      line.add(row.shareText(Aspect.VALID));
      csv.append(CsvLines.format(line)).append('\n');
    }
    pendingCsv.put("dq-nhs-number-by-council.csv", csv.toString());
    Double national = quality.row(null, DataQualityField.NHS_NUMBER).share(Aspect.VALID);
    String title = "% of records with a valid NHS number, by council";
    return "<section><h2>" + esc(title) + "</h2><p class=\"lead\">Each council against the national figure (the"
        + " dashed line: all councils' records together).</p>"
        + Html.image(Charts.png(Spec.of(Style.HORIZONTAL_BARS, title, "", "% of records").inPercent()
            .marker(national == null ? null : Math.round(national * 1000) / 10.0, national == null ? null
                : "all councils " + DataQualitySummary.percent(national) + "%"),
            new ChartData(councils.stream().map(lookups::label).toList(), List.of("valid NHS number"), values)),
            title)
        + "<a class=\"csv\" href=\"dq-nhs-number-by-council.csv\" download>Download the data"
        + " (dq-nhs-number-by-council.csv)</a></section>\n";
  }

  private String councilMatrix(Aspect aspect) {
    String name = aspect == Aspect.COMPLETE ? "dq-complete-by-council" : "dq-valid-by-council";
    pendingCsv.put(name + ".csv", quality.councilsCsv(aspect, lookups));
    StringBuilder html = new StringBuilder("<section><h2>").append(aspect == Aspect.COMPLETE ? "Completeness"
        : "Validity").append(" of every field by council (%)</h2><details><summary>Show the table</summary>")
        .append("<div class=\"scroll\"><table><tr><th>council</th>");
    for (DataQualityField field : DataQualityField.values()) {
      html.append("<th>").append(esc(field.field().replace('_', ' '))).append("</th>");
    }
    html.append("</tr>");
    for (String council : quality.councils()) {
      html.append("<tr><td><a href=\"../").append(esc(folders.get(council))).append("/data-quality.html\">")
          .append(esc(lookups.label(council))).append("</a></td>");
      for (DataQualityField field : DataQualityField.values()) {
        html.append(shareCell(quality.row(council, field), aspect));
      }
      html.append("</tr>");
    }
    return html.append("</table></div></details><a class=\"csv\" href=\"").append(name)
        .append(".csv\" download>Download the data (").append(name).append(".csv)</a></section>\n").toString();
  }

  private static String percentText(DataQualitySummary.Row row, Aspect aspect) {
    String text = row.shareText(aspect);
    return text.isEmpty() || text.equals("*") || text.equals(DataQualitySummary.NOT_CHECKED) ? (text.isEmpty() ? "-"
        : text) : text + "%";
  }

  private static String text(Long value) {
    return value == null ? "*" : String.format(Locale.UK, "%,d", value);
  }

  // -------------------------------------------------------------------------------------------- frame and index

  private String subtitle() {
    return "Adult social care Client Level Data, " + info.period().start() + " to " + info.period().end()
        + (disclosure.protects() ? " - for councils (small numbers protected)" : " - operator's internal view");
  }

  private String banner() {
    if (disclosure.protects()) {
      return "<div class=\"banner councils\">Figures for councils. Counts of 1 to 7 are shown as <b>*</b> and every"
          + " other count is rounded to the nearest 5 (the HES small-number rule); more figures are suppressed where"
          + " a total would reveal one. Planned spend is suppressed where it covers 1 to 7 people. See the"
          + " <a href=\"../methodology.html\">methodology</a>.</div>\n";
    }
    return "<div class=\"banner internal\"><b>Operator's internal view: exact figures, small numbers are not"
        + " suppressed.</b> Do not share outside the secure data environment; make the councils' version with"
        + " <code>sdelink report --for-councils</code>.</div>\n";
  }

  /**
   * The topic pages written: the SALT page only when the statistics output was given, the ASCOF and waiting-times
   * pages only when it has their files.
   */
  private List<Page> pages() {
    List<Page> pages = new ArrayList<>(List.of(Page.values()));
    if (salt == null) {
      pages.remove(Page.SALT);
    }
    if (benchmarks == null || !benchmarks.hasAscof()) {
      pages.remove(Page.ASCOF);
    }
    if (benchmarks == null || !benchmarks.hasWaiting()) {
      pages.remove(Page.WAITING_TIMES);
    }
    return pages;
  }

  private String nav(String council, String currentFile) {
    String folder = folders.get(council);
    StringBuilder nav = new StringBuilder("<nav><a href=\"../index.html\">Overview</a>");
    for (Page page : pages()) {
      nav.append("<a href=\"").append(page.file).append(".html\"")
          .append(page.file.equals(currentFile) ? " class=\"current\"" : "").append(">").append(esc(page.title))
          .append("</a>");
    }
    nav.append("<a href=\"../methodology.html\">Methodology</a>");
    nav.append("<form><label>Council <select aria-label=\"council\" onchange=\"location.href=this.value\">");
    for (Map.Entry<String, String> entry : folders.entrySet()) {
      nav.append("<option value=\"../").append(esc(entry.getValue())).append('/').append(currentFile)
          .append(".html\"").append(entry.getValue().equals(folder) ? " selected" : "").append(">")
          .append(esc(entry.getKey() == null ? "All councils" : lookups.label(entry.getKey()))).append("</option>");
    }
    return nav.append("</select></label></form></nav>").toString();
  }

  /** The overview's columns: the council's code, its name when a names file was given, then the figures. */
  private List<String> overviewColumns() {
    List<String> columns = new ArrayList<>(List.of("council"));
    if (lookups.namesGiven()) {
      columns.add("council_name");
    }
    columns.addAll(overviewFigureColumns());
    return columns;
  }

  private static List<String> overviewFigureColumns() {
    return List.of("requests", "people_requesting", "assessments", "people_assessed",
        "people_receiving_services", "planned_spend_gbp", "reviews", "nhs_number_valid_pct");
  }

  private List<String> overviewLine(String council, AreaTables t, boolean display) {
    int any = t.serviceUsersBySupport().columnLabels().indexOf(RecordFacts.ANY_SERVICE);
    Long spend = spendSum(t.spendBySupport());
    String spendText = spend == null ? "*" : display ? String.format(Locale.UK, "£%,.0f", spend / 100.0)
        : java.math.BigDecimal.valueOf(spend, 2).toPlainString();
    DataQualitySummary.Row nhs = quality.row(council, DataQualityField.NHS_NUMBER);
    List<String> line = new ArrayList<>();
    if (display) {
      line.add(council == null ? "All councils" : lookups.label(council));
    } else {
      line.add(council == null ? "All councils" : council);
      if (lookups.namesGiven()) {
        line.add(council != null && lookups.hasName(council) ? lookups.name(council) : "");
      }
    }
    line.addAll(List.of(
        cellText(t.requestsByRoute(), -1, -1, display),
        cellText(t.peopleRequesting(), t.peopleRequesting().rowLabels().indexOf(WHOLE_PERIOD), 0, display),
        cellText(t.assessmentsByType(), -1, -1, display),
        cellText(t.peopleAssessed(), t.peopleAssessed().rowLabels().indexOf(WHOLE_PERIOD), 0, display),
        cellText(t.serviceUsersBySupport(), t.serviceUsersBySupport().rowLabels().indexOf(WHOLE_PERIOD), any, display),
        spendText,
        cellText(t.reviewsByType(), -1, -1, display),
        nhs.shareText(Aspect.VALID)));
    return line;
  }

  private static String cellText(PublishedTable table, int row, int column, boolean display) {
    int r = row < 0 ? table.rowLabels().size() - 1 : row;
    int c = column < 0 ? table.columnLabels().size() - 1 : column;
    return display ? table.displayText(r, c) : table.text(r, c);
  }

  private String overviewCsv(AreaTables national, Map<String, AreaTables> councils) {
    StringBuilder csv = new StringBuilder(CsvLines.format(overviewColumns())).append('\n');
    csv.append(CsvLines.format(overviewLine(null, national, false))).append('\n');
    councils.forEach((council, t) -> csv.append(CsvLines.format(overviewLine(council, t, false))).append('\n'));
    return csv.toString();
  }

  private String indexPage(AreaTables national, Map<String, AreaTables> councils) {
    StringBuilder body = new StringBuilder(banner().replace("../methodology.html", "methodology.html"));
    body.append(Html.cards(List.of(
        Html.card(total(national.requestsByRoute()), "requests"),
        Html.card(total(national.assessmentsByType()), "assessments"),
        Html.card(wholePeriod(national.serviceUsersBySupport(),
            national.serviceUsersBySupport().columnLabels().indexOf(RecordFacts.ANY_SERVICE)),
            "people receiving services"),
        Html.card(spendTotal(national.spendBySupport()), "planned spend"),
        Html.card(total(national.reviewsByType()), "reviews"),
        Html.card(String.valueOf(figures.councils().size()), "councils"))));
    body.append("<section><h2>Pages</h2><p class=\"lead\">Every page shows all councils together; choose a council"
        + " with the selector at the top right of a page, or from the table below.</p><p>");
    for (Page page : pages()) {
      body.append("<a href=\"").append(ALL_FOLDER).append('/').append(page.file).append(".html\">")
          .append(esc(page.title)).append("</a> &middot; ");
    }
    body.append("<a href=\"methodology.html\">Methodology</a></p></section>\n");
    body.append("<section><h2>Councils at a glance</h2><p class=\"lead\">Over the whole period. People are counted"
        + " within a council. NHS number valid: share of the council's records.</p><div class=\"scroll\"><table><tr>")
        .append("<th>council</th><th>requests</th><th>people requesting</th><th>assessments</th>")
        .append("<th>people assessed</th><th>people receiving services</th><th>planned spend</th><th>reviews</th>")
        .append("<th>NHS number valid %</th><th>pages</th></tr>");
    List<String> all = overviewLine(null, national, true);
    appendOverviewRow(body, all, ALL_FOLDER, true);
    councils.forEach((council, t) -> appendOverviewRow(body, overviewLine(council, t, true), folders.get(council),
        false));
    body.append("</table></div><a class=\"csv\" href=\"overview.csv\" download>Download the data (overview.csv)</a>")
        .append("</section>\n");
    String nav = "<nav><a class=\"current\" href=\"index.html\">Overview</a>"
        + "<a href=\"all/requests.html\">All councils</a><a href=\"methodology.html\">Methodology</a></nav>";
    return Html.page("sdelink dashboard", "Adult social care dashboard", subtitle(), nav, body.toString());
  }

  private static void appendOverviewRow(StringBuilder body, List<String> line, String folder, boolean total) {
    body.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(esc(line.get(0))).append("</td>");
    for (int i = 1; i < line.size(); i++) {
      body.append("<td class=\"n\">").append(esc(line.get(i))).append("</td>");
    }
    body.append("<td><a href=\"").append(esc(folder)).append("/requests.html\">pages</a></td></tr>");
  }

  private String methodologyPage() {
    StringBuilder b = new StringBuilder(banner().replace("../methodology.html", "methodology.html"));
    long rows = figures.value(Measure.INPUT_ROWS, null, CellKey.PERIOD, "");
    long records = figures.value(Measure.RECORDS, null, CellKey.PERIOD, "");
    long inPeriod = figures.value(Measure.RECORDS_IN_PERIOD, null, CellKey.PERIOD, "");
    b.append("<section><h2>What this dashboard was made from</h2><table>")
        .append(row("input", info.recordsFile() + " (pseudonymised CLD, the output of sdelink pseudonymise"
            + " --source cld)"))
        .append(row("reporting period", info.period().start() + " to " + info.period().end() + " (" + months.size()
            + " calendar months)"))
        .append(row("rows read", text(disclosure.publishCount(rows))))
        .append(row("distinct records (record ids)", text(disclosure.publishCount(records))
            + (rows > records ? " (the rest are repeated copies, e.g. an ongoing service resubmitted each quarter,"
                + " counted once)" : "")))
        .append(row("records open in the period", text(disclosure.publishCount(inPeriod))))
        .append(row("councils", Integer.toString(figures.councils().size())))
        .append(row("audience", disclosure.protects() ? "councils: HES small-number rule applied"
            : "operator's internal view: exact figures"))
        .append(row("code lists", info.codeListSource().isEmpty() ? "none given: code validity not checked"
            : info.codeListSource() + " (" + String.join(", ", checkedColumns()) + ")"))
        .append(row("SALT tables", salt == null ? "not shown (no --statistics folder given)"
            : "from the statistics output " + salt.source() + ": " + String.join(", ",
                salt.tables().stream().map(t -> t.id).toList())))
        .append(benchmarkRows())
        .append(row("council names", lookups.namesGiven() ? "from the operator's council names file: a council is"
            + " shown as name (code), by its code where the file gives no name; CSV files keep the code as the key"
            + " (by-council CSV files add a council_name column)"
            : "no names file given: councils are shown by their code (LA_Code)"))
        .append(row("data-quality threshold", String.format(Locale.UK, "%.0f%%", info.threshold() * 100)))
        .append(row("sdelink version", Version.current()));
    if (!info.absentColumns().isEmpty()) {
      b.append(row("columns absent from the input (read as blank)", String.join(", ", info.absentColumns())));
    }
    b.append("</table></section>\n");
    b.append("<section><h2>Definitions</h2><dl>")
        .append(dt("Record", "One CLD event, identified by its record id (LA_Code and Event_Reference, or the file"
            + " and row when the reference is blank). A record submitted in several quarters counts once, through"
            + " its latest received version (the submissions' received dates; then the latest"
            + " Reporting_Period_End_Date), and copies without a reference are the same event when the method's"
            + " event key (type, start date, route, service type, component, mechanism; never the end date) is the"
            + " same: the rule every stage shares (metrics.submissions.LatestVersions)."))
        .append(dt("Person", "A council's person id (LA_Person_Unique_Identifier, as its keyed token) within that"
            + " council. The same person known to two councils counts once in each; the all-councils figures add"
            + " the councils' figures. People are counted without linking records across councils."))
        .append(dt("Month", "The calendar month of the event's Event_Start_Date, for requests, assessments and"
            + " reviews. Events starting outside the period are not counted."))
        .append(dt("Requests", "Records with Event_Type Request, by Request_Route_of_Access."))
        .append(dt("Assessments", "Records with Event_Type Assessment, by Assessment_Type."))
        .append(dt("Reviews", "Records with Event_Type Review. Planned: Review_Reason Planned; unplanned: every"
            + " Review_Reason beginning Unplanned."))
        .append(dt("People receiving services", "Distinct people with a record of Event_Type Service open on at"
            + " least one day of the month (or period): Event_Start_Date on or before its last day and"
            + " Event_End_Date blank or on or after its first day. Long-term support: Service_Type Long Term"
            + " Support: ...; short-term: Short Term Support: ...; carer support: Carer Support: ..."))
        .append(dt("Planned spend", "For each service, the planned weekly cost from Unit_Cost,"
            + " Cost_Frequency_Unit_Type and Planned_Units_Per_Week (the metrics module's PlannedWeeklyCost:"
            + " hourly, per-session and daily prices times planned units a week; weekly to annual prices brought to"
            + " a week, a year being 52 weeks; no charge = 0), times the days the service is open in the month"
            + " within the period, divided by 7, to the penny. One-off prices and incomplete cost fields have no"
            + " weekly cost and are counted separately."))
        .append(dt("Categories", "Codes are matched to their Release 1 spelling case-insensitively, so Release 1 and"
            + " Release 2 submissions fall together. A value that is none of the listed codes is shown as \""
            + EventLabels.OTHER + "\", a blank one as \"" + EventLabels.NOT_RECORDED + "\"."))
        .append(dt("Data quality", "Over the records open on at least one day of the period. For each field, the"
            + " records it applies to (e.g. Request_Route_of_Access applies to requests only); complete: the field"
            + " is filled; valid: it holds a permitted value (valid NHS number by the modulus-11 check and the HES"
            + " placeholder rules; real date of birth; a real date; a number; a permitted code of the code lists)."
            + " Both are shares of the records the field applies to. All councils: every council's records"
            + " together. A council meets the threshold when its share is at least "
            + String.format(Locale.UK, "%.0f%%", info.threshold() * 100) + "."))
        .append(dt("Small numbers", disclosure.protects()
            ? "Counts of 1 to 7 are suppressed (*) and every other count is rounded to the nearest 5, as in"
                + " releases (HES Analysis Guide). Tables of counts with totals get further suppression where a total"
                + " would reveal a suppressed count. People counts are protected cell by cell. Planned spend is"
                + " suppressed where it covers 1 to 7 people, shown in whole pounds without totals, and an all-councils"
                + " cell is suppressed when exactly one council's cell is, or when the suppressed councils' cells"
                + " together cover 1 to 7 people. Data-quality shares are computed from the rounded counts."
            : "None suppressed: this is the operator's internal view. The councils' version (--for-councils)"
                + " suppresses counts of 1 to 7 and rounds the rest to the nearest 5."))
        .append("</dl></section>\n");
    String nav = "<nav><a href=\"index.html\">Overview</a><a href=\"all/requests.html\">All councils</a>"
        + "<a class=\"current\" href=\"methodology.html\">Methodology</a></nav>";
    return Html.page("Methodology - sdelink dashboard", "Methodology", subtitle(), nav, b.toString());
  }

  private List<String> checkedColumns() {
    List<String> checked = new ArrayList<>();
    for (DataQualityField field : DataQualityField.values()) {
      if (field.check() == DataQualityField.Check.CODE && info.rules().checksValidity(field)) {
        checked.add(field.field());
      }
    }
    return checked;
  }

  private static String row(String label, String value) {
    return "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
  }

  private static String dt(String term, String definition) {
    return "<dt>" + esc(term) + "</dt><dd>" + esc(definition) + "</dd>";
  }
}
