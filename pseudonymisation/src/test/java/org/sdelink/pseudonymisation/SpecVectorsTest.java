package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.io.BaseEncoding;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdelink.pseudonymisation.bloom.BloomEncoder;
import org.sdelink.pseudonymisation.keys.KeyDerivation;
import org.sdelink.pseudonymisation.keys.MasterKey;
import org.sdelink.pseudonymisation.tokens.TokenDeriver;

/** The test vectors of docs/pseudonymisation.md, section 9, against the code. */
class SpecVectorsTest {
  private static final SpecDocument SPEC = SpecDocument.load();
  private static final MasterKey KEY =
      MasterKey.of("k20260101-1", BaseEncoding.base16().lowerCase().decode(SpecDocument.unquote(SPEC.block("master-key"))));
  private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 27);

  @Test
  void derivedKeys() {
    for (List<String> row : SPEC.table("derived-keys")) {
      assertEquals(row.get(1), BaseEncoding.base16().lowerCase().encode(KeyDerivation.deriveKey(KEY, row.get(0))), row.get(0));
    }
  }

  @Test
  void tokensAndLevel2Pseudonyms() {
    List<List<String>> rows = SPEC.table("tokens");
    for (List<String> row : rows) {
      String purpose = row.get(0);
      assertEquals(row.get(2), TokenDeriver.create(KEY, purpose).token(row.get(1)), purpose + " " + row.get(1));
      if (purpose.startsWith("project/")) {
        String projectId = purpose.substring("project/".length());
        assertEquals(row.get(2), Level2Pseudonymiser.create(KEY, projectId).pseudonym(row.get(1)));
      }
    }
    assertEquals(23, rows.size());
  }

  @Test
  void bloomPositionsAndEncodings() {
    for (List<String> row : SPEC.table("bloom-positions")) {
      int[] expected = Arrays.stream(row.get(2).split(" ")).mapToInt(Integer::parseInt).toArray();
      assertArrayEquals(expected, BloomEncoder.create(KEY, row.get(0)).positions(row.get(1)), row.get(1));
    }
    for (List<String> row : SPEC.table("bloom")) {
      assertEquals(row.get(2), BloomEncoder.create(KEY, row.get(0)).encode(row.get(1)), row.get(1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"row-1", "row-2"})
  void wholeRows(String name) {
    Map<String, String> input = new HashMap<>();
    for (List<String> row : SPEC.table(name + "-input")) {
      input.put(row.get(0), row.get(1));
    }
    RawIdentity raw =
        new RawIdentity(input.get("nhsNumber"), input.get("givenName"), input.get("familyName"),
            input.get("dateOfBirth"), input.get("postcode"), input.get("sex"));
    PseudonymisedIdentity out = IdentityPseudonymiser.create(KEY, REFERENCE).pseudonymise(raw);
    List<List<String>> expected = SPEC.table(name);
    assertEquals(IdentityColumns.ALL, expected.stream().map(row -> row.get(0)).toList(), "columns of " + name);
    for (List<String> row : expected) {
      assertEquals(row.get(2), out.value(row.get(0)), name + " " + row.get(0));
    }
  }
}
