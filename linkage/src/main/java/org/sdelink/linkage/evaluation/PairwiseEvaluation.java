package org.sdelink.linkage.evaluation;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairwise evaluation of a linkage against the truth. Two modes:
 *
 * <ul>
 *   <li>{@link #ofClusters}: every pair of records in the same predicted cluster is a predicted link, every pair
 *       with the same true person a true link;
 *   <li>{@link #ofLinks}: links are (left entity, right record) pairs, e.g. (CLD person, APC episode).
 * </ul>
 *
 * <p>By subgroup: in cluster mode a pair counts in the subgroup of each of its two records (once if they share
 * it); in link mode, in the subgroup of its left entity. Records without a subgroup count in {@code (none)}.
 */
public final class PairwiseEvaluation {
  /** The subgroup of records with none supplied. */
  public static final String NO_SUBGROUP = "(none)";

  private PairwiseEvaluation() {}

  /**
   * Evaluates predicted clusters against true persons over the union of records in both maps (a record missing
   * from one map is a singleton there).
   *
   * @param predictedClusterByRecord record key to predicted cluster (person) id
   * @param truePersonByRecord record key to true person
   * @param subgroupByRecord record key to subgroup; may be empty
   */
  public static EvaluationReport ofClusters(
      Map<String, String> predictedClusterByRecord,
      Map<String, String> truePersonByRecord,
      Map<String, String> subgroupByRecord) {
    checkNotNull(predictedClusterByRecord, "predictedClusterByRecord");
    checkNotNull(truePersonByRecord, "truePersonByRecord");
    checkNotNull(subgroupByRecord, "subgroupByRecord");
    Set<String> records = new TreeSet<>(predictedClusterByRecord.keySet());
    records.addAll(truePersonByRecord.keySet());
    Map<String, List<String>> predicted = group(records, predictedClusterByRecord, "predicted");
    Map<String, List<String>> truth = group(records, truePersonByRecord, "true");

    Tally tally = new Tally();
    for (List<String> cluster : predicted.values()) {
      forEachPair(cluster, (a, b) -> {
        boolean same = Objects.equals(truePersonByRecord.get(a), truePersonByRecord.get(b))
            && truePersonByRecord.get(a) != null;
        tally.add(subgroups(a, b, subgroupByRecord), same ? 1 : 0, same ? 0 : 1, 0);
      });
    }
    for (List<String> person : truth.values()) {
      forEachPair(person, (a, b) -> {
        boolean linked = Objects.equals(predictedClusterByRecord.get(a), predictedClusterByRecord.get(b))
            && predictedClusterByRecord.get(a) != null;
        if (!linked) {
          tally.add(subgroups(a, b, subgroupByRecord), 0, 0, 1);
        }
      });
    }
    return tally.report();
  }

  /**
   * Evaluates predicted (left entity, right record) links against true ones.
   *
   * @param subgroupByLeftEntity left entity to subgroup; may be empty
   */
  public static EvaluationReport ofLinks(
      Collection<EntityRecordLink> predicted,
      Collection<EntityRecordLink> truth,
      Map<String, String> subgroupByLeftEntity) {
    checkNotNull(predicted, "predicted");
    checkNotNull(truth, "truth");
    checkNotNull(subgroupByLeftEntity, "subgroupByLeftEntity");
    Set<EntityRecordLink> predictedSet = new TreeSet<>(predicted);
    Set<EntityRecordLink> trueSet = new TreeSet<>(truth);
    Tally tally = new Tally();
    for (EntityRecordLink link : predictedSet) {
      boolean correct = trueSet.contains(link);
      tally.add(List.of(subgroup(link.leftEntity(), subgroupByLeftEntity)), correct ? 1 : 0, correct ? 0 : 1, 0);
    }
    for (EntityRecordLink link : trueSet) {
      if (!predictedSet.contains(link)) {
        tally.add(List.of(subgroup(link.leftEntity(), subgroupByLeftEntity)), 0, 0, 1);
      }
    }
    return tally.report();
  }

  /** A link from an entity of the left source to one record of the right source. */
  public record EntityRecordLink(String leftEntity, String rightRecord) implements Comparable<EntityRecordLink> {
    public EntityRecordLink {
      checkNotNull(leftEntity, "leftEntity");
      checkNotNull(rightRecord, "rightRecord");
    }

    @Override
    public int compareTo(EntityRecordLink other) {
      int byEntity = leftEntity.compareTo(other.leftEntity);
      return byEntity != 0 ? byEntity : rightRecord.compareTo(other.rightRecord);
    }
  }

  private static Map<String, List<String>> group(
      Set<String> records, Map<String, String> clusterByRecord, String kind) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (String record : records) {
      String cluster = clusterByRecord.get(record);
      String key = cluster == null ? "\u0000" + kind + "-singleton:" + record : cluster;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    return groups;
  }

  private interface PairConsumer {
    void accept(String a, String b);
  }

  private static void forEachPair(List<String> members, PairConsumer consumer) {
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        consumer.accept(members.get(i), members.get(j));
      }
    }
  }

  private static List<String> subgroups(String a, String b, Map<String, String> subgroupByRecord) {
    String groupA = subgroup(a, subgroupByRecord);
    String groupB = subgroup(b, subgroupByRecord);
    return groupA.equals(groupB) ? List.of(groupA) : List.of(groupA, groupB);
  }

  private static String subgroup(String record, Map<String, String> subgroupByRecord) {
    String group = subgroupByRecord.get(record);
    return group == null || group.isBlank() ? NO_SUBGROUP : group;
  }

  private static final class Tally {
    private long tp;
    private long fp;
    private long fn;
    private final Map<String, long[]> byGroup = new TreeMap<>();

    void add(List<String> groups, long truePositives, long falsePositives, long falseNegatives) {
      tp += truePositives;
      fp += falsePositives;
      fn += falseNegatives;
      for (String group : groups) {
        long[] counts = byGroup.computeIfAbsent(group, g -> new long[3]);
        counts[0] += truePositives;
        counts[1] += falsePositives;
        counts[2] += falseNegatives;
      }
    }

    EvaluationReport report() {
      ImmutableSortedMap.Builder<String, PairwiseCounts> groups = ImmutableSortedMap.naturalOrder();
      byGroup.forEach((group, c) -> groups.put(group, new PairwiseCounts(c[0], c[1], c[2])));
      return new EvaluationReport(new PairwiseCounts(tp, fp, fn), groups.buildOrThrow());
    }
  }
}
