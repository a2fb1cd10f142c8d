package org.sdelink.pipelines.pseudonymise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.io.RejectedRow;

class DuplicateKeysTest {
  private static RowPseudonymiser.PseudonymisedRow row(String epikey, String file, long line, String... content) {
    List<String> values = new ArrayList<>(List.of(epikey, file, Long.toString(line)));
    values.addAll(List.of(content));
    return new RowPseudonymiser.PseudonymisedRow(epikey, "E08000035", values, List.of());
  }

  private static final class Outcome implements DuplicateKeys.Decisions {
    final Map<String, Integer> kept = new TreeMap<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    @Override
    public void keep(RowPseudonymiser.PseudonymisedRow row, int copies) {
      kept.put(row.sourceFile() + ":" + row.sourceLine(), copies);
    }

    @Override
    public void reject(RejectedRow r) {
      rejected.add(r);
    }
  }

  private static Outcome decide(List<RowPseudonymiser.PseudonymisedRow> rows) {
    Outcome outcome = new Outcome();
    DuplicateKeys.decide(rows, "EPIKEY", outcome);
    return outcome;
  }

  @Test
  void uniqueKeysAreKeptAsThemselves() {
    Outcome outcome = decide(List.of(row("1", "a.csv", 2, "x"), row("2", "a.csv", 3, "x")));
    assertEquals(Map.of("a.csv:2", 1, "a.csv:3", 1), outcome.kept);
    assertTrue(outcome.rejected.isEmpty());
  }

  @Test
  void identicalCopiesAreAllKeptAndKnowTheirCopyCount() {
    Outcome outcome = decide(List.of(row("1", "a.csv", 2, "x", "y"), row("1", "b.csv", 9, "x", "y"),
        row("2", "a.csv", 3, "z")));
    assertEquals(Map.of("a.csv:2", 2, "b.csv:9", 2, "a.csv:3", 1), outcome.kept);
    assertTrue(outcome.rejected.isEmpty());
  }

  @Test
  void everyCopyOfAKeyWithDifferingContentIsRejectedNamingTheOtherCopiesButNoValue() {
    Outcome outcome = decide(List.of(row("1", "a.csv", 2, "2024-05-06"), row("2", "a.csv", 3, "z"),
        row("1", "a.csv", 10, "2024-05-07"), row("1", "a.csv", 4, "2024-05-06")));
    assertEquals(Map.of("a.csv:3", 1), outcome.kept);
    assertEquals(List.of(2L, 10L, 4L), outcome.rejected.stream().map(RejectedRow::line).toList());
    for (RejectedRow r : outcome.rejected) {
      assertEquals(DuplicateKeys.REASON, r.reason());
      assertEquals("EPIKEY", r.column());
      assertEquals("E08000035", r.laCode());
      assertTrue(r.message().startsWith("3 rows share this EPIKEY with different content (a.csv:2, a.csv:4,"
          + " a.csv:10)"), r.message());
      assertFalse(r.message().contains("2024-05-0"), "a value in the message");
    }
  }

  @Test
  void theDecisionDoesNotDependOnTheOrderOfRows() {
    List<RowPseudonymiser.PseudonymisedRow> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(row("7", "f" + (i % 3) + ".csv", 100 - i, i == 5 ? "other" : "same"));
    }
    rows.add(row("8", "f.csv", 1, "v"));
    List<String> first = null;
    for (long seed = 0; seed < 20; seed++) {
      Collections.shuffle(rows, new java.util.Random(seed));
      Outcome outcome = decide(rows);
      List<String> messages = outcome.rejected.stream()
          .map(r -> r.fileName() + ":" + r.line() + " " + r.message()).sorted().toList();
      assertEquals(Map.of("f.csv:1", 1), outcome.kept);
      assertEquals(8, messages.size());
      if (first == null) {
        first = messages;
      }
      assertEquals(first, messages);
      assertTrue(messages.get(0).contains("8 rows share") && messages.get(0).endsWith(", ...); every copy is"
          + " rejected: ask the sender which is right"), messages.get(0));
    }
  }

  @Test
  void sourceFileAndLineAreNotContent() {
    assertEquals(DuplicateKeys.contentDigest(row("1", "a.csv", 2, "x")),
        DuplicateKeys.contentDigest(row("1", "b.csv", 7, "x")));
    assertFalse(DuplicateKeys.contentDigest(row("1", "a.csv", 2, "x", "")).equals(
        DuplicateKeys.contentDigest(row("1", "a.csv", 2, "", "x"))), "values are length-prefixed");
  }
}
