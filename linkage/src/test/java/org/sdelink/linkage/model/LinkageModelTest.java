package org.sdelink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.record.LinkRecord;

class LinkageModelTest {
  private static final String VALID = """
      name: tiny
      fields:
        - name: a
        - name: bl
          type: bloom
      comparisons:
        - name: a
          levels:
            - {type: missing, fields: [a]}
            - {type: exact, field: a}
            - {type: else}
      blocking:
        - {name: a, fields: [a]}
      thresholds: {match_weight: 5, ambiguity_margin: 1, max_cluster_size: 10}
      """;

  @Test
  void theDefaultModelLoadsWithItsComparisonsRulesAndSteps() {
    LinkageModel model = LinkageModel.defaultCldApc();
    assertEquals("cld-apc", model.name());
    assertEquals(List.of("cld", "apc"), model.sources());
    assertEquals(
        List.of("nhs_number", "given_name", "family_name", "dob", "postcode", "council", "gp_practice", "sex"),
        List.copyOf(model.comparisonNames()));
    assertEquals("nhs_number+dob", model.cascade().get(0).name());
    assertEquals("dob", model.cascade().get(0).dobCheck());
    assertEquals("nhs_number", model.blockingRules().get(0).name());
    for (ComparisonSpec comparison : model.comparisons()) {
      assertEquals(LevelType.MISSING, comparison.levels().get(0).type(), comparison.name());
      assertEquals(LevelType.ELSE, comparison.levels().get(comparison.levels().size() - 1).type());
    }
    assertEquals(List.of("family_name_token", "given_name_first_token", "given_name_token", "gp_practice",
        "postcode_token"),
        List.copyOf(model.termFrequencyFields()));
    assertTrue(model.comparisonFields(3).containsAll(List.of("dob_token", "dob_swapped_token", "birth_year")));
    assertEquals(List.of("apc"), List.of(model.assignment().each()));
    assertTrue(model.thresholds().overridesVeto(10.0), "a link of weight 10 overrides the NHS-number veto");
    assertFalse(model.thresholds().overridesVeto(9.99), "a link of weight 9.99 is vetoed");
  }

  @Test
  void aMinimalSpecLoadsWithDefaults() {
    LinkageModel model = TestModels.fromYaml(VALID);
    assertEquals(EstimationSettings.DEFAULTS, model.estimation());
    assertEquals("record_id", model.reader().idColumn());
    assertEquals(List.of("a", "bl"), model.layout().fields());
    assertEquals(List.of("missing", "exact a", "else"), model.levelLabels().get(0));
  }

  @Test
  void inconsistentSpecsAreRefusedWithTheProblemNamed() {
    assertRefused(VALID.replace("- {type: else}", "- {type: exact, field: a, label: again}"), "else");
    assertRefused(VALID.replace("- {name: a, fields: [a]}", "- {name: a, fields: [zz]}"), "zz");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: exact, field: nope}"), "nope");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: bloom_dice, field: a, threshold: 0.9}"),
        "bloom");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: jaro_winkler, field: bl, threshold: 0.9}"),
        "Bloom");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: token_overlap, field: a, tf_adjust: true}"),
        "tf_adjust");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: dob_exact, date: nodate}"), "nodate");
    assertRefused(VALID.replace("name: tiny", "name: tiny\nunknown_key: 1"), "unknown_key");
    assertRefused(VALID.replace("{type: exact, field: a}", "{type: exactly, field: a}"), "exactly");
    assertEquals(Thresholds.DEFAULT_MATCH_WEIGHT,
        TestModels.fromYaml(VALID.replace("thresholds: {match_weight: 5, ", "thresholds: {")).thresholds().matchWeight());
    assertRefused(VALID.replace("max_cluster_size: 10}", "max_cluster_size: 10, must_not_differ: [zz]}"), "zz");
    assertRefused(VALID.replace("max_cluster_size: 10}", "max_cluster_size: 10, veto_override_weight: 4}"),
        "veto_override_weight");
    assertRefused(VALID.replace("      - {type: missing, fields: [a]}\n", "")
        .replace("- {type: else}", "- {type: missing, fields: [a]}\n      - {type: else}"), "first");
  }

  @Test
  void theCapOnPersonsPerClusterHasADefaultAndMustBeAtLeastTwo() {
    assertEquals(Thresholds.DEFAULT_MAX_CLUSTER_PERSONS, TestModels.fromYaml(VALID).thresholds().maxClusterPersons());
    assertEquals(7, TestModels.fromYaml(VALID.replace("max_cluster_size: 10}",
        "max_cluster_size: 10, max_cluster_persons: 7}")).thresholds().maxClusterPersons());
    assertRefused(VALID.replace("max_cluster_size: 10}", "max_cluster_size: 10, max_cluster_persons: 1}"),
        "max_cluster_persons");
    assertEquals(20, LinkageModel.defaultCldApc().thresholds().maxClusterPersons());
  }

  @Test
  void mustNotDifferVetoesProbabilisticLinksOnlyWhenBothSidesHoldDifferentValues() {
    LinkageModel model = TestModels.fromYaml(
        VALID.replace("max_cluster_size: 10}", "max_cluster_size: 10, must_not_differ: [a]}"));
    assertEquals(List.of("a"), model.thresholds().mustNotDiffer());
    LinkRecord one = LinkRecord.of(model.layout(), "1", "x", Map.of("a", "p"));
    LinkRecord same = LinkRecord.of(model.layout(), "2", "y", Map.of("a", "p"));
    LinkRecord other = LinkRecord.of(model.layout(), "3", "y", Map.of("a", "q"));
    LinkRecord none = LinkRecord.of(model.layout(), "4", "y", Map.of());
    assertTrue(model.vetoesProbabilisticLink(one, other));
    assertFalse(model.vetoesProbabilisticLink(one, same));
    assertFalse(model.vetoesProbabilisticLink(one, none));
    assertFalse(TestModels.fromYaml(VALID).vetoesProbabilisticLink(one, other));
    assertEquals(List.of("nhs_number_token"), LinkageModel.defaultCldApc().thresholds().mustNotDiffer());
  }

  private static void assertRefused(String yaml, String expectedInMessage) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestModels.fromYaml(yaml));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
