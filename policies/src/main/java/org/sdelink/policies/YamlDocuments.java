package org.sdelink.policies;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Reads the YAML documents of this module (policies, the catalogue, the SDE configuration) into trees, refusing
 * duplicate keys (a second {@code nhs_number: keep} under the same dataset must not silently win over the first) and a
 * second document after {@code ---} (which a reader of one document would silently ignore).
 */
public final class YamlDocuments {
  private static final YAMLMapper MAPPER = new YAMLMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static final Pattern DOCUMENT_MARKER = Pattern.compile("(---|\\.\\.\\.)(\\s|$)");

  private YamlDocuments() {}

  /**
   * Parses {@code text}; {@code what} names the document in the error.
   *
   * @throws PolicyFormatException when the text is not YAML, has duplicate keys, holds more than one document or is
   *     not a mapping at the top
   */
  public static JsonNode read(String text, String what) {
    JsonNode root;
    try (JsonParser parser = MAPPER.createParser(text)) {
      root = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        int markerLine = secondDocumentLine(text, parser.currentTokenLocation().getLineNr());
        throw new PolicyFormatException(what + " holds a second YAML document, starting at line " + markerLine
            + ": sdelink reads one document per file and would ignore the rest, so it refuses the file. Remove the"
            + " `---` line and merge the settings into the first document, or move them into a file of their own.");
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new PolicyFormatException(what + " is not valid YAML" + where + ": " + e.getOriginalMessage()
          + ". Fix the file and try again.", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new PolicyFormatException(what + " must be a YAML mapping (key: value lines); it is empty or a list.");
    }
    return root;
  }

  /**
   * The line of the {@code ---} (or {@code ...}) marker that ends the first document before the token at
   * {@code tokenLine}: the nearest such line at or above it, else {@code tokenLine} itself.
   */
  private static int secondDocumentLine(String text, int tokenLine) {
    String[] lines = text.split("\\R", -1);
    for (int line = Math.min(tokenLine, lines.length); line >= 1; line--) {
      if (DOCUMENT_MARKER.matcher(lines[line - 1]).lookingAt()) {
        return line;
      }
    }
    return tokenLine;
  }
}
