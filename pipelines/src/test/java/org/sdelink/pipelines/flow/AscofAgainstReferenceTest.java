package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.pseudonymise.Submissions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pipelines.statistics.StatisticsStage;

/**
 * {@code ascof.csv} of the statistics stage (Beam, on pseudonymised data of 2,000 generated people) against {@link
 * AscofReference}, plain loops over the raw generated files written from the DHSC SQL without the stage's classes:
 * every numerator and denominator the reference computes is equal, per council and for ENGLAND. And every measure has
 * both numerator and denominator cases on the generated data.
 */
class AscofAgainstReferenceTest {
  private static final LocalDate START = LocalDate.of(2024, 4, 1);
  private static final LocalDate END = LocalDate.of(2025, 3, 31);
  /** What the reference computes: measure -> which parts (numerator, denominator). */
  private static final Map<String, boolean[]> COVERED = Map.of(
      "2A", new boolean[] {true, true}, "2B", new boolean[] {true, false}, "2C", new boolean[] {true, false},
      "2E_part1", new boolean[] {true, true}, "2E_part2", new boolean[] {true, true},
      "3D_1a", new boolean[] {true, true}, "3D_2a", new boolean[] {true, true},
      "3D_1b", new boolean[] {true, true}, "3D_2b", new boolean[] {true, true});

  @TempDir static Path root;
  static Map<String, long[]> stage;
  static Map<String, long[]> reference;

  @BeforeAll
  static void run() throws Exception {
    FlowFixture fixture = FlowFixture.generate(root, 2000, 7);
    Path cld = root.resolve("cld");
    Stages.pseudonymise(InputSource.CLD, fixture.generated.cldSubmissionFiles(), fixture.key,
            FlowFixture.REFERENCE_DATE)
        .withSubmissions(Submissions.read(fixture.generated.cldSubmissions()))
        .run(StageOptions.fromArgs(List.of()), cld);
    Path out = StatisticsStage.of(cld, FinancialYear.parse("2024-25"), SubmissionWindow.all())
        .withPopulation(fixture.generated.population())
        .run(StageOptions.fromArgs(List.of()), root.resolve("statistics"));
    stage = new TreeMap<>();
    for (Map<String, String> row : FlowFixture.readCsv(out.resolve(StatisticsStage.ASCOF))) {
      String denominator = row.get("denominator");
      stage.put(row.get("measure") + "\t" + row.get("la_code") + "\t" + row.get("group"), new long[] {
          Long.parseLong(row.get("numerator")), denominator.isEmpty() ? -1 : Long.parseLong(denominator)});
    }
    reference = AscofReference.measures(AscofReference.persons(
        AscofReference.read(root.resolve("input"), FlowFixture.REFERENCE_DATE),
        DhscMainTableReference.select(root.resolve("input"))), START, END);
  }

  @Test
  void everyMeasureHasNumeratorAndDenominatorCases() {
    Set<String> measures = new TreeSet<>();
    stage.keySet().forEach(k -> measures.add(k.split("\t")[0]));
    assertEquals(Set.of("2A", "2B", "2C", "2E_part1", "2E_part2", "3D_1a", "3D_2a", "3D_1b", "3D_2b"), measures);
    for (String measure : measures) {
      long numerator = 0;
      long denominator = 0;
      for (Map.Entry<String, long[]> cell : stage.entrySet()) {
        String[] key = cell.getKey().split("\t");
        if (key[0].equals(measure) && key[1].equals("ENGLAND")) {
          numerator += cell.getValue()[0];
          denominator += cell.getValue()[1];
        }
      }
      assertTrue(numerator > 0, measure + " has no numerator case");
      assertTrue(denominator > numerator, measure + " has no denominator-only case");
    }
  }

  @Test
  void everyNumeratorAndDenominatorEqualsTheReference() {
    List<String> differences = new ArrayList<>();
    Set<String> keys = new TreeSet<>(reference.keySet());
    stage.keySet().stream().filter(k -> COVERED.containsKey(k.split("\t")[0])).forEach(keys::add);
    long compared = 0;
    for (String key : keys) {
      boolean[] parts = COVERED.get(key.split("\t")[0]);
      if (parts == null) {
        continue;
      }
      long[] expected = reference.getOrDefault(key, new long[2]);
      long[] actual = stage.get(key);
      if (actual == null) {
        differences.add(key.replace('\t', '|') + ": not in ascof.csv");
        continue;
      }
      for (int i = 0; i < 2; i++) {
        if (parts[i]) {
          compared++;
          if (expected[i] != actual[i]) {
            differences.add(key.replace('\t', '|') + (i == 0 ? " numerator" : " denominator") + ": reference "
                + expected[i] + ", statistics " + actual[i]);
          }
        }
      }
    }
    assertTrue(compared > 100, "only " + compared + " values compared");
    assertTrue(differences.isEmpty(), differences.size() + " of " + compared + " values differ, e.g. "
        + differences.subList(0, Math.min(12, differences.size())));
  }
}
