package org.sdelink.pseudonymisation.names;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a name to the alphabet A-Z and single spaces, so that spellings that differ only in accents, case,
 * apostrophes, punctuation or spacing compare equal. Rules, in order:
 *
 * <ol>
 *   <li>apostrophes ({@code ' ’ ‘ ` ´ ʼ}) are removed, before and after the next step, joining the pieces:
 *       O'BRIEN and OBRIEN are the same surname, and systems differ in whether they keep the apostrophe;
 *   <li>Unicode NFKD, then combining marks removed: JOSÉ = JOSE, ZOË = ZOE (data entry often drops
 *       accents);
 *   <li>letters NFKD does not decompose are spelled out: Æ AE, Œ OE, Ø O, Ł L, Đ/Ð D, Þ TH, ß SS, ı I;
 *   <li>upper case ({@link Locale#ROOT}, so the result does not depend on the machine's locale);
 *   <li>every other character that is not A-Z (hyphens, full stops, digits, other scripts) becomes a space,
 *       and runs of spaces collapse: SMITH-JONES, SMITH JONES and "SMITH  JONES" give the same words.
 * </ol>
 *
 * The result is idempotent: folding a folded name changes nothing.
 */
public final class NameNormaliser {
  private static final CharMatcher APOSTROPHES = CharMatcher.anyOf("'\u2019\u2018`\u00B4\u02BC");
  private static final CharMatcher COMBINING_MARKS =
      new CharMatcher() {
        @Override
        public boolean matches(char c) {
          int type = Character.getType(c);
          return type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || type == Character.ENCLOSING_MARK;
        }
      };
  private static final ImmutableMap<Character, String> SPELLED_OUT =
      ImmutableMap.<Character, String>builder()
          .put('Æ', "AE").put('æ', "AE")
          .put('Œ', "OE").put('œ', "OE")
          .put('Ø', "O").put('ø', "O")
          .put('Ł', "L").put('ł', "L")
          .put('Đ', "D").put('đ', "D")
          .put('Ð', "D").put('ð', "D")
          .put('Þ', "TH").put('þ', "TH")
          .put('ß', "SS")
          .put('ı', "I")
          .buildOrThrow();
  private static final CharMatcher NOT_A_TO_Z = CharMatcher.inRange('A', 'Z').negate();
  private static final Splitter WORDS = Splitter.on(' ').omitEmptyStrings();

  private NameNormaliser() {}

  /** The folded name: words of A-Z separated by single spaces; empty for null or no letters. */
  public static String fold(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String decomposed =
        APOSTROPHES.removeFrom(
            Normalizer.normalize(APOSTROPHES.removeFrom(raw), Normalizer.Form.NFKD));
    String unmarked = COMBINING_MARKS.removeFrom(decomposed);
    StringBuilder spelled = new StringBuilder(unmarked.length());
    for (int i = 0; i < unmarked.length(); i++) {
      char c = unmarked.charAt(i);
      String replacement = SPELLED_OUT.get(c);
      if (replacement != null) {
        spelled.append(replacement);
      } else {
        spelled.append(c);
      }
    }
    String upper = spelled.toString().toUpperCase(Locale.ROOT);
    return NOT_A_TO_Z.trimAndCollapseFrom(upper, ' ');
  }

  /** The words of {@link #fold(String)}. */
  public static ImmutableList<String> words(String raw) {
    return ImmutableList.copyOf(WORDS.split(fold(raw)));
  }
}
