package org.sdelink.pipelines.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {
  @Test
  void printsLinesWhileRunningAndMeasuresRowsAndHeap() throws InterruptedException {
    StringWriter text = new StringWriter();
    ProgressMonitor monitor = ProgressMonitor.start("pseudonymise cld", new PrintWriter(text), Duration.ofMillis(50));
    RowCounters.counter(RowCounters.ROWS_READ).add(1234);
    Thread.sleep(300);
    monitor.close();
    String lines = text.toString();
    assertTrue(lines.contains("[pseudonymise cld] 0:00 elapsed, 1,234 rows read ("), lines);
    assertTrue(lines.contains("heap"), lines);
    StageMeasurement m = monitor.measurement();
    assertEquals(1234, m.rowsRead());
    assertTrue(m.peakHeapBytes() > 0);
    assertTrue(m.wall().toMillis() >= 300);
    int printed = lines.split("\n").length;
    monitor.close();
    assertEquals(printed, text.toString().split("\n").length, "no line after close");
  }

  @Test
  void withoutAWriterItOnlyMeasures() {
    ProgressMonitor monitor = ProgressMonitor.start("link", null, Duration.ofMillis(10));
    assertThrows(IllegalArgumentException.class, monitor::measurement);
    monitor.close();
    assertEquals("link", monitor.measurement().stage());
  }

  @Test
  void clockAndSizesReadAsPeopleWriteThem() {
    assertEquals("1:05", ProgressMonitor.clock(65_000_000_000L));
    assertEquals("1.5 GB", ProgressMonitor.gigabytes(3L << 29));
  }
}
