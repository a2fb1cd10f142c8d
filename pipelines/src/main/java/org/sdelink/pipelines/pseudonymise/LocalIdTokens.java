package org.sdelink.pipelines.pseudonymise;

import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;

/**
 * Tokens of council-local person ids (LA_Person_Unique_Identifier and the linked-adult ids) under their own derived
 * key, purpose {@code link/la_person_id}. The council code is part of the tokenised value, so equal local ids of two
 * councils never share a token.
 */
public final class LocalIdTokens implements RowPseudonymiser.LocalIdTokeniser {
  private static final long serialVersionUID = 1L;
  public static final String PURPOSE = "link/la_person_id";

  private final TokenDeriver tokens;

  private LocalIdTokens(TokenDeriver tokens) {
    this.tokens = tokens;
  }

  public static LocalIdTokens create(MasterKey key) {
    return new LocalIdTokens(TokenDeriver.create(key, PURPOSE));
  }

  @Override
  public String token(String laCode, String localId) {
    return localId.isEmpty() ? "" : tokens.token(laCode + ":" + localId);
  }
}
