package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The person-level figures of one level vector: how many persons and rows there are, how many would be suppressed
 * (persons whose linked key is shared by fewer than k persons, and all their rows), and the sizes of the groups of
 * persons sharing a linked key. Counts only.
 */
public final class LinkedClassFigures {
  private static final String PERSONS = "persons";
  private static final String PERSONS_SUPPRESSED = "persons_suppressed";
  private static final String ROWS = "rows/";
  private static final String ROWS_SUPPRESSED = "rows_suppressed/";
  private static final String CLASSES_OF_SIZE = "classes_of_size/";

  private final long persons;
  private final long personsSuppressed;
  private final ImmutableSortedMap<String, Long> rows;
  private final ImmutableSortedMap<String, Long> rowsSuppressed;
  private final ClassSizeDistribution personClasses;

  private LinkedClassFigures(long persons, long personsSuppressed, ImmutableSortedMap<String, Long> rows,
      ImmutableSortedMap<String, Long> rowsSuppressed, ClassSizeDistribution personClasses) {
    this.persons = persons;
    this.personsSuppressed = personsSuppressed;
    this.rows = rows;
    this.rowsSuppressed = rowsSuppressed;
    this.personClasses = personClasses;
  }

  /**
   * The figures of {@code persons} at {@code levels}, worked out in memory: the reference the pipeline's distributed
   * count must agree with, and the gate's evaluator for small inputs and tests.
   */
  public static LinkedClassFigures of(LinkedQuasiIdentifiers linked, List<Integer> levels,
      Iterable<PersonQuasiIdentifiers> persons) {
    checkNotNull(linked, "linked");
    checkNotNull(persons, "persons");
    Map<String, long[]> classes = new HashMap<>();
    List<String> datasets = linked.datasets();
    for (PersonQuasiIdentifiers person : persons) {
      long[] sums = classes.computeIfAbsent(linked.linkedKey(person, levels), key -> new long[datasets.size() + 1]);
      sums[0]++;
      for (int d = 0; d < datasets.size(); d++) {
        sums[d + 1] += person.rows(datasets.get(d));
      }
    }
    Accumulator accumulator = accumulator(linked.k());
    for (long[] sums : classes.values()) {
      Map<String, Long> rows = new TreeMap<>();
      for (int d = 0; d < datasets.size(); d++) {
        rows.put(datasets.get(d), sums[d + 1]);
      }
      accumulator.addClass(sums[0], rows);
    }
    return accumulator.build();
  }

  /** An empty accumulator of classes for k. */
  public static Accumulator accumulator(int k) {
    checkArgument(k >= 1, "k must be >= 1");
    return new Accumulator(k);
  }

  /** The figures from additive counts made by {@link Accumulator#counts()} (summed over any number of them). */
  public static LinkedClassFigures fromCounts(Map<String, Long> counts) {
    checkNotNull(counts, "counts");
    long persons = 0;
    long personsSuppressed = 0;
    Map<String, Long> rows = new TreeMap<>();
    Map<String, Long> rowsSuppressed = new TreeMap<>();
    Map<Long, Long> classesBySize = new TreeMap<>();
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      String name = count.getKey();
      long value = count.getValue();
      if (name.equals(PERSONS)) {
        persons += value;
      } else if (name.equals(PERSONS_SUPPRESSED)) {
        personsSuppressed += value;
      } else if (name.startsWith(ROWS)) {
        rows.merge(name.substring(ROWS.length()), value, Long::sum);
      } else if (name.startsWith(ROWS_SUPPRESSED)) {
        rowsSuppressed.merge(name.substring(ROWS_SUPPRESSED.length()), value, Long::sum);
      } else if (name.startsWith(CLASSES_OF_SIZE)) {
        classesBySize.merge(Long.parseLong(name.substring(CLASSES_OF_SIZE.length())), value, Long::sum);
      } else {
        throw new IllegalArgumentException("unknown count " + name);
      }
    }
    rows.keySet().forEach(d -> rowsSuppressed.putIfAbsent(d, 0L));
    return new LinkedClassFigures(persons, personsSuppressed, ImmutableSortedMap.copyOf(rows),
        ImmutableSortedMap.copyOf(rowsSuppressed), ClassSizeDistribution.ofSizes(classesBySize));
  }

  /** The persons counted. */
  public long persons() {
    return persons;
  }

  /** The persons in groups smaller than k: not released in any dataset. */
  public long personsSuppressed() {
    return personsSuppressed;
  }

  /** Rows per joinable dataset. */
  public ImmutableSortedMap<String, Long> rows() {
    return rows;
  }

  /** Rows per joinable dataset that belong to suppressed persons. */
  public ImmutableSortedMap<String, Long> rowsSuppressed() {
    return rowsSuppressed;
  }

  /** All suppressed rows. */
  public long totalRowsSuppressed() {
    return rowsSuppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sizes of the groups of persons sharing a linked key. */
  public ClassSizeDistribution personClasses() {
    return personClasses;
  }

  /**
   * Whether the suppression is within the policy's limit: at most the allowed fraction of the persons, and of the
   * rows of every dataset.
   */
  public boolean withinLimit(LinkedQuasiIdentifiers linked) {
    if (personsSuppressed > linked.allowedSuppressions(persons)) {
      return false;
    }
    for (Map.Entry<String, Long> dataset : rows.entrySet()) {
      if (rowsSuppressed.getOrDefault(dataset.getKey(), 0L) > linked.allowedSuppressions(dataset.getValue())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "LinkedClassFigures{" + personsSuppressed + " of " + persons + " persons suppressed, rows suppressed "
        + rowsSuppressed + " of " + rows + "}";
  }

  /**
   * Adds up classes (groups of persons sharing a linked key) into additive counts, which partial accumulators (e.g.
   * one per bucket of a pipeline) can emit and a sum can combine. Not thread-safe.
   */
  public static final class Accumulator {
    private final int k;
    private final Map<String, Long> counts = new TreeMap<>();

    private Accumulator(int k) {
      this.k = k;
    }

    /** Adds one class of {@code persons} persons holding {@code rows} rows per dataset. */
    public Accumulator addClass(long persons, Map<String, Long> rows) {
      checkArgument(persons >= 1, "a class has at least one person");
      checkNotNull(rows, "rows");
      boolean suppressed = persons < k;
      counts.merge(PERSONS, persons, Long::sum);
      counts.merge(CLASSES_OF_SIZE + persons, 1L, Long::sum);
      if (suppressed) {
        counts.merge(PERSONS_SUPPRESSED, persons, Long::sum);
      }
      rows.forEach((dataset, n) -> {
        counts.merge(ROWS + dataset, n, Long::sum);
        counts.merge(ROWS_SUPPRESSED + dataset, suppressed ? n : 0L, Long::sum);
      });
      return this;
    }

    /** The additive counts so far. */
    public ImmutableSortedMap<String, Long> counts() {
      return ImmutableSortedMap.copyOf(counts);
    }

    public LinkedClassFigures build() {
      return fromCounts(counts);
    }
  }
}
