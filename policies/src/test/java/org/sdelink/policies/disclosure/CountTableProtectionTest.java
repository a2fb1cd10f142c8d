package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountTableProtectionTest {
  private static final SmallNumberRule HES = SmallNumberRule.hes();

  private static CountTable table(long[][] cells) {
    List<String> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (int r = 0; r < cells.length; r++) {
      rows.add("r" + r);
    }
    for (int c = 0; c < cells[0].length; c++) {
      columns.add("c" + c);
    }
    return CountTable.of(rows, columns, cells);
  }

  /** A random table whose cells are often small or zero, so suppression patterns vary. */
  static long[][] randomCells(Random random) {
    int rows = 1 + random.nextInt(6);
    int columns = 1 + random.nextInt(6);
    long[][] cells = new long[rows][columns];
    for (long[] row : cells) {
      for (int c = 0; c < columns; c++) {
        double p = random.nextDouble();
        row[c] = p < 0.3 ? 1 + random.nextInt(7) : p < 0.45 ? 0 : 8 + random.nextInt(60);
      }
    }
    return cells;
  }

  @Test
  void smallCellAloneInItsRowAndColumnTakesAPartnerInEach() {
    ProtectedCountTable table = table(new long[][] {{3, 20, 30}, {40, 50, 60}}).protect(HES);
    assertEquals(CellStatus.PRIMARY, table.status(0, 0));
    assertEquals("*", table.published(0, 0));
    assertEquals(1, table.count(CellStatus.PRIMARY));
    assertTrue(table.count(CellStatus.SECONDARY) >= 3, "a partner in the row, the column and the opposite corner");
    assertTrue(RecoveryBySubtraction.recoverableCells(table).isEmpty());
    assertEquals("205", table.published(2, 3), "the grand total of 203 is shown rounded");
  }

  @Test
  void tableWithoutSmallCountsIsOnlyRounded() {
    ProtectedCountTable table = table(new long[][] {{8, 12}, {13, 0}}).protect(HES);
    assertEquals(0, table.count(CellStatus.PRIMARY) + table.count(CellStatus.SECONDARY));
    assertEquals("10", table.published(0, 0));
    assertEquals("10", table.published(0, 1));
    assertEquals("15", table.published(1, 0));
    assertEquals("0", table.published(1, 1));
    assertEquals("20", table.published(0, 2));
    assertEquals("35", table.published(2, 2));
  }

  @Test
  void noSmallCountIsShownAndNoSuppressedCellIsRecoverableOnRandomTables() {
    Random random = new Random(20250331L);
    int tablesWithSecondary = 0;
    for (int i = 0; i < 1500; i++) {
      long[][] cells = randomCells(random);
      ProtectedCountTable table = table(cells).protect(HES);
      CountTable raw = table.table();
      for (int r = 0; r <= raw.rows(); r++) {
        for (int c = 0; c <= raw.columns(); c++) {
          long truth = r < raw.rows() && c < raw.columns() ? raw.cell(r, c)
              : r < raw.rows() ? raw.rowTotal(r) : c < raw.columns() ? raw.columnTotal(c) : raw.grandTotal();
          String shown = table.published(r, c);
          if (shown.equals("*")) {
            assertTrue(table.status(r, c).isUnknown());
          } else {
            assertFalse(HES.isSmall(truth), "a count of 1-7 is shown");
            long value = Long.parseLong(shown);
            assertEquals(0, value % 5, "shown counts are multiples of 5");
            assertTrue(Math.abs(value - truth) <= 2, "rounded to the nearest 5");
          }
        }
      }
      List<String> recovered = RecoveryBySubtraction.recoverableCells(table);
      int tableNumber = i;
      assertTrue(recovered.isEmpty(), () -> "table " + tableNumber + ": recoverable " + recovered);
      tablesWithSecondary += table.count(CellStatus.SECONDARY) > 0 ? 1 : 0;
    }
    assertTrue(tablesWithSecondary > 300, "the generator exercises secondary suppression: " + tablesWithSecondary);
  }

  @Test
  void checkerFindsACellLeftAloneInItsRow() {
    long[][] cells = {{3, 20, 30}, {40, 50, 60}};
    CountTable raw = table(cells);
    CellStatus[] onlyPrimary = new CellStatus[12];
    java.util.Arrays.fill(onlyPrimary, CellStatus.PUBLISHED);
    onlyPrimary[0] = CellStatus.PRIMARY;
    long[] values = new long[12];
    ProtectedCountTable naive = new ProtectedCountTable(raw, HES, values, onlyPrimary);
    assertEquals(List.of("r0/c0"), RecoveryBySubtraction.recoverableCells(naive));
  }
}
