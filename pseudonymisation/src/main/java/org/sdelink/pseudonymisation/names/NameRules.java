package org.sdelink.pseudonymisation.names;

import com.google.common.base.CharMatcher;
import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;

/** Word lists shared by given and family names: placeholders. */
final class NameRules {
  /** Values entered when the name is not known; as tokens they would link unrelated people. */
  private static final ImmutableSet<String> PLACEHOLDERS =
      ImmutableSet.of(
          "UNKNOWN", "NOT KNOWN", "NOTKNOWN", "NK", "N K", "NONE", "NULL", "UNNAMED", "NO NAME",
          "ANONYMOUS", "BABY", "BABY OF", "INFANT", "TEST", "TESTPATIENT", "TEST PATIENT", "ZZZ",
          "NOT GIVEN", "NOT STATED", "REFUSED");
  private static final CharMatcher X = CharMatcher.is('X');

  private NameRules() {}

  static boolean isPlaceholder(List<String> words) {
    String joined = Joiner.on(' ').join(words);
    return PLACEHOLDERS.contains(joined)
        || (words.size() == 1 && joined.length() >= 2 && X.matchesAllOf(joined));
  }

  static ImmutableList<String> dropLeading(List<String> words, ImmutableSet<String> drop) {
    int start = 0;
    while (start < words.size() && drop.contains(words.get(start))) {
      start++;
    }
    return ImmutableList.copyOf(words.subList(start, words.size()));
  }
}
