package org.sdelink.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sdelink.pseudonymisation.IdentityPseudonymiser;
import org.sdelink.pseudonymisation.PseudonymisedIdentity;
import org.sdelink.pseudonymisation.RawIdentity;

/**
 * Whole identity rows per second on one core: {@code IdentityPseudonymiser.pseudonymise} (NHS number,
 * given and family names with phonetic codes and Bloom filters, date of birth, postcode, sex: about 25
 * HMACs per valid row) over 2^16 synthetic identities ({@link SyntheticIdentities}). One op = one row.
 * Run: {@code bin/benchmark IdentityPseudonymiserBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class IdentityPseudonymiserBenchmark {
  private static final int ROWS = 1 << 16;
  private static final int MASK = ROWS - 1;

  private RawIdentity[] rows;
  private IdentityPseudonymiser pseudonymiser;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    rows = SyntheticIdentities.generate(ROWS, 20261127L);
    pseudonymiser = IdentityPseudonymiser.create(BenchmarkKeys.master(), LocalDate.of(2026, 11, 27));
    int flagged = 0;
    for (RawIdentity row : rows) {
      if (!pseudonymiser.pseudonymise(row).flags().isEmpty()) {
        flagged++;
      }
    }
    // Realistic means mostly clean: a benchmark of rejected rows would skip most of the HMACs.
    if (flagged > ROWS / 10) {
      throw new IllegalStateException(flagged + " of " + ROWS + " synthetic rows are flagged; expected under 10 %");
    }
    next = 0;
  }

  @Benchmark
  public PseudonymisedIdentity pseudonymiseRow() {
    RawIdentity row = rows[next];
    next = (next + 1) & MASK;
    return pseudonymiser.pseudonymise(row);
  }
}
