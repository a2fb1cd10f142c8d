package org.sdelink.metrics.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.reference.ReferenceMetrics;

/** The production rules and the independent reference give the same summary rows on the same raw data. */
class ReferenceAgreementTest {

  @Test
  void handWrittenFixture_everySummaryRowEqual(@TempDir Path dir) throws IOException {
    HandWrittenFixture.write(dir);
    List<List<String>> reference = reference(dir, HandWrittenFixture.PERIOD_START, HandWrittenFixture.PERIOD_END);
    List<List<String>> production = production(dir, HandWrittenFixture.PERIOD_START, HandWrittenFixture.PERIOD_END, 1);

    assertRowsEqual(reference, production);
    // Hand-counted anchors, so that both cannot be wrong in the same way unnoticed (see HandWrittenFixture).
    assertTrue(reference.contains(List.of("emergency_readmission_30d", "all", "all", "6", "33", "0.181818")),
        "readmissions: 6 of 33 alive discharges not to another hospital");
    assertTrue(reference.contains(List.of("emergency_readmission_30d", "age_band", "0-17", "0", "1", "0.000000")));
    assertTrue(reference.contains(List.of("emergency_readmission_30d", "sex", "unknown", "0", "1", "0.000000")));
  }

  @Test
  void handWrittenFixture_resultIndependentOfInputOrderAndCombineTree(@TempDir Path dir) throws IOException {
    HandWrittenFixture.write(dir);
    List<List<String>> first = production(dir, HandWrittenFixture.PERIOD_START, HandWrittenFixture.PERIOD_END, 1);
    for (long seed = 2; seed <= 6; seed++) {
      assertEquals(first, production(dir, HandWrittenFixture.PERIOD_START, HandWrittenFixture.PERIOD_END, seed));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void randomFixtures_everySummaryRowEqual(long seed, @TempDir Path dir) throws IOException {
    RandomRawFixture.write(dir, seed, 250);
    List<List<String>> reference = reference(dir, RandomRawFixture.PERIOD_START, RandomRawFixture.PERIOD_END);
    List<List<String>> production = production(dir, RandomRawFixture.PERIOD_START, RandomRawFixture.PERIOD_END, seed);
    assertRowsEqual(reference, production);
    // The fixture must exercise the metrics, or agreement would prove little.
    for (List<String> row : reference) {
      if (row.get(1).equals("all")) {
        assertTrue(!row.get(3).equals("0") && !row.get(3).startsWith("0.0000") && !row.get(3).isEmpty(),
            "numerator of " + row.get(0) + " is zero in seed " + seed);
      }
    }
  }

  private static List<List<String>> reference(Path dir, LocalDate start, LocalDate end) throws IOException {
    return ReferenceMetrics.compute(
        dir.resolve("cld_events.csv"), dir.resolve("apc_episodes.csv"), dir.resolve("spine.csv"), start, end);
  }

  private static List<List<String>> production(Path dir, LocalDate start, LocalDate end, long seed)
      throws IOException {
    List<Map<String, String>> cld = RawToPseudonymised.cldRows(dir.resolve("cld_events.csv"));
    List<Map<String, String>> apc = RawToPseudonymised.apcRows(dir.resolve("apc_episodes.csv"));
    return InMemoryMetricsStage.run(cld, apc, dir.resolve("spine.csv"), ReportingPeriod.of(start, end), seed)
        .summary();
  }

  static void assertRowsEqual(List<List<String>> expected, List<List<String>> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "summary row " + (i + 1));
    }
    assertEquals(expected.size(), actual.size(), "number of summary rows");
  }
}
