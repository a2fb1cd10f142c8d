package org.sdelink.policies;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML documents of this module (policies and the catalogue) into trees, refusing duplicate keys: a second
 * {@code nhs_number: keep} under the same dataset must not silently win over the first.
 */
public final class YamlDocuments {
  private static final YAMLMapper MAPPER = new YAMLMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private YamlDocuments() {}

  /**
   * Parses {@code text}; {@code what} names the document in the error.
   *
   * @throws PolicyFormatException when the text is not YAML, has duplicate keys or is not a mapping at the top
   */
  public static JsonNode read(String text, String what) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new PolicyFormatException(what + " is not valid YAML" + where + ": " + e.getOriginalMessage()
          + ". Fix the file and try again.", e);
    }
    if (root == null || !root.isObject()) {
      throw new PolicyFormatException(what + " must be a YAML mapping (key: value lines); it is empty or a list.");
    }
    return root;
  }
}
