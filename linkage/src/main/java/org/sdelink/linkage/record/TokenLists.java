package org.sdelink.linkage.record;

/** Exact token-list overlap on the strings, confirming a match that token hashes suggest. */
final class TokenLists {
  private TokenLists() {}

  /** Whether two token lists share a whole token. */
  static boolean shareToken(String tokensA, String tokensB) {
    int start = 0;
    while (start < tokensA.length()) {
      int end = start;
      while (end < tokensA.length() && !LinkRecord.isTokenSeparator(tokensA.charAt(end))) {
        end++;
      }
      if (end > start && containsToken(tokensB, tokensA, start, end - start)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean containsToken(String tokens, String source, int offset, int length) {
    int start = 0;
    while (start < tokens.length()) {
      int end = start;
      while (end < tokens.length() && !LinkRecord.isTokenSeparator(tokens.charAt(end))) {
        end++;
      }
      if (end - start == length && tokens.regionMatches(start, source, offset, length)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }
}
