package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.pipelines.run.StageOptions;

/**
 * The SALT page of the dashboard, from statistics CSV files in the exact headers: each table by its main
 * breakdown, the council beside England, a CSV per chart holding exactly the summed figures (worked out again here
 * from the fixture rows), the HES small-number rule in the councils' version, and no SALT page without --statistics.
 */
class SaltPagesTest {
  @TempDir static Path root;
  static ReportFixture fixture;
  static Path statistics;
  /** The fixture rows: table, la_code, shown label, count. */
  static final List<String[]> ROWS = new java.util.ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    fixture = ReportFixture.create(root.resolve("data"), 400, 11, CouncilFaultRates.none());
    statistics = root.resolve("statistics");
    Path salt = Files.createDirectories(statistics.resolve("salt"));
    Files.writeString(salt.resolve("STS001.csv"), "la_code,age_band,route_of_access,sequel,count\n"
        + "E08000025,65+,Discharge from Hospital,Short Term Support: ST-Max,12\n"
        + "E08000025,18-64,Community / Other route,Short Term Support: ST-Max,3\n"
        + "E08000025,65+,Community / Other route,No Service Found,40\n"
        + "E08000035,unknown,Community / Other route,No Service Found,2\n"
        + "ENGLAND,65+,Discharge from Hospital,Short Term Support: ST-Max,12\n"
        + "ENGLAND,18-64,Community / Other route,Short Term Support: ST-Max,3\n"
        + "ENGLAND,65+,Community / Other route,No Service Found,40\n"
        + "ENGLAND,unknown,Community / Other route,No Service Found,2\n");
    Files.writeString(salt.resolve("LTS001b.csv"),
        "la_code,age_band,support_setting,primary_support_reason,count\n"
            + "E08000025,65+,Nursing,Physical Support: Personal care support,9\n"
            + "E08000025,65+,Community: Direct Payment,Physical Support: Personal care support,23\n"
            + "E08000025,18-64,Community: Direct Payment,Learning Disability Support,31\n"
            + "ENGLAND,65+,Nursing,Physical Support: Personal care support,9\n"
            + "ENGLAND,65+,Community: Direct Payment,Physical Support: Personal care support,23\n"
            + "ENGLAND,18-64,Community: Direct Payment,Learning Disability Support,31\n");
    Files.writeString(salt.resolve("LTS003.csv"), "la_code,carer_age_band,support_provided,count\n"
        + "E08000035,Carer aged 26-64,Direct Payment only,1\nENGLAND,Carer aged 26-64,Direct Payment only,1\n");
  }

  private static Path report(String name, boolean forCouncils) throws Exception {
    Path out = root.resolve(name);
    ReportStage stage = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(statistics);
    if (forCouncils) {
      stage = stage.forAudience(Audience.COUNCILS);
    }
    return stage.run(StageOptions.fromArgs(List.of()), out);
  }

  @Test
  void saltPagesShowTheCouncilBesideEnglandWithACsvPerChart() throws Exception {
    Path out = report("operator", false);
    assertTrue(Files.exists(out.resolve("all/salt.html")));
    assertTrue(Files.readString(out.resolve("all/requests.html")).contains("salt.html"), "SALT page not in the nav");
    List<Map<String, String>> sts = ReportFixture.readCsv(out.resolve("E08000025/salt-sts001.csv"));
    Map<String, String> stMax = row(sts, "Short Term Support: ST-Max");
    assertEquals("15", stMax.get("E08000025"));
    assertEquals("15", stMax.get("England"));
    assertEquals("40", row(sts, "No Service Found").get("E08000025"));
    assertEquals("42", row(sts, "No Service Found").get("England"));
    List<Map<String, String>> lts = ReportFixture.readCsv(out.resolve("E08000025/salt-lts001b.csv"));
    assertEquals("54", row(lts, "Community: Direct Payment").get("E08000025"));
    assertEquals("9", row(lts, "Nursing").get("England"));
    // A council without rows in a table shows 0 beside England.
    assertEquals("0", row(ReportFixture.readCsv(out.resolve("E08000025/salt-lts003.csv")), "Direct Payment only")
        .get("E08000025"));
    List<Map<String, String>> national = ReportFixture.readCsv(out.resolve("all/salt-sts001.csv"));
    assertEquals(Set.of("sequel", "England"), national.get(0).keySet());
    String page = Files.readString(out.resolve("E08000025/salt.html"));
    assertTrue(page.contains("Not computed") && page.contains("LTS001a"), "missing tables not named");
  }

  @Test
  void theCouncilsVersionAppliesTheHesRule() throws Exception {
    Path out = report("councils", true);
    List<Map<String, String>> sts = ReportFixture.readCsv(out.resolve("E08000025/salt-sts001.csv"));
    assertEquals("15", row(sts, "Short Term Support: ST-Max").get("E08000025"));
    assertEquals("40", row(sts, "No Service Found").get("E08000025"));
    assertEquals("*", row(ReportFixture.readCsv(out.resolve("E08000035/salt-sts001.csv")), "No Service Found")
        .get("E08000035"));
    List<Map<String, String>> lts = ReportFixture.readCsv(out.resolve("E08000025/salt-lts001b.csv"));
    assertEquals("55", row(lts, "Community: Direct Payment").get("E08000025"), "54 rounds to 55");
    assertEquals("10", row(lts, "Nursing").get("E08000025"), "9 rounds to 10");
    assertEquals("*", row(ReportFixture.readCsv(out.resolve("E08000035/salt-lts003.csv")), "Direct Payment only")
        .get("England"));
    Set<String> values = new TreeSet<>();
    for (Path csv : Files.list(out.resolve("all")).filter(p -> p.getFileName().toString().startsWith("salt-"))
        .toList()) {
      ReportFixture.readCsv(csv).forEach(r -> r.forEach((k, v) -> {
        if (k.equals("England")) {
          values.add(v);
        }
      }));
    }
    for (String v : values) {
      assertTrue(v.equals("*") || v.equals("0") || Long.parseLong(v) % 5 == 0, "not protected: " + v);
    }
  }

  @Test
  void withoutStatisticsThereIsNoSaltPageAndABrokenTableStops() throws Exception {
    Path out = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).run(StageOptions.fromArgs(List.of()),
        root.resolve("plain"));
    assertFalse(Files.exists(out.resolve("all/salt.html")));
    assertFalse(Files.readString(out.resolve("all/requests.html")).contains("salt.html"));

    Path broken = root.resolve("broken");
    Files.createDirectories(broken.resolve("salt"));
    Files.writeString(broken.resolve("salt/LTS003.csv"), "la_code,support_provided,count\nE08000035,x,1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportStage
        .of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(broken)
        .run(StageOptions.fromArgs(List.of()), root.resolve("broken-out")));
    assertTrue(e.getMessage().contains("salt/LTS003.csv: the header must be la_code,carer_age_band,support_provided,"
        + "count"), e.getMessage());
  }

  @Test
  void councilNamesOnEveryPageWhileCodesStayTheKeyOfTheCsvFiles() throws Exception {
    Path names = Files.writeString(root.resolve("names.csv"), "la_code,la_name\nE08000025,Brum & District\n");
    Path out = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(statistics)
        .withCouncilLookups(CouncilLookups.read(names, null))
        .run(StageOptions.fromArgs(List.of()), root.resolve("named"));
    String shown = "Brum &amp; District (E08000025)";
    for (String page : List.of("requests", "service-users", "data-quality", "salt")) {
      String html = Files.readString(out.resolve("E08000025/" + page + ".html"));
      assertTrue(html.contains("<h1>" + Html.esc(page.equals("salt") ? "SALT tables" : page.equals("data-quality")
          ? "Data quality" : page.equals("requests") ? "Requests" : "Service users") + ": " + shown), page);
      assertTrue(html.contains(">" + shown + "</option>"), page + ": the council selector names the council");
    }
    assertTrue(Files.readString(out.resolve("E08000025/salt.html")).contains("<th>" + shown + "</th>"),
        "the SALT table's council column");
    assertTrue(Files.readString(out.resolve("E08000025/data-quality.html")).contains(shown + " against all"),
        "the data-quality chart's title");
    assertTrue(Files.readString(out.resolve("all/data-quality.html")).contains(">" + shown + "</a></td>"),
        "the councils' data-quality table");
    assertTrue(Files.readString(out.resolve("index.html")).contains("<td>" + shown + "</td>"), "the overview");
    assertTrue(Files.readString(out.resolve("methodology.html")).contains("operator&#39;s council names file")
        || Files.readString(out.resolve("methodology.html")).contains("operator's council names file"));

    // CSV files: the code stays the key; by-council files add the name; a council without a name has a blank one.
    assertEquals(Set.of("sequel", "E08000025", "England"),
        ReportFixture.readCsv(out.resolve("E08000025/salt-sts001.csv")).get(0).keySet());
    List<Map<String, String>> overview = ReportFixture.readCsv(out.resolve("overview.csv"));
    assertEquals("Brum & District", row(overview, "E08000025").get("council_name"));
    assertEquals("", row(overview, "E08000035").get("council_name"));
    assertEquals("Brum & District", row(ReportFixture.readCsv(out.resolve("all/dq-nhs-number-by-council.csv")),
        "E08000025").get("council_name"));
    assertEquals("Brum & District", row(ReportFixture.readCsv(out.resolve("all/dq-valid-by-council.csv")),
        "E08000025").get("council_name"));

    // Without a names file (the documented fallback): codes, and no name column.
    Path plain = report("codes-only", false);
    assertFalse(ReportFixture.readCsv(plain.resolve("overview.csv")).get(0).containsKey("council_name"));
    assertTrue(Files.readString(plain.resolve("E08000025/salt.html")).contains("<h1>SALT tables: E08000025<"));
    assertTrue(Files.readString(plain.resolve("methodology.html")).contains("councils are shown by their code"));
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String label) {
    Map<String, String> found = new HashMap<>();
    for (Map<String, String> r : rows) {
      if (r.values().iterator().next().equals(label)) {
        found.putAll(r);
      }
    }
    assertFalse(found.isEmpty(), "no row " + label);
    return found;
  }
}
