package org.sdelink.policies.kanonymity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdelink.policies.KAnonymityRules;
import org.sdelink.policies.Policy;
import org.sdelink.policies.PolicyValidator;
import org.sdelink.policies.QuasiIdentifierRule;

/**
 * The k-anonymity gate of one released dataset. Given the number of records with each combination of
 * quasi-identifier values, it picks one generalisation level per quasi-identifier (full-domain generalisation over the
 * ladders' lattice) and suppresses the records of classes still smaller than k. It picks the lowest total
 * generalisation whose suppression is within the policy's limit, then the fewest suppressed records, then the
 * first level vector in lexicographic order, so the same counts always give the same decision.
 */
public final class KAnonymityGate {
  /** The largest lattice (product of ladder lengths) the gate will search. */
  public static final int MAX_LATTICE_NODES = 100_000;

  private final String dataset;
  private final int k;
  private final double maxSuppressedFraction;
  private final ImmutableList<QuasiIdentifier> quasiIdentifiers;

  private KAnonymityGate(
      String dataset, int k, double maxSuppressedFraction, ImmutableList<QuasiIdentifier> quasiIdentifiers) {
    this.dataset = dataset;
    this.k = k;
    this.maxSuppressedFraction = maxSuppressedFraction;
    this.quasiIdentifiers = quasiIdentifiers;
  }

  /** A gate for {@code quasiIdentifiers} (key order) with the given k and suppression limit. */
  public static KAnonymityGate of(int k, double maxSuppressedFraction, List<QuasiIdentifier> quasiIdentifiers) {
    return of("", k, maxSuppressedFraction, quasiIdentifiers);
  }

  private static KAnonymityGate of(
      String dataset, int k, double maxSuppressedFraction, List<QuasiIdentifier> quasiIdentifiers) {
    checkArgument(k >= 1, "k must be >= 1");
    checkArgument(maxSuppressedFraction >= 0 && maxSuppressedFraction < 1, "maxSuppressedFraction must be in [0, 1)");
    checkNotNull(quasiIdentifiers, "quasiIdentifiers");
    checkArgument(!quasiIdentifiers.isEmpty(), "a gate needs at least one quasi-identifier");
    long nodes = 1;
    for (QuasiIdentifier qi : quasiIdentifiers) {
      nodes *= qi.levelCount();
      checkArgument(nodes <= MAX_LATTICE_NODES, "the generalisation ladders give more than %s combinations of "
          + "levels: shorten them or declare fewer quasi-identifiers", MAX_LATTICE_NODES);
    }
    checkArgument(quasiIdentifiers.stream().map(QuasiIdentifier::field).distinct().count() == quasiIdentifiers.size(),
        "a quasi-identifier is declared twice");
    return new KAnonymityGate(dataset, k, maxSuppressedFraction, ImmutableList.copyOf(quasiIdentifiers));
  }

  /**
   * The gate a valid policy sets for {@code dataset}; {@code lookups} holds the code tables its ladders' {@code
   * lookup:} levels name (empty when none do).
   *
   * @throws org.sdelink.policies.InvalidPolicyException when the policy has problems
   * @throws IllegalArgumentException when the policy declares no quasi-identifier for the dataset, or a ladder names
   *     a code table not in {@code lookups}
   */
  public static KAnonymityGate forDataset(
      Policy policy, String dataset, Map<String, ? extends Map<String, String>> lookups) {
    PolicyValidator.requireValid(policy);
    checkNotNull(dataset, "dataset");
    checkNotNull(lookups, "lookups");
    KAnonymityRules rules = policy.kAnonymity().orElseThrow(() -> new IllegalArgumentException(
        "policy " + policy.name() + " has no k_anonymity section"));
    List<QuasiIdentifier> quasiIdentifiers = new ArrayList<>();
    for (QuasiIdentifierRule rule : rules.forDataset(dataset)) {
      ImmutableList.Builder<GeneralisationLevel> ladder = ImmutableList.builder();
      for (String level : rule.ladder()) {
        ladder.add(GeneralisationLevels.resolve(level, lookups));
      }
      quasiIdentifiers.add(new QuasiIdentifier(rule.field(), ladder.build()));
    }
    checkArgument(!quasiIdentifiers.isEmpty(), "policy %s declares no quasi-identifier for dataset %s",
        policy.name(), dataset);
    return of(dataset, rules.k(), rules.maxSuppressedFraction(), quasiIdentifiers);
  }

  /** The quasi-identifier columns, in the order keys must list their values. */
  public ImmutableList<String> fields() {
    return quasiIdentifiers.stream().map(QuasiIdentifier::field).collect(ImmutableList.toImmutableList());
  }

  /** The quasi-identifiers and their ladders. */
  public ImmutableList<QuasiIdentifier> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /** An empty streaming count for this gate's keys. */
  public QuasiIdentifierCounts newCounts() {
    return QuasiIdentifierCounts.withArity(quasiIdentifiers.size());
  }

  /**
   * Decides the generalisation for {@code counts} (released key to number of records).
   *
   * @throws KAnonymityNotReachedException when no level combination keeps suppression within the limit
   */
  public KAnonymityResult decide(Map<? extends List<String>, Long> counts) {
    KAnonymityResult result = evaluate(counts);
    if (!result.withinLimit()) {
      throw new KAnonymityNotReachedException(result);
    }
    return result;
  }

  /**
   * Like {@link #decide} but never throws for the limit: when no combination is within it, returns the one that
   * suppresses fewest records, with {@link KAnonymityResult#withinLimit()} false. For dry runs and reports.
   */
  public KAnonymityResult evaluate(Map<? extends List<String>, Long> counts) {
    checkNotNull(counts, "counts");
    long total = 0;
    for (Map.Entry<? extends List<String>, Long> entry : counts.entrySet()) {
      checkArgument(entry.getKey().size() == quasiIdentifiers.size(), "a key needs %s values, got %s",
          quasiIdentifiers.size(), entry.getKey().size());
      checkArgument(entry.getValue() != null && entry.getValue() >= 0, "counts cannot be negative");
      total += entry.getValue();
    }
    long allowed = BigDecimal.valueOf(maxSuppressedFraction).multiply(BigDecimal.valueOf(total)).longValue();
    List<Map.Entry<? extends List<String>, Long>> entries = new ArrayList<>(counts.entrySet());
    List<Map<String, String>> valueCaches = new ArrayList<>();
    for (int i = 0; i < quasiIdentifiers.size(); i++) {
      valueCaches.add(new HashMap<>());
    }

    List<int[]> nodes = latticeByHeightThenLexicographic();
    int[] best = null;
    long bestSuppressed = Long.MAX_VALUE;
    int bestHeight = -1;
    int[] fallback = null;
    long fallbackSuppressed = Long.MAX_VALUE;
    for (int[] node : nodes) {
      int height = height(node);
      if (best != null && height > bestHeight) {
        break;
      }
      long suppressed = suppressedAt(node, entries, valueCaches);
      if (suppressed <= allowed && suppressed < bestSuppressed) {
        best = node;
        bestSuppressed = suppressed;
        bestHeight = height;
      }
      if (suppressed < fallbackSuppressed) {
        fallback = node;
        fallbackSuppressed = suppressed;
      }
    }
    int[] chosen = best != null ? best : fallback;
    return resultAt(chosen, entries, total, best != null);
  }

  private KAnonymityResult resultAt(
      int[] node, List<Map.Entry<? extends List<String>, Long>> entries, long total, boolean withinLimit) {
    Map<List<String>, Long> before = new HashMap<>();
    Map<List<String>, Long> after = new HashMap<>();
    Map<List<String>, List<String>> generalisedKeys = new HashMap<>();
    for (Map.Entry<? extends List<String>, Long> entry : entries) {
      List<String> key = entry.getKey();
      List<String> generalised = generalise(key, node, null);
      generalisedKeys.put(key, generalised);
      before.merge(key, entry.getValue(), Long::sum);
      after.merge(generalised, entry.getValue(), Long::sum);
    }
    ImmutableSet.Builder<List<String>> suppressedClasses = ImmutableSet.builder();
    long suppressed = 0;
    for (Map.Entry<List<String>, Long> cls : after.entrySet()) {
      if (cls.getValue() > 0 && cls.getValue() < k) {
        suppressedClasses.add(ImmutableList.copyOf(cls.getKey()));
        suppressed += cls.getValue();
      }
    }
    long generalisedRecords = 0;
    for (Map.Entry<? extends List<String>, Long> entry : entries) {
      List<String> generalised = generalisedKeys.get(entry.getKey());
      long size = after.get(generalised);
      if (size >= k && !generalised.equals(entry.getKey())) {
        generalisedRecords += entry.getValue();
      }
    }
    ImmutableList.Builder<Integer> levels = ImmutableList.builder();
    for (int level : node) {
      levels.add(level);
    }
    return new KAnonymityResult(dataset, k, maxSuppressedFraction, quasiIdentifiers, levels.build(), total,
        suppressed, generalisedRecords, ClassSizeDistribution.of(withoutEmpty(before)),
        ClassSizeDistribution.of(withoutEmpty(after)), suppressedClasses.build(), withinLimit);
  }

  private static Map<List<String>, Long> withoutEmpty(Map<List<String>, Long> counts) {
    Map<List<String>, Long> out = new HashMap<>(counts);
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private long suppressedAt(
      int[] node, List<Map.Entry<? extends List<String>, Long>> entries, List<Map<String, String>> valueCaches) {
    Map<List<String>, Long> classes = new HashMap<>();
    for (Map.Entry<? extends List<String>, Long> entry : entries) {
      classes.merge(generalise(entry.getKey(), node, valueCaches), entry.getValue(), Long::sum);
    }
    long suppressed = 0;
    for (long size : classes.values()) {
      if (size < k) {
        suppressed += size;
      }
    }
    return suppressed;
  }

  private List<String> generalise(List<String> key, int[] node, List<Map<String, String>> valueCaches) {
    List<String> out = new ArrayList<>(key.size());
    for (int i = 0; i < key.size(); i++) {
      String value = key.get(i) == null ? "" : key.get(i);
      int level = node[i];
      QuasiIdentifier qi = quasiIdentifiers.get(i);
      if (level == 0) {
        out.add(value);
      } else if (valueCaches == null) {
        out.add(qi.generalise(value, level));
      } else {
        out.add(valueCaches.get(i).computeIfAbsent(level + "\u0000" + value, v -> qi.generalise(value, level)));
      }
    }
    return out;
  }

  private List<int[]> latticeByHeightThenLexicographic() {
    List<int[]> nodes = new ArrayList<>();
    int[] node = new int[quasiIdentifiers.size()];
    while (true) {
      nodes.add(node.clone());
      int i = node.length - 1;
      while (i >= 0 && node[i] == quasiIdentifiers.get(i).levelCount() - 1) {
        node[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
      node[i]++;
    }
    nodes.sort((a, b) -> {
      int byHeight = Integer.compare(height(a), height(b));
      return byHeight != 0 ? byHeight : java.util.Arrays.compare(a, b);
    });
    return nodes;
  }

  private static int height(int[] node) {
    int sum = 0;
    for (int level : node) {
      sum += level;
    }
    return sum;
  }

  @Override
  public String toString() {
    return "KAnonymityGate{" + (dataset.isEmpty() ? "" : dataset + ", ") + "k=" + k + ", fields=" + fields() + "}";
  }

  /** The ladders as level names, for reports: column to level names (level 0 first). */
  public ImmutableMap<String, ImmutableList<String>> ladderNames() {
    ImmutableMap.Builder<String, ImmutableList<String>> names = ImmutableMap.builder();
    for (QuasiIdentifier qi : quasiIdentifiers) {
      ImmutableList.Builder<String> levels = ImmutableList.builder();
      for (int level = 0; level < qi.levelCount(); level++) {
        levels.add(qi.levelName(level));
      }
      names.put(qi.field(), levels.build());
    }
    return names.buildOrThrow();
  }
}
