package org.sdelink.linkage.comparison;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.sdelink.linkage.model.ComparisonSpec;
import org.sdelink.linkage.model.LevelSpec;
import org.sdelink.linkage.model.LevelType;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

/**
 * A model's comparisons compiled for a pair of records: for each comparison, the index of the first level that
 * applies. The levels of all comparisons pack into a comparison vector, a {@code long} with 4 bits per comparison
 * (comparison 0 in the lowest bits), which EM counts and the Beam stage can combine. Serializable and
 * thread-safe; {@link #vector} does not allocate.
 */
public final class PairComparator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int BITS_PER_LEVEL = 4;
  private static final long LEVEL_MASK = (1L << BITS_PER_LEVEL) - 1;

  private final RecordLayout layout;
  private final ImmutableList<String> names;
  private final ComparisonLevel[][] levels;
  private final int[] missingLevel;

  /** Per comparison and level, the similarity key of a similarity level (see ComparisonLevel), else null. */
  private final String[][] similarityKeys;

  /** Per comparison and level, the lowest threshold of the run of levels with that level's similarity key. */
  private final double[][] runFloors;

  private PairComparator(LinkageModel model) {
    this.layout = model.layout();
    List<ComparisonSpec> comparisons = model.comparisons();
    this.names = comparisons.stream().map(ComparisonSpec::name).collect(ImmutableList.toImmutableList());
    this.levels = new ComparisonLevel[comparisons.size()][];
    this.missingLevel = new int[comparisons.size()];
    this.similarityKeys = new String[comparisons.size()][];
    this.runFloors = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      List<LevelSpec> specs = comparisons.get(k).levels();
      levels[k] = new ComparisonLevel[specs.size()];
      similarityKeys[k] = new String[specs.size()];
      missingLevel[k] = -1;
      for (int l = 0; l < specs.size(); l++) {
        levels[k][l] = ComparisonLevels.compile(specs.get(l), model);
        similarityKeys[k][l] = levels[k][l].similarityKey();
        if (specs.get(l).type() == LevelType.MISSING) {
          missingLevel[k] = l;
        }
      }
      runFloors[k] = new double[specs.size()];
      for (int l = specs.size() - 1; l >= 0; l--) {
        String key = similarityKeys[k][l];
        if (key == null) {
          continue;
        }
        double floor = levels[k][l].threshold();
        if (l + 1 < specs.size() && key.equals(similarityKeys[k][l + 1])) {
          floor = Math.min(floor, runFloors[k][l + 1]);
        }
        runFloors[k][l] = floor;
      }
    }
  }

  /** The comparisons of {@code model}, compiled. */
  public static PairComparator create(LinkageModel model) {
    return new PairComparator(checkNotNull(model, "model"));
  }

  public int comparisonCount() {
    return levels.length;
  }

  public int levelCount(int comparison) {
    return levels[comparison].length;
  }

  public String comparisonName(int comparison) {
    return names.get(comparison);
  }

  /** The index of comparison {@code comparison}'s missing level, or -1 if it has none. */
  public int missingLevel(int comparison) {
    return missingLevel[comparison];
  }

  /**
   * The level of comparison {@code comparison} that applies to the pair.
   *
   * @throws IllegalArgumentException if a record was not built for this comparator's model
   */
  public int level(int comparison, LinkRecord a, LinkRecord b) {
    checkLayout(a, b);
    return levelUnchecked(comparison, a, b);
  }

  int levelUnchecked(int comparison, LinkRecord a, LinkRecord b) {
    ComparisonLevel[] candidates = levels[comparison];
    String[] keys = similarityKeys[comparison];
    String computedKey = null;
    double computed = 0;
    for (int l = 0; l < candidates.length - 1; l++) {
      String key = keys[l];
      if (key == null) {
        if (candidates[l].matches(a, b)) {
          return l;
        }
        computedKey = null; // a similarity is reused only within one run of consecutive levels
        continue;
      }
      if (!key.equals(computedKey)) { // one similarity per run of levels reading it (e.g. JW at 0.92, 0.88, 0.7)
        computed = candidates[l].similarity(a, b, runFloors[comparison][l]);
        computedKey = key;
      }
      if (computed >= 0 && computed >= candidates[l].threshold()) {
        return l;
      }
    }
    return candidates.length - 1; // else
  }

  /** The comparison vector of the pair: every comparison's level, packed. */
  public long vector(LinkRecord a, LinkRecord b) {
    checkLayout(a, b);
    long vector = 0;
    for (int k = 0; k < levels.length; k++) {
      vector |= ((long) levelUnchecked(k, a, b)) << (BITS_PER_LEVEL * k);
    }
    return vector;
  }

  /** Comparison {@code comparison}'s level in a packed vector. */
  public static int levelOf(long vector, int comparison) {
    return (int) ((vector >>> (BITS_PER_LEVEL * comparison)) & LEVEL_MASK);
  }

  /** The packed vector of the given levels. */
  public static long pack(int... levelPerComparison) {
    checkArgument(levelPerComparison.length <= LinkageModel.MAX_COMPARISONS, "too many comparisons");
    long vector = 0;
    for (int k = 0; k < levelPerComparison.length; k++) {
      checkArgument(levelPerComparison[k] >= 0 && levelPerComparison[k] <= LEVEL_MASK, "level out of range");
      vector |= ((long) levelPerComparison[k]) << (BITS_PER_LEVEL * k);
    }
    return vector;
  }

  /** Whether records of {@code layout} can be compared (same fields as this comparator's model). */
  public boolean accepts(RecordLayout layout) {
    return this.layout.isCompatibleWith(layout);
  }

  void checkLayout(LinkRecord a, LinkRecord b) {
    if (!layout.isCompatibleWith(a.layout()) || !layout.isCompatibleWith(b.layout())) {
      throw new IllegalArgumentException(
          "records must be built by the model's reader (LinkageModel.record or reader()) to be compared");
    }
  }
}
