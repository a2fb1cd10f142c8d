package org.sdelink.linkage.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Ascii;
import org.jspecify.annotations.Nullable;

/**
 * A transformation of a field's text on read ({@code transform} in a model spec), so that comparisons, blocking
 * rules and term frequencies can work on a derived value, as Splink's column expressions do: e.g. the user part of
 * an e-mail address, compared exactly with {@code tf_adjust}, or a lower-cased name. Together with {@code prefix}
 * (the first N characters, Splink's {@code substr(col, 1, N)}) it declares derived fields for blocking.
 */
public enum FieldTransform {
  /** Lower case (ASCII). */
  @JsonProperty("lowercase")
  LOWERCASE {
    @Override
    @Nullable String apply(String value) {
      return Ascii.toLowerCase(value);
    }
  },
  /** Upper case (ASCII). */
  @JsonProperty("uppercase")
  UPPERCASE {
    @Override
    @Nullable String apply(String value) {
      return Ascii.toUpperCase(value);
    }
  },
  /** The part of an e-mail address before the last {@code @}; missing if there is no {@code @} or it is empty. */
  @JsonProperty("email_user")
  EMAIL_USER {
    @Override
    @Nullable String apply(String value) {
      int at = value.lastIndexOf('@');
      return at <= 0 ? null : value.substring(0, at);
    }
  },
  /** The part of an e-mail address after the last {@code @}; missing if there is none. */
  @JsonProperty("email_domain")
  EMAIL_DOMAIN {
    @Override
    @Nullable String apply(String value) {
      int at = value.lastIndexOf('@');
      return at < 0 || at == value.length() - 1 ? null : value.substring(at + 1);
    }
  },
  /** The first word (up to the first space), e.g. a postcode's district (outward code) {@code LS1 4AP -> LS1}. */
  @JsonProperty("first_word")
  FIRST_WORD {
    @Override
    @Nullable String apply(String value) {
      int space = value.indexOf(' ');
      return space < 0 ? value : value.substring(0, space);
    }
  },
  /**
   * A UK postcode's sector: the outward code and the first character of the inward code ({@code LS1 4AP -> LS1
   * 4}); missing when the value has no inward code of three characters.
   */
  @JsonProperty("postcode_sector")
  POSTCODE_SECTOR {
    @Override
    @Nullable String apply(String value) {
      int space = value.lastIndexOf(' ');
      return space <= 0 || value.length() - space - 1 != 3 ? null : value.substring(0, space + 2);
    }
  },
  /** Letters and digits only (spaces, hyphens and punctuation removed). */
  @JsonProperty("alphanumeric")
  ALPHANUMERIC {
    @Override
    @Nullable String apply(String value) {
      StringBuilder kept = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          kept.append(c);
        }
      }
      return kept.toString();
    }
  };

  /** The transformed value (may be empty or null: the field is then missing). */
  abstract @Nullable String apply(String value);
}
