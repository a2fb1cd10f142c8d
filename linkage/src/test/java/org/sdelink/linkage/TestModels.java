package org.sdelink.linkage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

/** Models and records for tests. */
public final class TestModels {
  private static final LinkageModel LEVELS = resource("levels-test");

  private TestModels() {}

  /** A test model from {@code src/test/resources/org/sdelink/linkage/models/<name>.yaml}. */
  public static LinkageModel resource(String name) {
    try (InputStream in = TestModels.class.getResourceAsStream("/org/sdelink/linkage/models/" + name + ".yaml")) {
      return LinkageModel.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model that exercises every level type. */
  public static LinkageModel levels() {
    return LEVELS;
  }

  public static LinkageModel fromYaml(String yaml) {
    return LinkageModel.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A record of the levels-test model: id, then alternating field names and values; unnamed fields are blank.
   */
  public static LinkRecord levelsRecord(String id, String... fieldsAndValues) {
    Map<String, String> row = new HashMap<>();
    for (String column : new String[] {"a", "b", "c", "tokens", "bl", "text", "year", "d"}) {
      row.put(column, "");
    }
    row.put("id", id);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      row.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return levels().record("s", row);
  }

  /**
   * Simple parameters for {@code model}: the first level after {@code missing} has m {@code mStrong} and u {@code
   * uStrong}, the middle levels m 0.05 and u 0.02, {@code else} m 0.05 and u 0.97 (normalised by nothing: for tests).
   */
  public static org.sdelink.linkage.model.ModelParameters parameters(
      LinkageModel model, double prior, double mStrong, double uStrong) {
    double[][] m = new double[model.comparisons().size()][];
    double[][] u = new double[m.length][];
    for (int k = 0; k < m.length; k++) {
      int levels = model.comparisons().get(k).levels().size();
      m[k] = new double[levels];
      u[k] = new double[levels];
      boolean first = true;
      for (int l = 0; l < levels; l++) {
        if (model.isMissingLevel(k, l)) {
          m[k][l] = Double.NaN;
          u[k][l] = Double.NaN;
        } else if (first) {
          m[k][l] = mStrong;
          u[k][l] = uStrong;
          first = false;
        } else if (l == levels - 1) {
          m[k][l] = 0.05;
          u[k][l] = 0.97;
        } else {
          m[k][l] = 0.05;
          u[k][l] = 0.02;
        }
      }
    }
    return org.sdelink.linkage.model.ModelParameters.of(model, prior, "supplied",
        org.sdelink.linkage.model.LevelProbabilities.of(m), org.sdelink.linkage.model.LevelProbabilities.of(u),
        null);
  }
}
