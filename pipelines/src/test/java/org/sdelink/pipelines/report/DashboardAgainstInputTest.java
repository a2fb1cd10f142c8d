package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.policies.disclosure.SmallNumberRule;

/**
 * The dashboard against the data it was made from: every figure of every CSV (all councils and each council) equals
 * the same figure worked out independently from the pseudonymised records ({@link IndependentFigures}); the data-quality
 * page of a council generated with 8 % of its people lacking an NHS number shows exactly the records the generator
 * wrote without one; the councils' version follows the HES rule; and no token leaves the SDE in any output.
 */
class DashboardAgainstInputTest {
  private static final String BIRMINGHAM = "E08000025";
  private static final double MISSING_RATE = 0.08;
  private static final SmallNumberRule HES = SmallNumberRule.hes();
  private static final List<String> EXACT_TABLES = List.of("requests-by-route", "people-requesting",
      "assessments-by-type", "people-assessed", "service-users-by-support", "service-users-by-type",
      "reviews-by-type", "reviews-by-reason", "people-reviewed", "services-without-weekly-cost");

  @TempDir static Path root;
  static ReportFixture fixture;
  static Path operator;
  static Path councils;
  static IndependentFigures expected;
  static CodeLists codes;

  @BeforeAll
  static void buildBothDashboards() throws Exception {
    fixture = ReportFixture.create(root, 2000, 4242,
        CouncilFaultRates.none().with(BIRMINGHAM, CouncilFaultRates.Fault.NHS_MISSING, MISSING_RATE)
            // numbers traced late (missing from early files only) would blur "records written without"
            .with(BIRMINGHAM, CouncilFaultRates.Fault.NHS_TRACED_LATE, 0.0));
    Path codeDir = fixture.codeLists();
    codes = CodeLists.load(codeDir);
    ReportStage stage = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).withCodeLists(codes, "test lists");
    operator = stage.run(StageOptions.fromArgs(List.of()), root.resolve("operator"));
    councils = stage.forAudience(Audience.COUNCILS).run(StageOptions.fromArgs(List.of("--buckets=5")),
        root.resolve("councils"));
    expected = IndependentFigures.compute(fixture.cldDir.resolve("records.csv"), ReportFixture.PERIOD, codes);
  }

  private static Path folder(Path dashboard, String area) {
    return dashboard.resolve(area.isEmpty() ? "all" : area);
  }

  @Test
  void everyCountEqualsTheIndependentComputationForAllCouncilsAndEachCouncil() throws IOException {
    assertTrue(expected.councils.size() >= 10, "councils " + expected.councils);
    int compared = 0;
    for (String area : expected.areas()) {
      for (String name : EXACT_TABLES) {
        Map<String, Map<String, String>> published = ReportFixture.readTable(folder(operator, area).resolve(name
            + ".csv"));
        Map<String, Map<String, Long>> truth = expected.table(area, name);
        for (Map.Entry<String, Map<String, String>> row : published.entrySet()) {
          if (row.getKey().equals(Disclosure.TOTAL)) {
            continue;
          }
          for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
            if (cell.getKey().equals(Disclosure.TOTAL)) {
              continue;
            }
            assertEquals(expected.value(area, name, row.getKey(), cell.getKey()), Long.parseLong(cell.getValue()),
                area + " " + name + " " + row.getKey() + " " + cell.getKey());
            compared++;
          }
        }
        truth.forEach((row, columns) -> columns.forEach((column, value) -> assertTrue(value == 0
            || (published.containsKey(row) && published.get(row).containsKey(column)),
            area + " " + name + ": " + row + " / " + column + " = " + value + " is not on the page")));
      }
    }
    assertTrue(compared > 1000, "compared " + compared);
    assertTrue(expected.value("", "requests-by-route", "2024-04", "Discharge from Hospital") > 0);
    assertTrue(expected.value("", "service-users-by-support", "Whole period", "Any service") > 100);
  }

  @Test
  void totalsAddUpInTheOperatorsView() throws IOException {
    Map<String, Map<String, String>> requests = ReportFixture.readTable(operator.resolve("all/requests-by-route.csv"));
    long sum = 0;
    for (Map.Entry<String, Map<String, String>> row : requests.entrySet()) {
      if (!row.getKey().equals(Disclosure.TOTAL)) {
        long rowSum = row.getValue().entrySet().stream().filter(e -> !e.getKey().equals(Disclosure.TOTAL))
            .mapToLong(e -> Long.parseLong(e.getValue())).sum();
        assertEquals(rowSum, Long.parseLong(row.getValue().get(Disclosure.TOTAL)), row.getKey());
        sum += rowSum;
      }
    }
    assertEquals(sum, Long.parseLong(requests.get(Disclosure.TOTAL).get(Disclosure.TOTAL)));
    Map<String, Map<String, String>> overview = ReportFixture.readTable(operator.resolve("overview.csv"));
    assertEquals(Long.toString(sum), overview.get("All councils").get("requests"));
  }

  @Test
  void plannedSpendEqualsTheIndependentComputationToThePenny() throws IOException {
    for (String area : expected.areas()) {
      for (String name : List.of("planned-spend-by-support", "planned-spend-by-type")) {
        Map<String, Map<String, String>> published = ReportFixture.readTable(folder(operator, area).resolve(name
            + ".csv"));
        for (Map.Entry<String, Map<String, String>> row : published.entrySet()) {
          for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
            if (row.getKey().equals(Disclosure.TOTAL) || cell.getKey().equals(Disclosure.TOTAL)) {
              continue;
            }
            assertEquals(expected.value(area, name, row.getKey(), cell.getKey()),
                new BigDecimal(cell.getValue()).movePointRight(2).longValueExact(),
                area + " " + name + " " + row.getKey() + " " + cell.getKey());
          }
        }
      }
    }
    assertTrue(expected.value("", "planned-spend-by-type", "Long Term Support: Residential Care", "Planned spend")
        > 0);
  }

  @Test
  void dataQualityCountsEqualTheIndependentComputation() throws IOException {
    for (String area : expected.areas()) {
      List<Map<String, String>> rows = ReportFixture.readCsv(folder(operator, area).resolve("data-quality.csv"));
      assertEquals(IndependentFigures.QUALITY_FIELDS.keySet(), rows.stream().map(r -> r.get("field"))
          .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
      for (Map<String, String> row : rows) {
        long[] truth = expected.quality.getOrDefault(area, Map.of()).getOrDefault(row.get("field"), new long[3]);
        String what = area + " " + row.get("field");
        assertEquals(truth[0], Long.parseLong(row.get("records")), what);
        assertEquals(truth[1], Long.parseLong(row.get("filled")), what);
        boolean checked = !row.get("valid").equals("not checked");
        assertEquals(checked, !IndependentFigures.QUALITY_FIELDS.get(row.get("field"))[3].equals("code")
            || codes.checks(org.sdelink.pipelines.contract.InputSource.CLD, row.get("field")), what);
        if (checked) {
          assertEquals(truth[2], Long.parseLong(row.get("valid")), what);
        }
      }
    }
    String page = Files.readString(operator.resolve("all/data-quality.html"));
    assertFalse(page.contains("Code validity was not checked"), "code lists were given");
    assertTrue(page.contains("have no list for"), "unchecked coded fields are named");
  }

  @Test
  void aCouncilGeneratedWith8PercentMissingNhsNumbersShowsExactlyTheRecordsWrittenWithout() throws IOException {
    long tally = 0;
    for (Map<String, String> fault : ReportFixture.readCsv(fixture.generated.files().get("faults.csv"))) {
      if (fault.get("kind").equals("nhs_missing_record") && fault.get("la_code").equals(BIRMINGHAM)) {
        tally += Long.parseLong(fault.get("count"));
      }
    }
    // The same count straight from the raw submission: distinct record ids (spine contract) without an NHS number.
    Set<String> rawMissing = new HashSet<>();
    try (Reader reader = Files.newBufferedReader(fixture.generated.files().get("cld_events.csv"),
        StandardCharsets.UTF_8); CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
      long line = 0;
      for (CSVRecord row : parser) {
        line++;
        // a record lacks the number when its latest version (the last row written of it) does
        String record = row.get("Event_Reference").isEmpty() ? "cld_events.csv:" + line : row.get("Event_Reference");
        if (row.get("LA_Code").equals(BIRMINGHAM) && row.get("NHS_Number").isBlank()) {
          rawMissing.add(record);
        } else {
          rawMissing.remove(record);
        }
      }
    }
    assertEquals(rawMissing.size(), tally);

    Map<String, String> nhs = ReportFixture.readCsv(operator.resolve(BIRMINGHAM).resolve("data-quality.csv"))
        .stream().filter(r -> r.get("field").equals("NHS_Number")).findFirst().orElseThrow();
    long records = Long.parseLong(nhs.get("records"));
    long missing = records - Long.parseLong(nhs.get("filled"));
    assertEquals(tally, missing, "records without an NHS number on the data-quality page");
    double missingShare = (double) missing / records;
    // The rate is drawn per person, so records of one person miss together, and the council holds few persons here:
    // the share only has to show the fault was made and not made everywhere (the count above is the exact check).
    assertTrue(missing > 0 && missingShare < 3 * MISSING_RATE, "missing share " + missingShare);
    assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * (records - missing) / records),
        nhs.get("complete_pct"));
    String page = Files.readString(operator.resolve(BIRMINGHAM).resolve("data-quality.html"));
    assertTrue(page.contains(">" + nhs.get("complete_pct") + "<"), "the page shows the CSV's share");
  }

  @Test
  void theCouncilsVersionFollowsTheHesRule() throws IOException {
    int suppressed = 0;
    int shown = 0;
    for (String area : expected.areas()) {
      for (String name : EXACT_TABLES) {
        Map<String, Map<String, String>> published = ReportFixture.readTable(folder(councils, area).resolve(name
            + ".csv"));
        Map<String, Map<String, String>> exact = ReportFixture.readTable(folder(operator, area).resolve(name + ".csv"));
        boolean people = name.startsWith("people") || name.startsWith("service-users");
        for (Map.Entry<String, Map<String, String>> row : exact.entrySet()) {
          for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
            String text = published.get(row.getKey()).get(cell.getKey());
            assertNotNull(text, area + " " + name + " lacks " + row.getKey() + "/" + cell.getKey());
            long truth = Long.parseLong(cell.getValue());
            String what = area + " " + name + " " + row.getKey() + " " + cell.getKey() + " = " + truth;
            if (HES.isSmall(truth)) {
              assertEquals("*", text, what);
            } else if (people) {
              assertEquals(Long.toString(HES.round(truth)), text, what);
            } else {
              assertTrue(text.equals("*") || text.equals(Long.toString(HES.round(truth))), what + " shown " + text);
            }
            suppressed += text.equals("*") ? 1 : 0;
            shown += text.equals("*") ? 0 : 1;
          }
        }
      }
      Map<String, Map<String, String>> spend = ReportFixture.readTable(folder(councils, area).resolve(
          "planned-spend-by-support.csv"));
      Map<String, Map<String, String>> exactSpend = ReportFixture.readTable(folder(operator, area).resolve(
          "planned-spend-by-support.csv"));
      assertFalse(spend.containsKey(Disclosure.TOTAL), "no totals of spend for councils");
      assertFalse(Files.exists(folder(councils, area).resolve("planned-spend-by-type.csv")), "one breakdown only");
      spend.forEach((month, columns) -> columns.forEach((term, text) -> {
        if (!text.equals("*")) {
          BigDecimal pounds = new BigDecimal(exactSpend.get(month).get(term));
          assertEquals(pounds.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString(), text, month + " " + term);
        }
      }));
      if (area.isEmpty()) {
        Map<String, Integer> suppressedCouncils = new java.util.HashMap<>();
        for (String council : expected.councils) {
          Map<String, Map<String, String>> local = ReportFixture.readTable(folder(councils, council).resolve(
              "planned-spend-by-support.csv"));
          local.forEach((month, columns) -> columns.forEach((term, text) -> {
            if (text.equals("*")) {
              suppressedCouncils.merge(month + "|" + term, 1, Integer::sum);
            }
          }));
        }
        // A national cell shown beside exactly one suppressed council cell would give that cell away.
        spend.forEach((month, columns) -> columns.forEach((term, text) -> assertTrue(text.equals("*")
            || suppressedCouncils.getOrDefault(month + "|" + term, 0) != 1, "national " + month + " " + term)));
        assertTrue(suppressedCouncils.size() > 0, "some council spend is suppressed");
      }
    }
    assertTrue(suppressed > 50 && shown > 500, suppressed + " suppressed, " + shown + " shown");
    String page = Files.readString(councils.resolve("all/requests.html"));
    assertTrue(page.contains("Figures for councils") && !page.contains("Operator's internal view"));
  }

  @Test
  void noTokenOrRecordIdReachesAnyOutput() throws IOException {
    Set<String> secrets = new HashSet<>();
    for (Map<String, String> row : ReportFixture.readCsv(fixture.cldDir.resolve("records.csv"))) {
      for (String column : List.of("la_person_token", "nhs_number_token", "dob_token", "postcode_token",
          "family_name_token", "Event_Reference")) {
        if (!row.get(column).isEmpty()) {
          secrets.add(row.get(column));
        }
      }
    }
    assertTrue(secrets.size() > 1000);
    for (Path dashboard : List.of(operator, councils)) {
      try (Stream<Path> files = Files.walk(dashboard)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file);
          for (String secret : secrets) {
            assertFalse(text.contains(secret), file + " holds a token or reference");
          }
        }
      }
    }
  }

  @Test
  void thePagesAreSelfContained() throws IOException {
    try (Stream<Path> files = Files.walk(operator)) {
      List<Path> pages = files.filter(f -> f.toString().endsWith(".html")).toList();
      assertEquals(2 + 6 * (1 + expected.councils.size()), pages.size());
      for (Path page : pages) {
        String html = Files.readString(page);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link")
            || html.contains("<script") && !html.contains("onchange"), page + " refers to something outside");
        assertFalse(html.matches("(?s).*src=\"(?!data:).*"), page + " loads a file");
      }
    }
    assertTrue(Files.readString(operator.resolve("all/requests.html")).contains("data:image/png;base64,"));
    assertTrue(Files.isRegularFile(operator.resolve("_SUCCESS")));
  }
}
