package org.sdelink.pipelines.pseudonymise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.io.RejectedRow;

class DuplicateKeysTest {
  private static RowPseudonymiser.PseudonymisedRow row(String epikey, String file, long line, String... content) {
    List<String> values = new ArrayList<>(List.of(epikey, file, Long.toString(line)));
    values.addAll(List.of(content));
    return new RowPseudonymiser.PseudonymisedRow(epikey, "E08000035", values, List.of());
  }

  /** Decides rows the way the stage does, through an iterable that can be read only once (as on Flink). */
  private static DuplicateKeys.Decision decide(List<RowPseudonymiser.PseudonymisedRow> rows) {
    List<DuplicateKeys.Copy> copies = rows.stream().map(DuplicateKeys::copyOf).toList();
    boolean[] read = new boolean[1];
    Iterable<DuplicateKeys.Copy> once = () -> {
      assertFalse(read[0], "the copies were read twice");
      read[0] = true;
      return copies.iterator();
    };
    return DuplicateKeys.decide(once, "EPIKEY");
  }

  @Test
  void uniqueKeysAreKeptAsThemselves() {
    DuplicateKeys.Decision decision = decide(List.of(row("1", "a.csv", 2, "x"), row("2", "a.csv", 3, "x")));
    assertTrue(decision.conflicts().isEmpty());
    assertTrue(decision.repeatedRowsPerFile().isEmpty());
  }

  @Test
  void identicalCopiesAreKeptAndCountedPerFile() {
    DuplicateKeys.Decision decision = decide(List.of(row("1", "a.csv", 2, "x", "y"), row("1", "b.csv", 9, "x", "y"),
        row("1", "a.csv", 7, "x", "y"), row("2", "a.csv", 3, "z")));
    assertTrue(decision.conflicts().isEmpty());
    assertEquals(Map.of("a.csv", 2L, "b.csv", 1L), decision.repeatedRowsPerFile());
  }

  @Test
  void aKeyWhoseCopiesDifferIsConflictingAndTheMessageNamesTheCopiesButNoValue() {
    DuplicateKeys.Decision decision = decide(List.of(row("1", "a.csv", 2, "2024-05-06"), row("2", "a.csv", 3, "z"),
        row("1", "a.csv", 10, "2024-05-07"), row("1", "a.csv", 4, "2024-05-06")));
    assertEquals(List.of("1"), List.copyOf(decision.conflicts().keySet()));
    String message = decision.conflicts().get("1");
    assertTrue(message.startsWith("3 rows share this EPIKEY with different content (a.csv:2, a.csv:4, a.csv:10)"),
        message);
    assertFalse(message.contains("2024-05-0"), "a value in the message");
    assertTrue(decision.repeatedRowsPerFile().isEmpty(), "conflicting copies are not counted as repeated");

    RejectedRow reject = DuplicateKeys.reject(row("1", "a.csv", 10, "2024-05-07"), "EPIKEY", message);
    assertEquals(DuplicateKeys.REASON, reject.reason());
    assertEquals("EPIKEY", reject.column());
    assertEquals(10L, reject.line());
    assertEquals("E08000035", reject.laCode());
  }

  @Test
  void theDecisionDoesNotDependOnTheOrderOfRows() {
    List<RowPseudonymiser.PseudonymisedRow> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(row("7", "f" + (i % 3) + ".csv", 100 - i, i == 5 ? "other" : "same"));
    }
    rows.add(row("8", "f.csv", 1, "v"));
    rows.add(row("8", "g.csv", 1, "v"));
    DuplicateKeys.Decision first = null;
    for (long seed = 0; seed < 20; seed++) {
      Collections.shuffle(rows, new java.util.Random(seed));
      DuplicateKeys.Decision decision = decide(rows);
      if (first == null) {
        first = decision;
      }
      assertEquals(first, decision);
    }
    assertTrue(first.conflicts().get("7").startsWith("8 rows share"), first.conflicts().get("7"));
    assertTrue(first.conflicts().get("7").contains(", ...); every copy is rejected"), first.conflicts().get("7"));
    assertEquals(Map.of("f.csv", 1L, "g.csv", 1L), first.repeatedRowsPerFile());
  }

  @Test
  void sourceFileAndLineAreNotContent() {
    assertEquals(DuplicateKeys.contentDigest(row("1", "a.csv", 2, "x")),
        DuplicateKeys.contentDigest(row("1", "b.csv", 7, "x")));
    assertNotEquals(DuplicateKeys.contentDigest(row("1", "a.csv", 2, "x", "")),
        DuplicateKeys.contentDigest(row("1", "a.csv", 2, "", "x")), "values are length-prefixed");
  }
}
