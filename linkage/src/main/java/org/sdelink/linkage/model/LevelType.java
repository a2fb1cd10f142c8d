package org.sdelink.linkage.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of comparison level a model spec can declare (see {@code docs/linkage.md} for each one's rule). */
public enum LevelType {
  /** Every listed field is missing on one side or the other: nothing to compare; weight 0. */
  @JsonProperty("missing")
  MISSING,
  /** Every listed field is present on both sides and equal (token or text equality). */
  @JsonProperty("exact")
  EXACT,
  /** At least one of the listed fields is present on both sides and equal (e.g. Double Metaphone or Soundex). */
  @JsonProperty("phonetic")
  PHONETIC,
  /** Space-separated token lists (e.g. surname part tokens) share at least one token. */
  @JsonProperty("token_overlap")
  TOKEN_OVERLAP,
  /** Dice coefficient of two Bloom filters at or above the threshold. */
  @JsonProperty("bloom_dice")
  BLOOM_DICE,
  /** Dice coefficient of the padded character bigram sets of two plaintext values at or above the threshold. */
  @JsonProperty("bigram_dice")
  BIGRAM_DICE,
  /** Jaro-Winkler similarity of two plaintext values at or above the threshold. */
  @JsonProperty("jaro_winkler")
  JARO_WINKLER,
  /** The full dates of birth are equal. */
  @JsonProperty("dob_exact")
  DOB_EXACT,
  /** One date of birth equals the other with day and month swapped. */
  @JsonProperty("dob_swapped")
  DOB_SWAPPED,
  /** At least two of the year, month and day parts are equal. */
  @JsonProperty("dob_two_of_three")
  DOB_TWO_OF_THREE,
  /** Levenshtein edit distance (insertions, deletions, substitutions) of two values at most {@code distance}. */
  @JsonProperty("levenshtein")
  LEVENSHTEIN,
  /**
   * Damerau-Levenshtein distance (also adjacent transpositions, each one edit) at most {@code distance}: catches
   * typed dates such as 1971-06-24 against 1971-06-42.
   */
  @JsonProperty("damerau_levenshtein")
  DAMERAU_LEVENSHTEIN,
  /** Two readable dates differ by at most {@code tolerance} days, months or years ({@code unit}). */
  @JsonProperty("date_difference")
  DATE_DIFFERENCE,
  /** Two clear whole numbers (e.g. {@code birth_year}) differ by at most the tolerance. */
  @JsonProperty("year_within")
  YEAR_WITHIN,
  /** Everything else (the last level of every comparison). */
  @JsonProperty("else")
  ELSE
}
