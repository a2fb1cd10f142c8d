package org.sdelink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Spec errors name the key, the comparison and level, and the YAML line; they quote no data value. */
class ModelSpecErrorsTest {
  private static final String SPEC = """
      name: errors
      link_type: dedupe_only
      fields:
        - name: first_name
        - name: dob
          type: date
      comparisons:
        - name: first_name
          levels:
            - {type: missing, field: first_name}
            - {type: exact, field: first_name, tf_adjust: true}
            - {type: else}
        - name: dob
          levels:
            - {type: missing, field: dob}
            - {type: LEVEL}
            - {type: else}
      blocking:
        - {name: dob, fields: [dob]}
      """;

  private static ModelSpecException load(String yaml) {
    return assertThrows(ModelSpecException.class,
        () -> LinkageModel.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
  }

  private static String spec(String level) {
    return SPEC.replace("{type: LEVEL}", level);
  }

  @Test
  void theValidSpecLoads() {
    LinkageModel model = LinkageModel.load(new ByteArrayInputStream(
        spec("{type: dob_exact, date: dob}").getBytes(StandardCharsets.UTF_8)));
    assertEquals(LinkType.DEDUPE_ONLY, model.linkType());
    assertEquals(ClusteringMethod.CONNECTED_COMPONENTS, model.clusteringMethod());
    assertEquals(Thresholds.DEFAULTS, model.thresholds());
  }

  @Test
  void aValidationErrorNamesKeyComparisonLevelAndLine() {
    ModelSpecException e = load(spec("{type: levenshtein, field: dob, label: typo}"));
    assertEquals("comparisons[1].levels[1]", e.key());
    assertEquals(16, e.line());
    assertTrue(e.getMessage().contains("comparison 'dob' level 'typo'"), e.getMessage());
    assertTrue(e.getMessage().contains("needs a distance"), e.getMessage());
    assertTrue(e.getMessage().contains("line 16"), e.getMessage());
  }

  @Test
  void tfAdjustOnANonExactLevelIsRefusedWithItsLine() {
    ModelSpecException e = load(spec("{type: jaro_winkler, field: first_name, threshold: 0.9, tf_adjust: true}"));
    assertEquals(16, e.line());
    assertTrue(e.getMessage().contains("tf_adjust"), e.getMessage());
  }

  @Test
  void anUnknownKeyIsNamedWithTheKnownKeysAndLine() {
    ModelSpecException e = load(spec("{type: exact, field: dob, tf_adjsut: true}"));
    assertTrue(e.getMessage().contains("unknown key 'tf_adjsut'"), e.getMessage());
    assertTrue(e.getMessage().contains("tf_adjust"), e.getMessage());
    assertEquals(16, e.line());
    assertEquals("comparisons[1].levels[1].tf_adjsut", e.key());
  }

  @Test
  void anUnknownLevelTypeListsTheTypes() {
    ModelSpecException e = load(spec("{type: levenstein, field: dob, distance: 1}"));
    assertTrue(e.getMessage().contains("levenshtein"), e.getMessage());
    assertEquals(16, e.line());
  }

  @Test
  void anUndeclaredFieldNamesTheBlockingRuleAndLine() {
    ModelSpecException e = load(spec("{type: dob_exact, date: dob}").replace("fields: [dob]}", "fields: [email]}"));
    assertEquals("blocking[0]", e.key());
    assertEquals(19, e.line());
    assertTrue(e.getMessage().contains("'email'"), e.getMessage());
  }

  @Test
  void bestMatchIsRefusedForDeduplication() {
    ModelSpecException e = load(spec("{type: dob_exact, date: dob}") + "assignment: {method: best_match}\n");
    assertEquals("assignment.method", e.key());
    assertEquals(20, e.line());
  }

  @Test
  void linkOnlyWithOneSourceIsRefused() {
    ModelSpecException e = load(spec("{type: dob_exact, date: dob}")
        .replace("link_type: dedupe_only", "link_type: link_only\nsources: [only]"));
    assertEquals("sources", e.key());
    assertTrue(e.getMessage().contains("dedupe_only"), e.getMessage());
  }

  @Test
  void messagesQuoteNoValueOfTheSpecsNumbers() {
    ModelSpecException e = load(spec("{type: jaro_winkler, field: first_name, threshold: 7.5}"));
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    assertEquals(16, e.line());
  }
}
