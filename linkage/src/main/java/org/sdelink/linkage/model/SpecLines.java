package org.sdelink.linkage.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The YAML line of each key of a model spec ({@code comparisons[2].levels[1].type}), read with Jackson's streaming
 * YAML parser (SnakeYAML locations), so that an error found after binding can name its line; and the translation
 * of Jackson's binding errors into {@link ModelSpecException}s naming key and line.
 */
final class SpecLines {
  private final Map<String, Integer> lineByKey;

  SpecLines(Map<String, Integer> lineByKey) {
    this.lineByKey = lineByKey;
  }

  com.google.common.collect.ImmutableMap<String, Integer> asMap() {
    return com.google.common.collect.ImmutableMap.copyOf(lineByKey);
  }

  /** The key lines of {@code yaml}; empty if it cannot be parsed (binding reported that already). */
  static SpecLines of(byte[] yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        String key = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
            ? key(context.getParent(), true)
            : key(context, token != JsonToken.FIELD_NAME && context.inArray());
        lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      // an unparseable spec: binding has failed with its own location
    }
    return new SpecLines(lines);
  }

  /** The line of {@code key}, or of its nearest enclosing key; 0 if unknown. */
  int lineOf(@Nullable String key) {
    String current = key;
    while (current != null && !current.isEmpty()) {
      Integer line = lineByKey.get(current);
      if (line != null) {
        return line;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut <= 0 ? null : current.substring(0, cut);
    }
    return 0;
  }

  /** The key of the current position of {@code context} ({@code withIndex}: including an array element). */
  private static String key(@Nullable JsonStreamContext context, boolean withIndex) {
    Deque<String> parts = new ArrayDeque<>();
    JsonStreamContext current = context;
    boolean first = true;
    while (current != null && !current.inRoot()) {
      if (current.inObject() && current.getCurrentName() != null) {
        parts.push("." + current.getCurrentName());
      } else if (current.inArray() && (withIndex || !first)) {
        parts.push("[" + Math.max(current.getCurrentIndex(), 0) + "]");
      }
      first = false;
      current = current.getParent();
    }
    String key = String.join("", parts);
    return key.startsWith(".") ? key.substring(1) : key;
  }

  /** A Jackson error while binding a spec, as a {@link ModelSpecException} naming the key and line. */
  static ModelSpecException bindingError(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    String key = e instanceof JsonMappingException mapping ? key(mapping.getPath()) : null;
    String problem;
    if (e instanceof UnrecognizedPropertyException unknown) {
      problem = "unknown key '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
    } else if (e.getCause() instanceof ModelSpecException spec) {
      problem = spec.problem();
    } else if (e.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
      problem = invalid.getMessage();
    } else if (e instanceof InvalidFormatException format) {
      problem = "'" + format.getValue() + "' is not " + simpleName(format.getTargetType());
    } else if (e instanceof MismatchedInputException mismatch) {
      problem = mismatch.getTargetType() == null
          ? "a value of the wrong shape"
          : "a value of the wrong shape (expected " + simpleName(mismatch.getTargetType()) + ")";
    } else if (e instanceof JsonMappingException) {
      problem = "a value that cannot be read here";
    } else {
      problem = "not valid YAML: " + e.getOriginalMessage();
    }
    return ModelSpecException.located(
        "the linkage model spec is invalid: " + problem, key, line, e);
  }

  private static String known(@Nullable Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    TreeSet<String> names = new TreeSet<>();
    ids.forEach(id -> names.add(String.valueOf(id)));
    return " (known keys here: " + String.join(", ", names) + ")";
  }

  private static String simpleName(@Nullable Class<?> type) {
    if (type == null) {
      return "another kind";
    }
    if (type.isEnum()) {
      TreeSet<String> names = new TreeSet<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT));
      }
      return "one of: " + String.join(", ", names);
    }
    if (type == Double.class || type == double.class || type == Integer.class || type == int.class
        || type == Long.class || type == long.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class) {
      return "text";
    }
    return "a section";
  }

  private static @Nullable String key(java.util.List<JsonMappingException.Reference> path) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        key.append('[').append(reference.getIndex()).append(']');
      }
    }
    return key.length() == 0 ? null : key.toString();
  }
}
