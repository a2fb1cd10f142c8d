package org.sdelink.metrics.differential;

import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.sdelink.metrics.evaluation.*;
import org.sdelink.metrics.records.*;
import org.sdelink.metrics.summary.*;

class ScratchBenchTest {
  @Test
  void bench() throws Exception {
    Path dir = Files.createTempDirectory("bench");
    RandomRawFixture.write(dir, 99, 20000);
    var cld = RawToPseudonymised.cldRows(dir.resolve("cld_events.csv"));
    var apc = RawToPseudonymised.apcRows(dir.resolve("apc_episodes.csv"));
    long t0 = System.nanoTime();
    var out = InMemoryMetricsStage.run(cld, apc, dir.resolve("spine.csv"), ReportingPeriod.of(RandomRawFixture.PERIOD_START, RandomRawFixture.PERIOD_END), 1);
    long t1 = System.nanoTime();
    // evaluation only
    Map<String, List<CldEvent>> c = new TreeMap<>(); Map<String, List<ApcEpisode>> a = new TreeMap<>();
    int i = 0;
    for (var r : cld) c.computeIfAbsent("p" + (i++ % 20000), k -> new ArrayList<>()).add(CldEvent.fromRow(r));
    i = 0;
    for (var r : apc) a.computeIfAbsent("p" + (i++ % 20000), k -> new ArrayList<>()).add(ApcEpisode.fromRow(r));
    PersonEvaluator ev = PersonEvaluator.forPeriod(ReportingPeriod.of(RandomRawFixture.PERIOD_START, RandomRawFixture.PERIOD_END));
    long t2 = System.nanoTime();
    MetricTally total = MetricTally.empty();
    for (int rep = 0; rep < 5; rep++) for (String p : c.keySet()) total.addAll(ev.evaluate(p, c.get(p), a.getOrDefault(p, List.of())).tally());
    long t3 = System.nanoTime();
    long t4 = System.nanoTime();
    var ref = org.sdelink.metrics.reference.ReferenceMetrics.compute(dir.resolve("cld_events.csv"), dir.resolve("apc_episodes.csv"), dir.resolve("spine.csv"), RandomRawFixture.PERIOD_START, RandomRawFixture.PERIOD_END);
    long t5 = System.nanoTime();
    Files.writeString(Path.of("/tmp/metrics_bench.txt"), "cld rows " + cld.size() + " apc rows " + apc.size()
        + "\nstage ms " + (t1 - t0) / 1e6 + "\nevaluate 5x20000 persons ms " + (t3 - t2) / 1e6
        + "\nreference ms " + (t5 - t4) / 1e6 + "\nequal " + ref.equals(out.summary()) + "\n");
  }
}
