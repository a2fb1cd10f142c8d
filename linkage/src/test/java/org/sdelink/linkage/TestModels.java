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
}
