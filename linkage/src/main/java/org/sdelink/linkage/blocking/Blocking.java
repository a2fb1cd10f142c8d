package org.sdelink.linkage.blocking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sdelink.linkage.record.LinkRecord;

/**
 * Candidate pair generation by blocking rules. A pair is compared when some rule gives both records the same key;
 * it is emitted once, under the first such rule: a pair found under rule {@code i} is skipped if an earlier rule
 * {@code j < i} also gives both records the same key (Splink's approach). That needs no set of pairs seen, so a
 * Beam stage can generate each rule's pairs independently, bucket by bucket, and still emit every pair once.
 */
public final class Blocking {
  private Blocking() {}

  /**
   * Every candidate pair of {@code records} under {@code rules}, each once, oriented by {@code filter}. Order:
   * by rule, then by key in order of first appearance, then by input order.
   */
  public static List<RecordPair> candidatePairs(
      List<LinkRecord> records, List<BlockingRule> rules, PairFilter filter) {
    List<RecordPair> pairs = new ArrayList<>();
    String[][] keys = keys(records, rules, rules.size() - 1);
    for (int rule = 0; rule < rules.size(); rule++) {
      emit(records, keys, rule, filter, pairs::add);
    }
    return pairs;
  }

  /**
   * Every candidate pair of {@code records} under {@code rules}, each once, passed to {@code sink} with the index
   * of the rule that generates it; the same pairs, in the same order, as {@link #pairsForRule} rule by rule, but
   * with every record's keys computed once.
   */
  public static void candidatePairs(
      List<LinkRecord> records, List<BlockingRule> rules, PairFilter filter, java.util.function.ObjIntConsumer<RecordPair> sink) {
    checkNotNull(sink, "sink");
    if (rules.isEmpty()) {
      return;
    }
    String[][] keys = keys(records, rules, rules.size() - 1);
    for (int rule = 0; rule < rules.size(); rule++) {
      int index = rule;
      emit(records, keys, rule, filter, pair -> sink.accept(pair, index));
    }
  }

  /**
   * The pairs of {@code records} that rule {@code ruleIndex} generates and no earlier rule does, passed to {@code
   * sink}. {@code records} may be any set holding all records that share a key under the rule, e.g. one hash
   * bucket of that rule's keys.
   */
  public static void pairsForRule(
      List<LinkRecord> records,
      List<BlockingRule> rules,
      int ruleIndex,
      PairFilter filter,
      Consumer<RecordPair> sink) {
    checkArgument(ruleIndex >= 0 && ruleIndex < rules.size(), "no blocking rule %s", ruleIndex);
    checkNotNull(sink, "sink");
    emit(records, keys(records, rules, ruleIndex), ruleIndex, filter, sink);
  }

  /** Whether rule {@code ruleIndex} is the first rule giving {@code a} and {@code b} the same key. */
  public static boolean isFirstRuleFor(LinkRecord a, LinkRecord b, List<BlockingRule> rules, int ruleIndex) {
    for (int j = 0; j <= ruleIndex; j++) {
      String keyA = rules.get(j).keyOrNull(a);
      boolean same = keyA != null && keyA.equals(rules.get(j).keyOrNull(b));
      if (same) {
        return j == ruleIndex;
      }
    }
    return false;
  }

  /** Keys of every record under rules 0..lastRule: {@code keys[rule][record]}, null when a field is missing. */
  private static String[][] keys(List<LinkRecord> records, List<BlockingRule> rules, int lastRule) {
    checkNotNull(records, "records");
    checkNotNull(rules, "rules");
    String[][] keys = new String[lastRule + 1][records.size()];
    for (int rule = 0; rule <= lastRule; rule++) {
      for (int r = 0; r < records.size(); r++) {
        keys[rule][r] = rules.get(rule).keyOrNull(records.get(r));
      }
    }
    return keys;
  }

  private static void emit(
      List<LinkRecord> records, String[][] keys, int rule, PairFilter filter, Consumer<RecordPair> sink) {
    checkNotNull(filter, "filter");
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < records.size(); r++) {
      String key = keys[rule][r];
      if (key != null) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    for (List<Integer> group : groups.values()) {
      if (filter instanceof PairFilter.CrossSource cross) {
        emitCrossSource(records, keys, rule, cross, group, sink);
        continue;
      }
      for (int x = 0; x < group.size(); x++) {
        for (int y = x + 1; y < group.size(); y++) {
          emitIfFirst(records, keys, rule, filter, group.get(x), group.get(y), sink);
        }
      }
    }
  }

  private static void emitCrossSource(
      List<LinkRecord> records,
      String[][] keys,
      int rule,
      PairFilter.CrossSource filter,
      List<Integer> group,
      Consumer<RecordPair> sink) {
    List<Integer> left = new ArrayList<>();
    List<Integer> right = new ArrayList<>();
    for (int r : group) {
      String source = records.get(r).source();
      if (source.equals(filter.leftSource())) {
        left.add(r);
      } else if (source.equals(filter.rightSource())) {
        right.add(r);
      }
    }
    for (int l : left) {
      for (int r : right) {
        emitIfFirst(records, keys, rule, filter, l, r, sink);
      }
    }
  }

  private static void emitIfFirst(
      List<LinkRecord> records,
      String[][] keys,
      int rule,
      PairFilter filter,
      int x,
      int y,
      Consumer<RecordPair> sink) {
    for (int earlier = 0; earlier < rule; earlier++) {
      String key = keys[earlier][x];
      if (key != null && key.equals(keys[earlier][y])) {
        return;
      }
    }
    RecordPair pair = filter.pair(records.get(x), records.get(y));
    if (pair != null) {
      sink.accept(pair);
    }
  }
}
