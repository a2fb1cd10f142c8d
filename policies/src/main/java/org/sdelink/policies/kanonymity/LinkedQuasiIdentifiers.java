package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.QuasiIdentifierRule;

/**
 * The quasi-identifiers a researcher can put together for one person by joining the released datasets that carry
 * {@code person_id}: the rule the person-level k-anonymity gate enforces. A person's <em>linked key</em> is, for each
 * joinable dataset in order, the set of distinct combinations of that dataset's quasi-identifier values over the
 * person's rows (so values that vary from event to event, such as a provider, count as the set of values the person
 * has); a dataset with no declared quasi-identifier still counts as whether the person has rows there. A person is
 * released only if at least k persons share their linked key, which also makes every dataset k-anonymous on its own
 * (each released row's values are shared by the rows of at least k persons).
 *
 * <p>The gate's levels are one level per (dataset, field), in dataset order and then declaration order.
 */
public final class LinkedQuasiIdentifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  private final double maxSuppressedFraction;
  private final ImmutableList<String> datasets;
  private final ImmutableMap<String, ImmutableList<QuasiIdentifier>> quasiIdentifiers;
  private final ImmutableMap<String, Integer> offsets;
  private final int size;

  private LinkedQuasiIdentifiers(int k, double maxSuppressedFraction, ImmutableList<String> datasets,
      ImmutableMap<String, ImmutableList<QuasiIdentifier>> quasiIdentifiers) {
    this.k = k;
    this.maxSuppressedFraction = maxSuppressedFraction;
    this.datasets = datasets;
    this.quasiIdentifiers = quasiIdentifiers;
    ImmutableMap.Builder<String, Integer> offsets = ImmutableMap.builder();
    int at = 0;
    for (String dataset : datasets) {
      offsets.put(dataset, at);
      at += quasiIdentifiers.get(dataset).size();
    }
    this.offsets = offsets.buildOrThrow();
    this.size = at;
  }

  /** The linked quasi-identifiers of {@code datasets} (in this order), each with its quasi-identifiers. */
  public static LinkedQuasiIdentifiers of(int k, double maxSuppressedFraction,
      Map<String, ? extends List<QuasiIdentifier>> byDataset, List<String> datasets) {
    checkArgument(k >= 1, "k must be >= 1");
    checkArgument(maxSuppressedFraction >= 0 && maxSuppressedFraction < 1, "maxSuppressedFraction must be in [0, 1)");
    checkNotNull(byDataset, "byDataset");
    checkNotNull(datasets, "datasets");
    checkArgument(!datasets.isEmpty(), "at least one joinable dataset is needed");
    checkArgument(datasets.stream().distinct().count() == datasets.size(), "a dataset is listed twice");
    ImmutableMap.Builder<String, ImmutableList<QuasiIdentifier>> qis = ImmutableMap.builder();
    for (String dataset : datasets) {
      List<QuasiIdentifier> declared = byDataset.get(dataset);
      qis.put(dataset, declared == null ? ImmutableList.of() : ImmutableList.copyOf(declared));
    }
    return new LinkedQuasiIdentifiers(k, maxSuppressedFraction, ImmutableList.copyOf(datasets), qis.buildOrThrow());
  }

  /**
   * The linked quasi-identifiers a valid policy sets for its {@code joinableDatasets} (the released datasets that
   * carry {@code person_id}), or empty when the policy has no k-anonymity section.
   *
   * @throws IllegalArgumentException when a ladder names a code table not in {@code lookups}
   */
  public static Optional<LinkedQuasiIdentifiers> forPolicy(Policy policy, List<String> joinableDatasets,
      Map<String, ? extends Map<String, String>> lookups) {
    PolicyValidator.requireValid(policy);
    checkNotNull(joinableDatasets, "joinableDatasets");
    checkNotNull(lookups, "lookups");
    if (policy.kAnonymity().isEmpty() || joinableDatasets.isEmpty()) {
      return Optional.empty();
    }
    KAnonymityRules rules = policy.kAnonymity().get();
    ImmutableMap.Builder<String, List<QuasiIdentifier>> byDataset = ImmutableMap.builder();
    for (String dataset : joinableDatasets) {
      List<QuasiIdentifier> qis = new ArrayList<>();
      for (QuasiIdentifierRule rule : rules.forDataset(dataset)) {
        ImmutableList.Builder<GeneralisationLevel> ladder = ImmutableList.builder();
        for (String level : rule.ladder()) {
          ladder.add(GeneralisationLevels.resolve(level, lookups));
        }
        qis.add(new QuasiIdentifier(rule.field(), ladder.build()));
      }
      byDataset.put(dataset, qis);
    }
    return Optional.of(of(rules.k(), rules.maxSuppressedFraction(), byDataset.buildOrThrow(), joinableDatasets));
  }

  public int k() {
    return k;
  }

  public double maxSuppressedFraction() {
    return maxSuppressedFraction;
  }

  /** The joinable datasets, in order. */
  public ImmutableList<String> datasets() {
    return datasets;
  }

  /** The quasi-identifier columns of {@code dataset}, in the order a person's value combinations list them. */
  public ImmutableList<String> fields(String dataset) {
    return quasiIdentifiers(dataset).stream().map(QuasiIdentifier::field).collect(ImmutableList.toImmutableList());
  }

  private ImmutableList<QuasiIdentifier> quasiIdentifiers(String dataset) {
    ImmutableList<QuasiIdentifier> qis = quasiIdentifiers.get(dataset);
    checkArgument(qis != null, "%s is not a joinable dataset", dataset);
    return qis;
  }

  /** The number of levels in a level vector: one per (dataset, field). */
  public int size() {
    return size;
  }

  /** {@code dataset.field} of every position of a level vector. */
  public ImmutableList<String> qualifiedFields() {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (String dataset : datasets) {
      fields(dataset).forEach(f -> names.add(dataset + "." + f));
    }
    return names.build();
  }

  /** The level vector that leaves every value as released. */
  public ImmutableList<Integer> asReleased() {
    return ImmutableList.copyOf(java.util.Collections.nCopies(size, 0));
  }

  /**
   * The level vector holding, for each dataset in {@code perDataset}, that dataset's levels (in its field order);
   * datasets not given stay as released.
   */
  public ImmutableList<Integer> levelsOf(Map<String, ? extends List<Integer>> perDataset) {
    checkNotNull(perDataset, "perDataset");
    List<Integer> levels = new ArrayList<>(asReleased());
    perDataset.forEach((dataset, datasetLevels) -> {
      if (offsets.containsKey(dataset)) {
        checkArgument(datasetLevels.size() == quasiIdentifiers(dataset).size(), "%s needs %s levels", dataset,
            quasiIdentifiers(dataset).size());
        for (int i = 0; i < datasetLevels.size(); i++) {
          levels.set(offsets.get(dataset) + i, datasetLevels.get(i));
        }
      }
    });
    return checkLevels(levels);
  }

  /** The level vectors one step coarser than {@code levels} in one field each, in field order. */
  public ImmutableList<ImmutableList<Integer>> successors(List<Integer> levels) {
    checkLevels(levels);
    ImmutableList.Builder<ImmutableList<Integer>> next = ImmutableList.builder();
    int at = 0;
    for (String dataset : datasets) {
      for (QuasiIdentifier qi : quasiIdentifiers(dataset)) {
        if (levels.get(at) + 1 < qi.levelCount()) {
          List<Integer> step = new ArrayList<>(levels);
          step.set(at, levels.get(at) + 1);
          next.add(ImmutableList.copyOf(step));
        }
        at++;
      }
    }
    return next.build();
  }

  /** The levels of {@code dataset}'s fields within a level vector. */
  public ImmutableList<Integer> levelsOf(String dataset, List<Integer> levels) {
    checkLevels(levels);
    int from = offsets.get(dataset);
    return ImmutableList.copyOf(levels.subList(from, from + quasiIdentifiers(dataset).size()));
  }

  /** {@code dataset.field} to the chosen level's name, for reports. */
  public ImmutableMap<String, String> levelNames(List<Integer> levels) {
    checkLevels(levels);
    ImmutableMap.Builder<String, String> names = ImmutableMap.builder();
    int at = 0;
    for (String dataset : datasets) {
      for (QuasiIdentifier qi : quasiIdentifiers(dataset)) {
        names.put(dataset + "." + qi.field(), qi.levelName(levels.get(at++)));
      }
    }
    return names.buildOrThrow();
  }

  /** {@code dataset}'s value combination {@code tuple} (in {@link #fields} order) at {@code levels}. */
  public ImmutableList<String> generalise(String dataset, List<String> tuple, List<Integer> levels) {
    ImmutableList<QuasiIdentifier> qis = quasiIdentifiers(dataset);
    checkArgument(tuple.size() == qis.size(), "%s needs %s values, got %s", dataset, qis.size(), tuple.size());
    int from = offsets.get(dataset);
    ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(tuple.size());
    for (int i = 0; i < qis.size(); i++) {
      String value = tuple.get(i) == null ? "" : tuple.get(i);
      out.add(qis.get(i).generalise(value, levels.get(from + i)));
    }
    return out.build();
  }

  /**
   * A released row of {@code dataset} with its quasi-identifier columns at {@code levels}; other columns unchanged,
   * same column order.
   */
  public ImmutableMap<String, String> generaliseRow(String dataset, Map<String, String> row, List<Integer> levels) {
    checkNotNull(row, "row");
    ImmutableList<String> fields = fields(dataset);
    List<String> tuple = new ArrayList<>(fields.size());
    for (String field : fields) {
      checkArgument(row.containsKey(field), "the row has no quasi-identifier column %s", field);
      tuple.add(row.get(field) == null ? "" : row.get(field));
    }
    ImmutableList<String> generalised = generalise(dataset, tuple, levels);
    ImmutableMap.Builder<String, String> out = ImmutableMap.builderWithExpectedSize(row.size());
    row.forEach((column, value) -> {
      int index = fields.indexOf(column);
      out.put(column, index >= 0 ? generalised.get(index) : value == null ? "" : value);
    });
    return out.buildOrThrow();
  }

  /**
   * The person's linked key at {@code levels}: for each joinable dataset, the set of the person's value combinations
   * generalised to {@code levels}, written unambiguously. Persons with equal keys are indistinguishable on everything
   * the quasi-identifiers let a researcher assemble.
   */
  public String linkedKey(PersonQuasiIdentifiers person, List<Integer> levels) {
    checkNotNull(person, "person");
    checkLevels(levels);
    StringBuilder key = new StringBuilder();
    for (String dataset : datasets) {
      TreeSet<ImmutableList<String>> set = new TreeSet<>(PersonQuasiIdentifiers.TUPLE_ORDER);
      for (List<String> tuple : person.values(dataset)) {
        set.add(generalise(dataset, tuple, levels));
      }
      key.append(set.size()).append('[');
      for (List<String> tuple : set) {
        for (String value : tuple) {
          key.append(value.length()).append(':').append(value);
        }
        key.append(';');
      }
      key.append(']');
    }
    return key.toString();
  }

  /** The most records a release may suppress out of {@code total} under the policy's limit. */
  public long allowedSuppressions(long total) {
    return BigDecimal.valueOf(maxSuppressedFraction).multiply(BigDecimal.valueOf(total)).longValue();
  }

  private ImmutableList<Integer> checkLevels(List<Integer> levels) {
    checkNotNull(levels, "levels");
    checkArgument(levels.size() == size, "a level vector needs %s levels, got %s", size, levels.size());
    int at = 0;
    for (String dataset : datasets) {
      for (QuasiIdentifier qi : quasiIdentifiers(dataset)) {
        int level = levels.get(at++);
        checkArgument(level >= 0 && level < qi.levelCount(), "level %s of %s.%s is outside its ladder", level,
            dataset, qi.field());
      }
    }
    return ImmutableList.copyOf(levels);
  }

  @Override
  public String toString() {
    return "LinkedQuasiIdentifiers{k=" + k + ", fields=" + qualifiedFields() + "}";
  }
}
