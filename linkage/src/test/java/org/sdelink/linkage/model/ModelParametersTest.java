package org.sdelink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;

class ModelParametersTest {

  /** Parameters for the levels-test model with awkward doubles (long fractions, tiny exponents). */
  static ModelParameters sample(LinkageModel model) {
    ImmutableShape shape = new ImmutableShape(model);
    double[][] m = shape.table(0.1 / 3);
    double[][] u = shape.table(1e-7 / 7);
    EstimationSummary summary = new EstimationSummary(123_456, 789, 1_000_000_007L, List.of(
        new EstimationSummary.Session("a", 42, 0.123456789012345, 17, true, List.of("tokens", "bloom"))));
    return ModelParameters.of(model, 1.0 / 3e5, "deterministic", LevelProbabilities.of(m),
        LevelProbabilities.of(u), summary);
  }

  /** Fills every level with a distinct value derived from {@code base}. */
  private record ImmutableShape(LinkageModel model) {
    double[][] table(double base) {
      double[][] values = new double[model.comparisons().size()][];
      for (int k = 0; k < values.length; k++) {
        values[k] = new double[model.comparisons().get(k).levels().size()];
        for (int l = 0; l < values[k].length; l++) {
          values[k][l] = base * (k + 1) / (l + 1.7);
        }
      }
      return values;
    }
  }

  @Test
  void jsonRoundTripsByteIdentically() {
    ModelParameters parameters = sample(TestModels.levels());
    String json = parameters.toJson();
    ModelParameters read = ModelParameters.fromJson(json);
    assertEquals(parameters, read);
    assertEquals(json, read.toJson());
    assertArrayEquals(parameters.toJsonBytes(),
        ModelParameters.read(new ByteArrayInputStream(parameters.toJsonBytes())).toJsonBytes());
    assertTrue(json.startsWith("{\n  \"format\" : \"sdelink.linkage.parameters.v1\",\n  \"model\" : \"levels-test\""));
    assertTrue(json.endsWith("}\n"));
    assertFalse(json.contains("\r"));
    assertFalse(json.contains("NaN"));
  }

  @Test
  void missingLevelsCarryNoProbabilities() {
    ModelParameters parameters = sample(TestModels.levels());
    assertTrue(Double.isNaN(parameters.m().get(0, 0)), "level 0 of 'ab' is its missing level");
    assertTrue(Double.isNaN(parameters.u().get(0, 0)));
    assertFalse(Double.isNaN(parameters.m().get(0, 1)));
    assertTrue(parameters.toJson().contains("{\n          \"label\" : \"missing\"\n        }"));
  }

  @Test
  void parametersOfAnotherModelAreRefused() {
    ModelParameters parameters = sample(TestModels.levels());
    parameters.checkCompatibleWith(TestModels.levels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parameters.checkCompatibleWith(LinkageModel.defaultCldApc()));
    assertTrue(e.getMessage().contains("re-estimate"));
  }

  @Test
  void malformedFilesAreRefused() {
    String json = sample(TestModels.levels()).toJson();
    assertThrows(IllegalArgumentException.class,
        () -> ModelParameters.fromJson(json.replace("parameters.v1", "parameters.v0")));
    assertThrows(IllegalArgumentException.class, () -> ModelParameters.fromJson("{"));
    String prior = "\"prior_match_probability\" : " + 1.0 / 3e5;
    assertTrue(json.contains(prior));
    assertThrows(IllegalArgumentException.class,
        () -> ModelParameters.fromJson(json.replace(prior, "\"prior_match_probability\" : 1.5")));
  }

  @Test
  void thePriorWeightIsTheLog2OddsOfThePrior() {
    ModelParameters parameters = sample(TestModels.levels()).withPrior(0.2, "supplied");
    assertEquals(-2.0, parameters.priorMatchWeight(), 1e-12);
    assertEquals("supplied", parameters.priorSource());
  }
}
