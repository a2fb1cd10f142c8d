package org.sdelink.pipelines.pseudonymise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** The council-local id tokeniser: a token never equals its input, and councils never share a token. */
class LocalIdTokensTest {
  private static final LocalIdTokens TOKENS = LocalIdTokens.create(MasterKey.of("k20260101-1", new byte[32]));

  @Property(tries = 500)
  void aTokenNeverEqualsTheLocalIdAndCouncilsDoNotShareTokens(
      @ForAll @NotEmpty @StringLength(max = 20) @AlphaChars @NumericChars String localId) {
    String leeds = TOKENS.token("E08000035", localId);
    assertTrue(leeds.matches("[A-Za-z0-9_-]{22}"), leeds);
    assertNotEquals(localId, leeds);
    assertFalse(leeds.contains(localId) && localId.length() >= 6, "the token contains the local id");
    assertNotEquals(leeds, TOKENS.token("E09000002", localId), "two councils share a token");
    assertEquals(leeds, TOKENS.token("E08000035", localId), "deterministic");
  }

  @Property(tries = 50)
  void aBlankLocalIdHasNoToken(@ForAll @StringLength(max = 10) @AlphaChars String council) {
    assertEquals("", TOKENS.token(council, ""));
  }
}
