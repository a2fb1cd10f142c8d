package org.sdelink.linkage.comparison;

import java.util.Arrays;

/**
 * Plaintext string similarities for linking files in clear: Jaro-Winkler, and the Dice coefficient of padded
 * character bigram sets (the plaintext counterpart of a CLK Bloom filter's Dice coefficient).
 */
public final class StringSimilarity {
  private static final double WINKLER_BOOST_THRESHOLD = 0.7;
  private static final double WINKLER_PREFIX_SCALE = 0.1;
  private static final int WINKLER_MAX_PREFIX = 4;

  private StringSimilarity() {}

  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4, boost above 0.7); 1 for equal strings. */
  public static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    double jaro = jaro(a, b);
    if (jaro < WINKLER_BOOST_THRESHOLD) {
      return jaro;
    }
    int prefix = 0;
    int limit = Math.min(WINKLER_MAX_PREFIX, Math.min(a.length(), b.length()));
    while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * WINKLER_PREFIX_SCALE * (1 - jaro);
  }

  /** Jaro similarity in [0, 1]. */
  public static double jaro(String a, String b) {
    int lengthA = a.length();
    int lengthB = b.length();
    if (lengthA == 0 || lengthB == 0) {
      return lengthA == lengthB ? 1 : 0;
    }
    int window = Math.max(0, Math.max(lengthA, lengthB) / 2 - 1);
    boolean[] matchedA = new boolean[lengthA];
    boolean[] matchedB = new boolean[lengthB];
    int matches = 0;
    for (int i = 0; i < lengthA; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lengthB - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < lengthA; i++) {
      if (matchedA[i]) {
        while (!matchedB[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    return (m / lengthA + m / lengthB + (m - transpositions / 2.0) / m) / 3;
  }

  /**
   * Dice coefficient of the sets of character bigrams of {@code " " + a + " "} and {@code " " + b + " "}, in
   * [0, 1]; 1 for equal strings.
   */
  public static double bigramDice(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    int[] bigramsA = bigrams(a);
    int[] bigramsB = bigrams(b);
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < bigramsA.length && j < bigramsB.length) {
      if (bigramsA[i] == bigramsB[j]) {
        common++;
        i++;
        j++;
      } else if (bigramsA[i] < bigramsB[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (bigramsA.length + bigramsB.length);
  }

  /** The distinct padded bigrams of {@code s}, each packed into an int, sorted. */
  private static int[] bigrams(String s) {
    int n = s.length() + 1;
    int[] bigrams = new int[n];
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char current = i < s.length() ? s.charAt(i) : ' ';
      bigrams[i] = (previous << 16) | current;
      previous = current;
    }
    Arrays.sort(bigrams);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || bigrams[i] != bigrams[i - 1]) {
        bigrams[distinct++] = bigrams[i];
      }
    }
    return Arrays.copyOf(bigrams, distinct);
  }

  /**
   * A lower bound of the Levenshtein and Damerau-Levenshtein distances, cheap to compute: the larger of the numbers
   * of characters of {@code a} not matched by a character of {@code b} and of {@code b} not matched in {@code a}
   * (as multisets). Each edit changes at most one unmatched character on each side (a transposition none), so
   * two strings further apart than a bound are rejected without the quadratic comparison.
   */
  public static int characterDifference(String a, String b) {
    int[] counts = new int[128];
    int onlyA = 0;
    int onlyB = 0;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        return 0; // outside ASCII: no bound (the full comparison decides)
      }
    }
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 128) {
        return 0;
      }
      if (counts[c] > 0) {
        counts[c]--;
      } else {
        onlyB++;
      }
    }
    for (int count : counts) {
      onlyA += count;
    }
    return Math.max(onlyA, onlyB);
  }

  /**
   * An upper bound of the Jaro similarity: with {@code c} characters common to both strings (as multisets), Jaro is
   * at most {@code (c/|a| + c/|b| + 1) / 3}, since its matches are common characters within a window.
   */
  public static double jaroUpperBound(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.length() == b.length() ? 1 : 0;
    }
    int difference = characterDifferenceOfA(a, b);
    if (difference < 0) {
      return 1;
    }
    double common = a.length() - difference;
    return (common / a.length() + common / b.length() + 1) / 3;
  }

  /** The characters of {@code a} not matched in {@code b} (multisets); -1 outside ASCII. */
  private static int characterDifferenceOfA(String a, String b) {
    int[] counts = new int[128];
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 128) {
        return -1;
      }
      counts[c]++;
    }
    int onlyA = 0;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c >= 128) {
        return -1;
      }
      if (counts[c] > 0) {
        counts[c]--;
      } else {
        onlyA++;
      }
    }
    return onlyA;
  }
}
