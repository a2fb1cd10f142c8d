package org.sdelink.pipelines.link;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CLD {@code Ethnicity} column as report subgroups. CLD Release 1 spells a category {@code "Group - Detail"},
 * Release 2 {@code "Group: Detail"} (e.g. {@code "Asian or Asian British - Indian"} and {@code "Asian or Asian
 * British: Indian"}); both are one category, written in the Release 2 form, and the group is the part before the
 * separator ({@code "Asian or Asian British"}). A blank value is {@value #UNKNOWN}. Spellings that differ only in
 * letter case (Release 1 {@code "Not known"}, Release 2 {@code "not known"}) are merged by {@link #labels}.
 */
final class EthnicCategories {
  static final String UNKNOWN = "unknown";

  private EthnicCategories() {}

  /** The category in Release 2 form, whitespace collapsed; {@value #UNKNOWN} if blank. */
  static String category(String value) {
    String v = value == null ? "" : value.trim().replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      return UNKNOWN;
    }
    int at = separator(v);
    if (at < 0) {
      return v;
    }
    int length = v.startsWith(" - ", at) ? 3 : 2;
    return v.substring(0, at).trim() + ": " + v.substring(at + length).trim();
  }

  /** The group: the part of the category before {@code " - "} or {@code ": "}; {@value #UNKNOWN} if blank. */
  static String group(String value) {
    String category = category(value);
    int at = separator(category);
    return at < 0 ? category : category.substring(0, at).trim();
  }

  private static int separator(String v) {
    int dash = v.indexOf(" - ");
    int colon = v.indexOf(": ");
    if (dash < 0) {
      return colon;
    }
    return colon < 0 ? dash : Math.min(dash, colon);
  }

  /**
   * The label of each spelling: spellings equal but for letter case share the one with the largest count (ties:
   * the smallest spelling), so that counts keyed by spelling can be merged deterministically.
   */
  static Map<String, String> labels(Map<String, Long> countBySpelling) {
    Map<String, List<Map.Entry<String, Long>>> byFolded = new TreeMap<>();
    for (Map.Entry<String, Long> e : new TreeMap<>(countBySpelling).entrySet()) {
      byFolded.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(e);
    }
    Map<String, String> labels = new HashMap<>();
    byFolded.values().forEach(spellings -> {
      String label = spellings.stream()
          .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow().getKey();
      spellings.forEach(s -> labels.put(s.getKey(), label));
    });
    return labels;
  }
}
