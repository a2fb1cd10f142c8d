package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.UserError;

/**
 * The dashboard's ASCOF and waiting-times pages from statistics files in the exact headers: each council
 * beside its comparator group (same council type by default, or the operator's file) and England, the group's figure
 * worked out again here from the fixture rows, a CSV per chart, council names from a names file, the small-number
 * rule in the councils' version, and clear stops on bad files.
 */
class BenchmarkPagesTest {
  @TempDir static Path root;
  static ReportFixture fixture;
  static Path statistics;

  /** measure, la_code, group, numerator, denominator, value. */
  static final String ASCOF = "measure,la_code,group,numerator,denominator,value\n"
      + "2E_part2,E08000025,all,120,200,60.0\n"
      + "2E_part2,E08000025,65+,70,100,70.0\n"
      + "2E_part2,E08000035,all,45,90,50.0\n"
      + "2E_part2,E08000035,65+,3,40,7.5\n"
      + "2E_part2,E06000001,all,30,40,75.0\n"
      + "2E_part2,E06000001,65+,20,25,80.0\n"
      + "2E_part2,ENGLAND,all,195,330,59.1\n"
      + "2E_part2,ENGLAND,65+,93,165,56.4\n"
      + "2B,E08000025,18-64,12,,\n"
      + "2B,E08000035,18-64,9,150000,6.0\n"
      + "2B,ENGLAND,18-64,21,,\n";
  static final String WAITING = "la_code,quarter,age_band,part,requests,median_days\n"
      + "E08000025,2024-Q1,65+,first_response,40,6.0\n"
      + "E08000025,2024-Q2,65+,first_response,35,9.5\n"
      + "E08000035,2024-Q1,65+,first_response,5,4.0\n"
      + "E08000035,2024-Q2,65+,first_response,30,12.0\n"
      + "E06000001,2024-Q2,65+,first_response,20,3.0\n"
      + "ENGLAND,2024-Q1,65+,first_response,45,5.0\n"
      + "ENGLAND,2024-Q2,65+,first_response,85,9.0\n"
      + "E08000025,2024-Q1,25-64,first_service,10,21.0\n"
      + "ENGLAND,2024-Q1,25-64,first_service,10,21.0\n";

  @BeforeAll
  static void setUp() throws Exception {
    fixture = ReportFixture.create(root.resolve("data"), 400, 11, CouncilFaultRates.none());
    statistics = root.resolve("statistics");
    Path salt = Files.createDirectories(statistics.resolve("salt"));
    Files.writeString(salt.resolve("LTS003.csv"), "la_code,carer_age_band,support_provided,count\n"
        + "E08000035,Carer aged 26-64,Direct Payment only,10\nENGLAND,Carer aged 26-64,Direct Payment only,10\n");
    Files.writeString(statistics.resolve("ascof.csv"), ASCOF);
    Files.writeString(statistics.resolve("waiting_times.csv"), WAITING);
    Files.writeString(statistics.resolve("ascof_2d_by_linkage.csv"),
        "linkage,measure,la_code,group,numerator,denominator,value\n"
            + "spine,2D_part1,E08000025,65+,40,50,80.0\nspine,2D_part1,ENGLAND,65+,40,50,80.0\n"
            + "nhs_number,2D_part1,E08000025,65+,30,40,75.0\nnhs_number,2D_part1,ENGLAND,65+,30,40,75.0\n");
  }

  private static Path report(String name, boolean forCouncils, CouncilLookups lookups) throws Exception {
    ReportStage stage = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(statistics)
        .withCouncilLookups(lookups);
    if (forCouncils) {
      stage = stage.forAudience(Audience.COUNCILS);
    }
    return stage.run(StageOptions.fromArgs(List.of()), root.resolve(name));
  }

  private static String percent(long numerator, long denominator) {
    return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  @Test
  void councilTypesFromTheGssCode() {
    assertEquals("Unitary authorities", CouncilType.of("E06000001"));
    assertEquals("Metropolitan districts", CouncilType.of("E08000025"));
    assertEquals("London boroughs", CouncilType.of("e09000033"));
    assertEquals("County councils", CouncilType.of("E10000003"));
    assertEquals(CouncilType.OTHER, CouncilType.of("W06000001"));
    assertEquals(CouncilType.OTHER, CouncilType.of("E06"));
  }

  @Test
  void eachCouncilBesideItsTypeGroupAndEngland() throws Exception {
    Path out = report("operator", false, CouncilLookups.defaults());
    assertTrue(Files.readString(out.resolve("all/requests.html")).contains("ascof.html"), "ASCOF page not in nav");
    assertTrue(Files.exists(out.resolve("E08000025/waiting-times.html")));
    Map<String, String> all = row(ReportFixture.readCsv(out.resolve("E08000025/ascof-2e-part2.csv")), "all");
    assertEquals("60.0", all.get("E08000025 value"));
    assertEquals("120", all.get("E08000025 numerator"));
    String group = "Comparator group: Metropolitan districts";
    // The metropolitan group: E08000025 and E08000035 summed (E06000001 is a unitary authority).
    assertEquals(percent(120 + 45, 200 + 90), all.get(group + " value"));
    assertEquals("165", all.get(group + " numerator"));
    assertEquals("59.1", all.get("England value"));
    // Per 100,000: a member without a population leaves the group's value blank, never a made-up number.
    Map<String, String> rate = row(ReportFixture.readCsv(out.resolve("E08000035/ascof-2b.csv")), "18-64");
    assertEquals("6.0", rate.get("E08000035 value"));
    assertEquals("", rate.get(group + " value"));
    // The all-councils area: every group present in the file, and England.
    Map<String, String> national = row(ReportFixture.readCsv(out.resolve("all/ascof-2e-part2.csv")), "65+");
    assertEquals(percent(20, 25), national.get("Comparator group: Unitary authorities value"));
    assertEquals(percent(73, 140), national.get(group + " value"));

    List<Map<String, String>> waits = ReportFixture.readCsv(out.resolve("E08000025/waiting-first-response-65.csv"));
    assertEquals("9.5", row(waits, "2024-Q2").get("E08000025 median days"));
    // The group's median is the median of its councils' medians (9.5 and 12.0), its requests the sum.
    assertEquals("10.8", row(waits, "2024-Q2").get(group + " median days"));
    assertEquals("65", row(waits, "2024-Q2").get(group + " requests"));
    assertEquals("9.0", row(waits, "2024-Q2").get("England median days"));
    // ASCOF 2D by linkage: the spine rows are the measure, the NHS-number rows their own measure beside it.
    assertEquals("80.0", row(ReportFixture.readCsv(out.resolve("E08000025/ascof-2d-part1.csv")), "65+")
        .get("E08000025 value"));
    assertEquals("75.0", row(ReportFixture.readCsv(out.resolve("E08000025/ascof-2d-part1-nhs-number.csv")), "65+")
        .get("E08000025 value"));
    String page = Files.readString(out.resolve("E08000025/waiting-times.html"));
    assertTrue(page.contains("<img") && page.contains("waiting-first-response-65.csv"), "chart or CSV link missing");
  }

  @Test
  void anOperatorComparatorFileAndCouncilNames() throws Exception {
    Path names = root.resolve("names.csv");
    Files.writeString(names, "la_code,la_name\nE08000025,Tameside\n");
    Path groups = root.resolve("groups.csv");
    Files.writeString(groups, "la_code,comparator_group\nE08000025,Nearest neighbours\nE06000001,Nearest neighbours\n");
    Path out = report("named", false, CouncilLookups.read(names, groups));
    Map<String, String> all = row(ReportFixture.readCsv(out.resolve("E08000025/ascof-2e-part2.csv")), "all");
    assertEquals("60.0", all.get("Tameside (E08000025) value"));
    assertEquals(percent(120 + 30, 200 + 40), all.get("Comparator group: Nearest neighbours value"));
    assertTrue(Files.readString(out.resolve("E08000025/ascof.html")).contains("Tameside (E08000025)"));
    // E08000035 is not in the file: its group is its type.
    Map<String, String> other = row(ReportFixture.readCsv(out.resolve("E08000035/ascof-2e-part2.csv")), "all");
    assertEquals("50.0", other.get("Comparator group: Metropolitan districts value"));
  }

  @Test
  void theCouncilsVersionSuppressesSmallNumbersAndTheirValues() throws Exception {
    Path out = report("councils", true, CouncilLookups.defaults());
    Map<String, String> older = row(ReportFixture.readCsv(out.resolve("E08000035/ascof-2e-part2.csv")), "65+");
    assertEquals("*", older.get("E08000035 numerator"), "3 is suppressed");
    assertEquals("*", older.get("E08000035 value"), "a value of a suppressed numerator is not shown");
    assertEquals("40", older.get("E08000035 denominator"));
    Map<String, String> all = row(ReportFixture.readCsv(out.resolve("E08000025/ascof-2e-part2.csv")), "all");
    assertEquals("120", all.get("E08000025 numerator"));
    assertEquals("60.0", all.get("E08000025 value"));
    List<Map<String, String>> waits = ReportFixture.readCsv(out.resolve("E08000035/waiting-first-response-65.csv"));
    assertEquals("*", row(waits, "2024-Q1").get("E08000035 requests"), "5 requests");
    assertEquals("*", row(waits, "2024-Q1").get("E08000035 median days"));
    // The group's median leaves out the council whose own median is suppressed: E08000025's 6.0 alone.
    assertEquals("6.0", row(waits, "2024-Q1").get("Comparator group: Metropolitan districts median days"));
    assertTrue(Files.readString(out.resolve("E08000035/ascof.html")).contains("suppressed"));
  }

  @Test
  void withoutTheFilesThereAreNoPagesAndBadFilesStop() throws Exception {
    Path plain = root.resolve("plain-statistics");
    Files.createDirectories(plain.resolve("salt"));
    Files.writeString(plain.resolve("salt/LTS003.csv"), "la_code,carer_age_band,support_provided,count\n");
    Path out = ReportStage.of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(plain)
        .run(StageOptions.fromArgs(List.of()), root.resolve("plain"));
    assertFalse(Files.exists(out.resolve("all/ascof.html")));
    assertFalse(Files.readString(out.resolve("all/requests.html")).contains("waiting-times.html"));

    Files.writeString(plain.resolve("ascof.csv"), "measure,la_code,group,numerator,value\n2A,E08000025,all,4,1.0\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportStage
        .of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(plain)
        .run(StageOptions.fromArgs(List.of()), root.resolve("broken")));
    assertTrue(e.getMessage().contains("ascof.csv has no column 'denominator'"), e.getMessage());
    Files.writeString(plain.resolve("ascof.csv"), "measure,la_code,group,numerator,denominator,value\n"
        + "2A,E08000025,all,-4,10,1.0\n");
    e = assertThrows(IllegalArgumentException.class, () -> ReportStage
        .of(fixture.cldDir, ReportFixture.PERIOD).withStatistics(plain)
        .run(StageOptions.fromArgs(List.of()), root.resolve("broken2")));
    assertTrue(e.getMessage().contains("ascof.csv line 2, column numerator"), e.getMessage());
    assertFalse(e.getMessage().contains("-4"), "a value in a message");

    Path groups = root.resolve("bad-groups.csv");
    Files.writeString(groups, "la_code,comparator_group\nE08000025,\n");
    RuntimeException bad = assertThrows(UserError.class, () -> CouncilLookups.read(null, groups));
    assertTrue(bad.getMessage().contains("line 2, column comparator_group is empty"), bad.getMessage());
    Files.writeString(groups, "la_code,group\nE08000025,A\n");
    bad = assertThrows(UserError.class, () -> CouncilLookups.read(null, groups));
    assertTrue(bad.getMessage().contains("header must be exactly la_code,comparator_group"), bad.getMessage());
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String label) {
    for (Map<String, String> r : rows) {
      if (r.values().iterator().next().equals(label)) {
        return r;
      }
    }
    throw new AssertionError("no row " + label + " in " + rows);
  }
}
