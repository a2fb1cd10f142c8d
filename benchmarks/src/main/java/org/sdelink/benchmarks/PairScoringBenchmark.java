package org.sdelink.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.sdelink.linkage.blocking.RecordPair;
import org.sdelink.linkage.em.ExpectationMaximisation;
import org.sdelink.linkage.em.UEstimator;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.scoring.PairScorer;
import org.sdelink.linkage.scoring.ScoredPair;
import org.sdelink.linkage.scoring.TermFrequencies;
import org.sdelink.pseudonymisation.IdentityColumns;
import org.sdelink.pseudonymisation.IdentityPseudonymiser;
import org.sdelink.pseudonymisation.PseudonymisedIdentity;
import org.sdelink.pseudonymisation.RawIdentity;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;

/**
 * Pairs scored per second by {@link PairScorer} on the default CLD-APC model ({@link LinkageModel#defaultCldApc()}),
 * on records pseudonymised by {@link IdentityPseudonymiser} under the fixed benchmark key.
 *
 * <p>Data: 40,000 synthetic identities ({@link SyntheticIdentities}, about 3 % with a typical fault), 20,000 read
 * as CLD rows (identity columns, {@code record_id}, {@code LA_Code}, {@code la_person_token}) and 20,000 as APC
 * rows (identity columns, {@code record_id}, {@code RESLADST_ONS}); every other APC row is the same person as the
 * CLD row of the same index, so true matches exist. Parameters: the model's starting m, u estimated from 200,000
 * random cross pairs, prior 1/20,000 ({@code supplied}); term frequencies from all 40,000 records.
 *
 * <ul>
 *   <li>{@code block*}: pairs drawn at random from the first 2,000 CLD x first 2,000 APC records (4,000
 *       records, a few MB: cache-resident, as the pairs of one block are).
 *   <li>{@code random*}: pairs drawn at random from all 20,000 x 20,000 (40,000 records: mostly cache misses).
 *   <li>{@code *Weight}: {@link PairScorer#matchWeight(LinkRecord, LinkRecord)}, the engine's hot path;
 *       {@code blockScore}: {@link PairScorer#score}, which also builds the {@link ScoredPair}.
 *   <li>{@code *TwoThreads}: the same on two threads sharing the records and the scorer (ops/s is the total).
 * </ul>
 *
 * <p>One op = one pair. The pair indices (2^20 per case) are drawn in setup, so the loop does no random number
 * generation. Run: {@code bin/benchmark PairScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class PairScoringBenchmark {
  static final int PEOPLE = 40_000;
  static final int PER_SOURCE = PEOPLE / 2;
  static final int BLOCK_PER_SOURCE = 2_000;
  static final int PAIRS = 1 << 20;
  static final int MASK = PAIRS - 1;
  private static final String[] COUNCILS = {
    "E08000035", "E08000032", "E08000033", "E08000034", "E08000036", "E08000003", "E08000025", "E06000010",
    "E06000018", "E09000030", "E10000007", "E10000012", "E06000023", "E08000021", "E10000020", "E06000052",
  };

  LinkRecord[] cld;
  LinkRecord[] apc;
  PairScorer scorer;
  int[] blockLeft;
  int[] blockRight;
  int[] randomLeft;
  int[] randomRight;

  /** Each thread's position in the pair lists. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      // Two threads start at different places, so they do not read the same pair at the same time.
      next = (int) (Thread.currentThread().getId() * 7919) & MASK;
    }

    int index() {
      int i = next;
      next = (i + 1) & MASK;
      return i;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    LinkageModel model = LinkageModel.defaultCldApc();
    MasterKey key = BenchmarkKeys.master();
    IdentityPseudonymiser pseudonymiser = IdentityPseudonymiser.create(key, LocalDate.of(2026, 11, 27));
    TokenDeriver laPerson = TokenDeriver.create(key, "bench/la_person");
    RawIdentity[] people = SyntheticIdentities.generate(PEOPLE, 20261127L);
    SplittableRandom random = new SplittableRandom(42);
    cld = new LinkRecord[PER_SOURCE];
    apc = new LinkRecord[PER_SOURCE];
    for (int i = 0; i < PER_SOURCE; i++) {
      String council = COUNCILS[random.nextInt(COUNCILS.length)];
      Map<String, String> cldRow = identityRow(pseudonymiser.pseudonymise(people[i]));
      cldRow.put("record_id", "cld-" + i);
      cldRow.put("LA_Code", council);
      cldRow.put("la_person_token", laPerson.token(council + "/" + i));
      cld[i] = model.record("cld", cldRow);
      // Every other APC row is the CLD person of the same index (a true match); the rest are other people.
      RawIdentity person = i % 2 == 0 ? people[i] : people[PER_SOURCE + i];
      Map<String, String> apcRow = identityRow(pseudonymiser.pseudonymise(person));
      apcRow.put("record_id", "apc-" + i);
      apcRow.put("RESLADST_ONS", i % 2 == 0 ? council : COUNCILS[random.nextInt(COUNCILS.length)]);
      apc[i] = model.record("apc", apcRow);
    }
    List<LinkRecord> all = new ArrayList<>(PEOPLE);
    all.addAll(List.of(cld));
    all.addAll(List.of(apc));
    List<RecordPair> uPairs = new ArrayList<>();
    UEstimator.sampleCrossPairs(List.of(cld), List.of(apc), 200_000, 7, uPairs::add);
    ModelParameters parameters = ModelParameters.of(
        model,
        1.0 / PER_SOURCE,
        "supplied",
        ExpectationMaximisation.startingM(model),
        UEstimator.estimateU(model, uPairs),
        null);
    scorer = PairScorer.create(model, parameters, TermFrequencies.fromRecords(all, model.termFrequencyFields()));
    blockLeft = draw(random, BLOCK_PER_SOURCE);
    blockRight = draw(random, BLOCK_PER_SOURCE);
    randomLeft = draw(random, PER_SOURCE);
    randomRight = draw(random, PER_SOURCE);
    checkScores();
  }

  private static Map<String, String> identityRow(PseudonymisedIdentity identity) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int c = 0; c < IdentityColumns.ALL.size(); c++) {
      row.put(IdentityColumns.ALL.get(c), identity.values().get(c));
    }
    return row;
  }

  private static int[] draw(SplittableRandom random, int bound) {
    int[] out = new int[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      out[i] = random.nextInt(bound);
    }
    return out;
  }

  /** Refuses to run unless true matches score far above random pairs: otherwise the records are not realistic. */
  private void checkScores() {
    int high = 0;
    for (int i = 0; i < 1000; i += 2) {
      if (scorer.matchWeight(cld[i], apc[i]) > 8.0) {
        high++;
      }
    }
    int randomHigh = 0;
    for (int i = 0; i < 1000; i++) {
      if (scorer.matchWeight(cld[randomLeft[i]], apc[randomRight[i]]) > 8.0) {
        randomHigh++;
      }
    }
    if (high < 450 || randomHigh > 5) {
      throw new IllegalStateException(
          "implausible scores: " + high + "/500 true pairs and " + randomHigh + "/1000 random pairs above 8");
    }
  }

  @Benchmark
  public double blockWeight(Cursor cursor) {
    int i = cursor.index();
    return scorer.matchWeight(cld[blockLeft[i]], apc[blockRight[i]]);
  }

  @Benchmark
  public ScoredPair blockScore(Cursor cursor) {
    int i = cursor.index();
    return scorer.score(cld[blockLeft[i]], apc[blockRight[i]]);
  }

  @Benchmark
  public double randomWeight(Cursor cursor) {
    int i = cursor.index();
    return scorer.matchWeight(cld[randomLeft[i]], apc[randomRight[i]]);
  }

  @Benchmark
  @Threads(2)
  public double blockWeightTwoThreads(Cursor cursor) {
    int i = cursor.index();
    return scorer.matchWeight(cld[blockLeft[i]], apc[blockRight[i]]);
  }

  @Benchmark
  @Threads(2)
  public double randomWeightTwoThreads(Cursor cursor) {
    int i = cursor.index();
    return scorer.matchWeight(cld[randomLeft[i]], apc[randomRight[i]]);
  }
}
