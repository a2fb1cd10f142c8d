package org.sdelink.pseudonymisation.names;

import static com.google.common.base.Preconditions.checkNotNull;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;

/**
 * Phonetic codes of a normalised name (Apache Commons Codec), tokenised so that names that sound alike
 * (SMITH, SMYTHE) can match without revealing either. Both encoders are stateless after construction and
 * safe to share between threads.
 */
public final class PhoneticCodes {
  /** Primary Double Metaphone code, default maximum length 4. */
  private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();

  private PhoneticCodes() {}

  /** The primary Double Metaphone code, e.g. SMITH gives SM0; may be empty (e.g. for "H"). */
  public static String doubleMetaphone(String normalisedName) {
    checkNotNull(normalisedName, "normalisedName");
    String code = DOUBLE_METAPHONE.doubleMetaphone(normalisedName);
    return code == null ? "" : code;
  }

  /** The American Soundex code, e.g. ROBERT gives R163; empty when there is no letter. */
  public static String soundex(String normalisedName) {
    checkNotNull(normalisedName, "normalisedName");
    String code = Soundex.US_ENGLISH.soundex(normalisedName);
    return code == null ? "" : code;
  }
}
