package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.cli.SdelinkCommand;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.pseudonymise.Submissions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine;

/**
 * {@code sdelink statistics --apc --spine} (Beam, on pseudonymised data) against {@link HospitalReference} (plain
 * loops over the raw generated files): every cell of {@code waiting_times.csv}, and of
 * {@code ascof_2d_by_linkage.csv} for the NHS-number linkage and for the spine linkage given the generator's true
 * persons ({@code truth-spine.csv}), so the reference's true-person variant must agree with it exactly.
 */
class HospitalStatisticsAgainstReferenceTest {
  @TempDir static Path root;
  static Path out;
  /** DHSC's joined main table of the raw files (council TAB person to unique events). */
  static Map<String, List<HospitalReference.Cld>> latest;
  static List<HospitalReference.Cld> raw;
  static List<HospitalReference.Apc> apc;
  static Map<String, String> truth;

  @BeforeAll
  static void generateAndRun() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 3000, 170_017);
    raw = HospitalReference.readCld(root.resolve("input"), FlowFixture.REFERENCE_DATE);
    latest = HospitalReference.mainTable(raw, DhscMainTableReference.select(root.resolve("input")));
    apc = HospitalReference.readApc(fixture.input("apc_episodes.csv"));
    truth = HospitalReference.truth(fixture.input("truth.csv"));
    Path cld = root.resolve("cld");
    Stages.pseudonymise(InputSource.CLD, fixture.generated.cldSubmissionFiles(), fixture.key,
            FlowFixture.REFERENCE_DATE)
        .withSubmissions(Submissions.read(fixture.generated.cldSubmissions()))
        .run(StageOptions.fromArgs(List.of()), cld);
    Path apcDir = root.resolve("apc");
    Stages.pseudonymise(InputSource.APC, List.of(fixture.input("apc_episodes.csv")), fixture.key,
        FlowFixture.REFERENCE_DATE).run(StageOptions.fromArgs(List.of()), apcDir);
    out = root.resolve("statistics");
    CommandLine cli = new CommandLine(new SdelinkCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("statistics", "--cld", cld.toString(), "--apc", apcDir.toString(), "--spine",
        fixture.input("truth-spine.csv").toString(), "--year", "2024-25", "--output", out.toString());
    assertEquals(0, code, "statistics failed: " + err);
  }

  private static HospitalReference.Result2D truePersons() {
    return HospitalReference.ascof2d(latest, apc, r -> truth.get("cld:" + r.la() + ":" + r.eventRef()),
        a -> truth.getOrDefault("apc:" + a.epikey(), "apc:" + a.epikey()));
  }

  private static HospitalReference.Result2D nhsNumbers() {
    return HospitalReference.ascof2d(latest, apc, HospitalReference.Cld::nhs, HospitalReference.Apc::nhs);
  }

  @Test
  void theGeneratedYearGivesNonTrivialMeasures() {
    long[] part1 = truePersons().cells().get("2D_part1\tENGLAND");
    long[] part2 = truePersons().cells().get("2D_part2\tENGLAND");
    assertTrue(part1 != null && part1[1] >= 20 && part1[0] < part1[1] && part1[0] > 0, "2D part 1 " +
        (part1 == null ? "none" : part1[0] + "/" + part1[1]));
    assertTrue(part2[1] > part2[0] * 2, "2D part 2 " + part2[0] + "/" + part2[1]);
    Map<String, Long> outcomes = truePersons().outcomes();
    for (String outcome : List.of("died", "readmitted", "care_home")) {
      assertTrue(outcomes.getOrDefault(outcome, 0L) > 0, "no episode ends in " + outcome + ": " + outcomes);
    }
    long[] nhs = nhsNumbers().cells().get("2D_part1\tENGLAND");
    assertTrue(nhs[1] < part1[1], "the NHS-number linkage misses episodes the true persons link: " + nhs[1] + " vs "
        + part1[1]);
    Map<String, String> waits = HospitalReference.waitingTimes(latest);
    Set<String> quarters = new TreeSet<>();
    long responses = 0;
    for (Map.Entry<String, String> cell : waits.entrySet()) {
      String[] key = cell.getKey().split("\t");
      if (key[0].equals(HospitalReference.ENGLAND) && key[3].equals("first_response")) {
        quarters.add(key[1]);
        responses += Long.parseLong(cell.getValue().split(",")[0]);
      }
    }
    assertEquals(4, quarters.size(), "waits in every quarter " + quarters);
    assertTrue(responses >= 100, "first responses " + responses);
  }

  @Test
  void waitingTimesEqualTheReference() throws Exception {
    Map<String, String> actual = new TreeMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(out.resolve("waiting_times.csv"))) {
      actual.put(String.join("\t", row.get("la_code"), row.get("quarter"), row.get("age_band"), row.get("part")),
          row.get("requests") + "," + row.get("median_days"));
    }
    assertSame("waiting_times", HospitalReference.waitingTimes(latest), actual);
  }

  @Test
  void ascof2dOnBothLinkagesEqualsTheReference() throws Exception {
    Map<String, Map<String, String>> actual = new TreeMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(out.resolve("ascof_2d_by_linkage.csv"))) {
      if (!row.get("numerator").equals("0") || !row.get("denominator").equals("0")) {
        actual.computeIfAbsent(row.get("linkage"), k -> new TreeMap<>()).put(row.get("measure") + "\t"
            + row.get("la_code"), row.get("numerator") + "/" + row.get("denominator"));
      }
    }
    List<String> failures = new ArrayList<>();
    for (String[] check : new String[][] {{"spine", "true persons"}, {"nhs_number", "NHS numbers"}}) {
      try {
        assertSame("2D " + check[0], text(check[0].equals("spine") ? truePersons() : nhsNumbers()),
            actual.get(check[0]));
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), String.join("; ", failures));
  }

  private static Map<String, String> text(HospitalReference.Result2D result) {
    Map<String, String> cells = new TreeMap<>();
    result.cells().forEach((k, v) -> cells.put(k, v[0] + "/" + v[1]));
    return cells;
  }

  private static void assertSame(String what, Map<String, String> expected, Map<String, String> actual) {
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key))) {
        differences.add(key.replace('\t', '|') + ": reference " + expected.get(key) + ", statistics "
            + actual.get(key));
      }
    }
    assertTrue(differences.isEmpty(), what + ": " + differences.size() + " of " + keys.size()
        + " cells differ, e.g. " + differences.subList(0, Math.min(10, differences.size())));
  }
}
