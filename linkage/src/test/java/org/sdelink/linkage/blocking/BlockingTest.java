package org.sdelink.linkage.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.record.LinkRecord;
import org.sdelink.linkage.record.RecordLayout;

class BlockingTest {
  private static final RecordLayout LAYOUT = TestModels.levels().layout();
  private static final List<BlockingRule> RULES = List.of(
      BlockingRule.of("a+b", List.of("a", "b")),
      BlockingRule.of("c", List.of("c")),
      BlockingRule.of("a+year", List.of("a", "year")));

  /** Records from two sources whose fields take few values, so rules overlap heavily. */
  private static List<LinkRecord> generate(int n, long seed) {
    Random random = new Random(seed);
    List<LinkRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> values = new HashMap<>();
      values.put("a", "a" + random.nextInt(40));
      values.put("b", random.nextInt(10) == 0 ? "" : "b" + random.nextInt(25));
      values.put("c", "c" + random.nextInt(800));
      values.put("year", String.valueOf(1930 + random.nextInt(60)));
      records.add(LinkRecord.of(LAYOUT, "r" + i, i % 2 == 0 ? "left" : "right", values));
    }
    return records;
  }

  private static Set<List<String>> keys(List<RecordPair> pairs) {
    Set<List<String>> keys = new HashSet<>();
    for (RecordPair pair : pairs) {
      keys.add(List.of(pair.left().key(), pair.right().key()));
    }
    return keys;
  }

  @Test
  void everyPairSharingAKeyIsEmittedExactlyOnceUnderItsFirstRule() {
    List<LinkRecord> records = generate(700, 1);
    List<RecordPair> pairs = Blocking.candidatePairs(records, RULES, PairFilter.allPairs());
    assertEquals(pairs.size(), keys(pairs).size(), "no pair is emitted twice");

    Set<List<String>> expected = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      for (int j = i + 1; j < records.size(); j++) {
        LinkRecord a = records.get(i);
        LinkRecord b = records.get(j);
        boolean shared = RULES.stream().anyMatch(r -> r.key(a).isPresent() && r.key(a).equals(r.key(b)));
        if (shared) {
          expected.add(List.of(a.key(), b.key()));
        }
      }
    }
    assertEquals(expected, keys(pairs), "exactly the pairs that share some rule's key");

    int[] perRule = new int[RULES.size()];
    for (int rule = 0; rule < RULES.size(); rule++) {
      int index = rule;
      Blocking.pairsForRule(records, RULES, rule, PairFilter.allPairs(), pair -> {
        assertTrue(Blocking.isFirstRuleFor(pair.left(), pair.right(), RULES, index));
        perRule[index]++;
      });
    }
    assertEquals(pairs.size(), perRule[0] + perRule[1] + perRule[2]);
    assertTrue(perRule[0] > 0 && perRule[1] > 0 && perRule[2] > 0, "every rule contributes");
  }

  @Test
  void rulesCanRunBucketByBucketAndStillEmitEachPairOnce() {
    List<LinkRecord> records = generate(900, 2);
    Set<List<String>> whole = keys(Blocking.candidatePairs(records, RULES, PairFilter.allPairs()));
    List<RecordPair> bucketed = new ArrayList<>();
    int buckets = 7;
    for (int rule = 0; rule < RULES.size(); rule++) {
      Map<Integer, List<LinkRecord>> byBucket = new HashMap<>();
      for (LinkRecord record : records) {
        RULES.get(rule).key(record).ifPresent(
            key -> byBucket.computeIfAbsent(Math.floorMod(key.hashCode(), buckets), b -> new ArrayList<>())
                .add(record));
      }
      for (List<LinkRecord> bucket : byBucket.values()) {
        Blocking.pairsForRule(bucket, RULES, rule, PairFilter.allPairs(), bucketed::add);
      }
    }
    assertEquals(bucketed.size(), keys(bucketed).size(), "no pair twice across buckets and rules");
    Set<Set<String>> unordered = new HashSet<>();
    whole.forEach(pair -> unordered.add(Set.copyOf(pair)));
    Set<Set<String>> unorderedBucketed = new HashSet<>();
    keys(bucketed).forEach(pair -> unorderedBucketed.add(Set.copyOf(pair)));
    assertEquals(unordered, unorderedBucketed);
  }

  @Test
  void crossSourcePairsAreOrientedLeftFirst() {
    List<LinkRecord> records = generate(600, 3);
    List<RecordPair> pairs = Blocking.candidatePairs(records, RULES, PairFilter.crossSource("left", "right"));
    assertFalse(pairs.isEmpty());
    for (RecordPair pair : pairs) {
      assertEquals("left", pair.left().source());
      assertEquals("right", pair.right().source());
    }
    long crossInAll = Blocking.candidatePairs(records, RULES, PairFilter.allPairs()).stream()
        .filter(p -> !p.left().source().equals(p.right().source())).count();
    assertEquals(crossInAll, pairs.size());
  }

  @Test
  void thePairCountGrowsFarLessThanTheSquareOfTheRecordCount() {
    int small = 1000;
    int large = 8000;
    long smallPairs = Blocking.candidatePairs(generate(small, 4), RULES, PairFilter.allPairs()).size();
    long largePairs = Blocking.candidatePairs(generate(large, 4), RULES, PairFilter.allPairs()).size();
    long allLarge = (long) large * (large - 1) / 2;
    assertTrue(largePairs < allLarge / 100, largePairs + " candidate pairs of " + allLarge);
    assertTrue(smallPairs > 0 && largePairs > smallPairs);
  }

  @Test
  void aRecordMissingARuleFieldHasNoKey() {
    LinkRecord noB = LinkRecord.of(LAYOUT, "1", "s", Map.of("a", "x"));
    LinkRecord both = LinkRecord.of(LAYOUT, "2", "s", Map.of("a", "x", "b", "y"));
    assertTrue(RULES.get(0).key(noB).isEmpty());
    assertEquals("x\u001fy", RULES.get(0).key(both).orElseThrow());
    assertTrue(Blocking.candidatePairs(List.of(noB, LinkRecord.of(LAYOUT, "3", "s", Map.of("a", "x"))),
        RULES, PairFilter.allPairs()).isEmpty());
  }
}
