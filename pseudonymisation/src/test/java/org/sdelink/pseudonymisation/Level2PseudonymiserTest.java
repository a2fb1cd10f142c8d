package org.sdelink.pseudonymisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.keys.MasterKey;

class Level2PseudonymiserTest {
  private static final MasterKey KEY = MasterKey.of("k20260101-1", new byte[32]);
  private final Level2Pseudonymiser alpha = Level2Pseudonymiser.create(KEY, "alpha");
  private final Level2Pseudonymiser beta = Level2Pseudonymiser.create(KEY, "beta");

  @Property(tries = 50)
  void twoProjectsShareNoPseudonym(@ForAll @Size(min = 1, max = 200) List<@NotEmpty String> level1Tokens) {
    Set<String> alphaValues = new HashSet<>();
    Set<String> betaValues = new HashSet<>();
    for (String token : level1Tokens) {
      alphaValues.add(alpha.pseudonym(token));
      betaValues.add(beta.pseudonym(token));
    }
    Set<String> shared = new HashSet<>(alphaValues);
    shared.retainAll(betaValues);
    assertTrue(shared.isEmpty(), "projects share " + shared.size() + " pseudonyms");
    assertEquals(new HashSet<>(level1Tokens).size(), alphaValues.size());
  }

  @Property
  void pseudonymIsStableAndNeverTheLevel1Token(@ForAll @NotEmpty String level1Token) {
    String pseudonym = alpha.pseudonym(level1Token);
    assertEquals(pseudonym, Level2Pseudonymiser.create(KEY, "alpha").pseudonym(level1Token));
    assertNotEquals(level1Token, pseudonym);
  }

  @Test
  void projectIdsAreChecked() {
    assertEquals("alpha", alpha.projectId());
    assertEquals("k20260101-1", alpha.keyId());
    assertThrows(IllegalArgumentException.class, () -> Level2Pseudonymiser.create(KEY, ""));
    assertThrows(IllegalArgumentException.class, () -> Level2Pseudonymiser.create(KEY, "a/b"));
    assertThrows(IllegalArgumentException.class, () -> Level2Pseudonymiser.create(KEY, "with space"));
    assertThrows(IllegalArgumentException.class, () -> alpha.pseudonym(""));
  }
}
