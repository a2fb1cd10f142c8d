package org.sdelink.policies.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only attacker: works out suppressed cells of a protected count table by subtraction from row and column
 * totals, over and over (a cell found in one step can reveal another in the next), and lists every suppressed cell
 * it recovers. Independent of the production solver: it only knows that rows and columns add up to their totals.
 */
final class RecoveryBySubtraction {
  private RecoveryBySubtraction() {}

  static List<String> recoverableCells(ProtectedCountTable table) {
    int rows = table.table().rows();
    int columns = table.table().columns();
    boolean[][] known = new boolean[rows + 1][columns + 1];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        known[r][c] = !table.published(r, c).equals("*");
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r <= rows; r++) {
        changed |= solveLine(known, r, -1, rows, columns);
      }
      for (int c = 0; c <= columns; c++) {
        changed |= solveLine(known, -1, c, rows, columns);
      }
    }
    List<String> recovered = new ArrayList<>();
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        if (known[r][c] && table.published(r, c).equals("*")) {
          recovered.add(label(r, rows) + "/" + labelColumn(c, columns));
        }
      }
    }
    return recovered;
  }

  /** A row (column = -1) or column (row = -1) including its total: with one unknown cell, that cell is known. */
  private static boolean solveLine(boolean[][] known, int row, int column, int rows, int columns) {
    int unknown = 0;
    int at = -1;
    int length = row >= 0 ? columns + 1 : rows + 1;
    for (int i = 0; i < length; i++) {
      boolean isKnown = row >= 0 ? known[row][i] : known[i][column];
      if (!isKnown) {
        unknown++;
        at = i;
      }
    }
    if (unknown != 1) {
      return false;
    }
    if (row >= 0) {
      known[row][at] = true;
    } else {
      known[at][column] = true;
    }
    return true;
  }

  private static String label(int r, int rows) {
    return r == rows ? "All" : "r" + r;
  }

  private static String labelColumn(int c, int columns) {
    return c == columns ? "All" : "c" + c;
  }
}
