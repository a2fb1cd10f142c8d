package org.sdelink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.model.LinkType;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

/**
 * The three link types and connected-components clustering of the in-memory engine: a person holds several
 * records of each input, nothing is dropped as ambiguous, and the cluster cap cuts the weakest pairs.
 */
class LinkTypesTest {
  private static final String SPEC = """
      name: people
      link_type: LINK_TYPE
      SOURCES
      fields:
        - name: first_name
        - name: surname
        - name: dob
          type: date
      comparisons:
        - name: first_name
          levels:
            - {type: missing, field: first_name}
            - {type: exact, field: first_name}
            - {type: levenshtein, field: first_name, distance: 1}
            - {type: else}
        - name: surname
          levels:
            - {type: missing, field: surname}
            - {type: exact, field: surname}
            - {type: levenshtein, field: surname, distance: 1}
            - {type: else}
        - name: dob
          levels:
            - {type: missing, field: dob}
            - {type: dob_exact, date: dob}
            - {type: date_difference, date: dob, tolerance: 1, unit: month}
            - {type: else}
      blocking:
        - {name: dob_year, fields: [dob_year]}
      thresholds: {match_weight: 0, max_cluster_size: CAP}
      """;

  /** Three people: ann (3 records), bob (2), cat (1), with small typos, all born in one year. */
  private static final String[][] ROWS = {
    {"a1", "ann", "smith", "1970-01-01"},
    {"a2", "ann", "smyth", "1970-01-01"},
    {"a3", "anne", "smith", "1970-01-02"},
    {"b1", "bob", "jones", "1970-05-05"},
    {"b2", "bob", "jones", "1970-05-05"},
    {"c1", "cat", "brown", "1970-09-09"},
  };

  private static LinkageModel model(LinkType type, String sources, int cap) {
    return TestModels.fromYaml(SPEC.replace("LINK_TYPE", type.specName()).replace("SOURCES", sources)
        .replace("CAP", String.valueOf(cap)));
  }

  private static List<LinkRecord> records(LinkageModel model, String source, String... ids) {
    List<LinkRecord> records = new ArrayList<>();
    for (String[] row : ROWS) {
      if (List.of(ids).contains(row[0])) {
        Map<String, String> values = new HashMap<>();
        values.put("record_id", row[0]);
        values.put("first_name", row[1]);
        values.put("surname", row[2]);
        values.put("dob", row[3]);
        records.add(model.record(source, values));
      }
    }
    return records;
  }

  private static LinkResult link(LinkageModel model, List<LinkRecord> records) {
    // Parameters are estimated from six records, so supply the same simple ones to every test.
    return InMemoryLinker.link(records, model, Optional.of(TestModels.parameters(model, 0.2, 0.9, 0.01)));
  }

  private static String person(LinkResult result, String key) {
    return result.personIdByRecord().get(key);
  }

  @Test
  void dedupeOnlyClustersEveryPersonsRecords() {
    LinkageModel model = model(LinkType.DEDUPE_ONLY, "", 10);
    LinkResult result = link(model, records(model, "people", "a1", "a2", "a3", "b1", "b2", "c1"));
    assertEquals(person(result, "people:a1"), person(result, "people:a2"));
    assertEquals(person(result, "people:a1"), person(result, "people:a3"));
    assertEquals(person(result, "people:b1"), person(result, "people:b2"));
    assertNotEquals(person(result, "people:a1"), person(result, "people:b1"));
    assertNotEquals(person(result, "people:c1"), person(result, "people:b1"));
    assertEquals(3, result.statistics().clusters());
    assertEquals(0, result.ambiguous().size());
    assertEquals(6, result.spine().size());
    assertTrue(result.pairs().stream().allMatch(p -> p.status().equals(LinkedPair.ACCEPTED)));
    assertEquals("unlinked", result.spine().get(5).matchRule(), "c1 is alone");
  }

  @Test
  void linkOnlyComparesAcrossSourcesOnlyAndKeepsSeveralRecordsPerSide() {
    LinkageModel model = model(LinkType.LINK_ONLY, "sources: [x, y]\nassignment: {method: connected_components}", 10);
    List<LinkRecord> records = new ArrayList<>(records(model, "x", "a1", "a2", "b1"));
    records.addAll(records(model, "y", "a3", "b2", "c1"));
    LinkResult result = link(model, records);
    // a1 and a2 (both in x) are joined through a3 (in y): one person with two records of x.
    assertEquals(person(result, "x:a1"), person(result, "x:a2"));
    assertEquals(person(result, "x:a1"), person(result, "y:a3"));
    assertEquals(person(result, "x:b1"), person(result, "y:b2"));
    assertTrue(result.pairs().stream().noneMatch(p -> p.sourceL().equals(p.sourceR())), "no within-source pair");
    assertTrue(result.pairs().stream().allMatch(p -> p.sourceL().equals("x")), "the first source on the left");
  }

  @Test
  void linkOnlyWithoutWithinPairsLeavesTwoRecordsOfOneSourceApart() {
    LinkageModel model = model(LinkType.LINK_ONLY, "sources: [x, y]\nassignment: {method: connected_components}", 10);
    List<LinkRecord> records = new ArrayList<>(records(model, "x", "b1", "b2"));
    records.addAll(records(model, "y", "c1"));
    LinkResult result = link(model, records);
    assertNotEquals(person(result, "x:b1"), person(result, "x:b2"), "link_only never compares b1 with b2");
  }

  @Test
  void linkAndDedupeComparesBoth() {
    LinkageModel model = model(LinkType.LINK_AND_DEDUPE, "sources: [x, y]", 10);
    List<LinkRecord> records = new ArrayList<>(records(model, "x", "b1", "b2"));
    records.addAll(records(model, "y", "c1"));
    LinkResult result = link(model, records);
    assertEquals(person(result, "x:b1"), person(result, "x:b2"));
  }

  @Test
  void theClusterCapCutsTheWeakestPairs() {
    LinkageModel model = model(LinkType.DEDUPE_ONLY, "", 2);
    LinkResult result = link(model, records(model, "people", "a1", "a2", "a3"));
    assertTrue(result.statistics().cutEdges() > 0);
    assertEquals(1, result.statistics().oversizedComponents());
    assertEquals(2, result.statistics().clusters(), "three records, at most two per cluster");
    assertTrue(result.pairs().stream().anyMatch(p -> p.status().equals(LinkedPair.CUT)));
  }

  @Test
  void possiblePairsFollowTheLinkType() {
    assertEquals(15, ClusteringLinker.possiblePairs(LinkType.DEDUPE_ONLY, List.of(6L)));
    assertEquals(9 + 3 + 3, ClusteringLinker.possiblePairs(LinkType.LINK_ONLY, List.of(3L, 3L, 1L)));
    assertEquals(21, ClusteringLinker.possiblePairs(LinkType.LINK_AND_DEDUPE, List.of(3L, 3L, 1L)));
  }
}
