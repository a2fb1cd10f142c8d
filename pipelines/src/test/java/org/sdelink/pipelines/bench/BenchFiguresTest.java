package org.sdelink.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.progress.StageMeasurement;

class BenchFiguresTest {
  @TempDir Path dir;

  private static BenchFigures figures(PlainPseudonymiseLoop.Result loop) {
    return BenchFigures.of("2026-11-27T12:00:00Z", "2 cores", "FlinkRunner p=2", 1000, 4000, List.of(
        new StageMeasurement("pseudonymise cld", Duration.ofSeconds(2), 2000, 100L << 20),
        new StageMeasurement("pseudonymise apc", Duration.ofSeconds(2), 2000, 200L << 20),
        new StageMeasurement("link", Duration.ofSeconds(4), 4000, 300L << 20)), loop);
  }

  @Test
  void pseudonymiseRateIsBothStagesRowsOverTheirTimeAndTheRatioIsAgainstTheLoop() {
    BenchFigures f = figures(new PlainPseudonymiseLoop.Result(4000, 4000, 0, Duration.ofSeconds(1)));
    assertEquals(1000.0, f.pseudonymiseRowsPerSecond(), 1e-9);
    assertEquals(0.25, f.ratioToPlainLoop(), 1e-9);
    assertEquals(8.0, f.totalSeconds(), 1e-9);
    assertTrue(f.table().stream().anyMatch(l -> l.contains("0.25 x the plain loop")), String.join("\n", f.table()));
  }

  @Test
  void withoutTheLoopThereIsNoRatio() {
    assertTrue(Double.isNaN(figures(null).ratioToPlainLoop()));
    assertEquals(3, figures(null).csvRows().size());
  }

  @Test
  void csvIsAppendedWithOneHeader() throws IOException {
    Path csv = dir.resolve("bench.csv");
    BenchFigures f = figures(new PlainPseudonymiseLoop.Result(4000, 4000, 0, Duration.ofSeconds(1)));
    f.appendCsv(csv);
    f.appendCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(1 + 2 * 4, lines.size());
    assertEquals(String.join(",", BenchFigures.CSV_COLUMNS), lines.get(0));
    assertTrue(lines.get(3).contains(",link,4.000,4000,1000,1000.00,300"), lines.get(3));
    assertTrue(lines.get(4).contains("plain-java-loop"), lines.get(4));
  }
}
