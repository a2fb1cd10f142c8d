package org.sdelink.policies.disclosure;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Primary and secondary suppression over a set of count cells tied together by additive constraints (each a set of
 * cells with coefficients +1/-1 summing to zero, e.g. the groups of a breakdown minus their total). After primary
 * suppression of small counts it suppresses further cells until no unknown cell that must stay unknown (suppressed,
 * or hidden and small) can be worked out exactly from the published cells by any combination of the constraints,
 * which covers subtraction from a row or column total and chains of such subtractions.
 *
 * <p>Determinability is decided by Gaussian elimination over the integers modulo a large prime; working modulo a
 * prime can only find more cells determinable than over the rationals, so the check errs towards suppressing more.
 */
final class SuppressionSolver {
  private static final long PRIME = 2_147_483_647L;

  private final long[] values;
  private final CellStatus[] status;
  private final List<int[]> constraintCells = new ArrayList<>();
  private final List<int[]> constraintSigns = new ArrayList<>();

  /** Cells with their true values; {@code hidden[i]} marks cells that are never published. */
  SuppressionSolver(long[] values, boolean[] hidden) {
    checkArgument(values.length == hidden.length, "values and hidden differ in length");
    this.values = values.clone();
    this.status = new CellStatus[values.length];
    for (int i = 0; i < values.length; i++) {
      checkArgument(values[i] >= 0, "counts cannot be negative");
      status[i] = hidden[i] ? CellStatus.HIDDEN : CellStatus.PUBLISHED;
    }
  }

  /** Adds the constraint sum(signs[j] * cell[cells[j]]) = 0. */
  void addConstraint(int[] cells, int[] signs) {
    checkArgument(cells.length == signs.length && cells.length >= 2, "a constraint needs two or more cells");
    long sum = 0;
    for (int j = 0; j < cells.length; j++) {
      checkArgument(signs[j] == 1 || signs[j] == -1, "signs must be +1 or -1");
      sum += signs[j] * values[cells[j]];
    }
    checkArgument(sum == 0, "the counts do not add up to their totals");
    constraintCells.add(cells.clone());
    constraintSigns.add(signs.clone());
  }

  /** Adds the constraint that {@code parts} add up to {@code total}. */
  void addSum(int[] parts, int total) {
    int[] cells = Arrays.copyOf(parts, parts.length + 1);
    cells[parts.length] = total;
    int[] signs = new int[cells.length];
    Arrays.fill(signs, 1);
    signs[parts.length] = -1;
    addConstraint(cells, signs);
  }

  /** Runs the rule and returns each cell's status. */
  CellStatus[] solve(SmallNumberRule rule) {
    for (int i = 0; i < values.length; i++) {
      if (status[i] == CellStatus.PUBLISHED && rule.isSmall(values[i])) {
        status[i] = CellStatus.PRIMARY;
      }
    }
    while (true) {
      int exposed = firstExposedCell(rule);
      if (exposed < 0) {
        return status.clone();
      }
      int chosen = secondaryCandidate(exposed);
      checkArgument(chosen >= 0, "no cell left to suppress");
      status[chosen] = CellStatus.SECONDARY;
    }
  }

  private boolean mustStayUnknown(int cell, SmallNumberRule rule) {
    return status[cell] == CellStatus.PRIMARY || status[cell] == CellStatus.SECONDARY
        || (status[cell] == CellStatus.HIDDEN && rule.isSmall(values[cell]));
  }

  /** The lowest-numbered cell that must stay unknown but can be worked out, or -1. */
  private int firstExposedCell(SmallNumberRule rule) {
    int[] unknownIndex = new int[values.length];
    List<Integer> unknowns = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      unknownIndex[i] = status[i].isUnknown() ? unknowns.size() : -1;
      if (status[i].isUnknown()) {
        unknowns.add(i);
      }
    }
    if (unknowns.isEmpty()) {
      return -1;
    }
    List<long[]> rows = new ArrayList<>();
    for (int c = 0; c < constraintCells.size(); c++) {
      long[] row = null;
      int[] cells = constraintCells.get(c);
      int[] signs = constraintSigns.get(c);
      for (int j = 0; j < cells.length; j++) {
        int u = unknownIndex[cells[j]];
        if (u >= 0) {
          if (row == null) {
            row = new long[unknowns.size()];
          }
          row[u] = Math.floorMod(row[u] + signs[j], PRIME);
        }
      }
      if (row != null) {
        rows.add(row);
      }
    }
    boolean[] determinable = determinableColumns(rows, unknowns.size());
    for (int u = 0; u < unknowns.size(); u++) {
      if (determinable[u] && mustStayUnknown(unknowns.get(u), rule)) {
        return unknowns.get(u);
      }
    }
    return -1;
  }

  /** Columns x_u for which the unit vector e_u lies in the row space: exactly the solvable unknowns. */
  private static boolean[] determinableColumns(List<long[]> rows, int columns) {
    long[][] m = rows.toArray(new long[0][]);
    int rank = 0;
    int[] pivotColumn = new int[m.length];
    for (int col = 0; col < columns && rank < m.length; col++) {
      int pivot = -1;
      for (int r = rank; r < m.length; r++) {
        if (m[r][col] != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] tmp = m[pivot];
      m[pivot] = m[rank];
      m[rank] = tmp;
      long inverse = modPow(m[rank][col], PRIME - 2);
      for (int j = col; j < columns; j++) {
        m[rank][j] = m[rank][j] * inverse % PRIME;
      }
      for (int r = 0; r < m.length; r++) {
        if (r != rank && m[r][col] != 0) {
          long factor = m[r][col];
          for (int j = col; j < columns; j++) {
            if (m[rank][j] != 0) {
              m[r][j] = Math.floorMod(m[r][j] - factor * m[rank][j] % PRIME, PRIME);
            }
          }
        }
      }
      pivotColumn[rank] = col;
      rank++;
    }
    boolean[] determinable = new boolean[columns];
    for (int r = 0; r < rank; r++) {
      int nonZero = 0;
      for (int j = 0; j < columns && nonZero < 2; j++) {
        if (m[r][j] != 0) {
          nonZero++;
        }
      }
      if (nonZero == 1) {
        determinable[pivotColumn[r]] = true;
      }
    }
    return determinable;
  }

  private static long modPow(long base, long exponent) {
    long result = 1;
    long b = Math.floorMod(base, PRIME);
    long e = exponent;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * b % PRIME;
      }
      b = b * b % PRIME;
      e >>= 1;
    }
    return result;
  }

  /**
   * The published cell to suppress next to protect {@code exposed}: the smallest non-zero published cell in a
   * constraint with it (a zero only when nothing else is left), else the smallest anywhere in its connected
   * constraints; lowest index breaks ties.
   */
  private int secondaryCandidate(int exposed) {
    boolean[] inComponent = new boolean[values.length];
    boolean[] usedConstraint = new boolean[constraintCells.size()];
    List<Integer> frontier = new ArrayList<>(List.of(exposed));
    inComponent[exposed] = true;
    while (!frontier.isEmpty()) {
      int best = -1;
      List<Integer> next = new ArrayList<>();
      for (int c = 0; c < constraintCells.size(); c++) {
        if (usedConstraint[c] || !touches(constraintCells.get(c), frontier)) {
          continue;
        }
        usedConstraint[c] = true;
        for (int cell : constraintCells.get(c)) {
          if (status[cell] == CellStatus.PUBLISHED) {
            best = better(best, cell);
          }
          if (!inComponent[cell]) {
            inComponent[cell] = true;
            next.add(cell);
          }
        }
      }
      if (best >= 0) {
        return best;
      }
      frontier = next;
    }
    return -1;
  }

  private static boolean touches(int[] cells, List<Integer> frontier) {
    for (int cell : cells) {
      if (frontier.contains(cell)) {
        return true;
      }
    }
    return false;
  }

  private int better(int current, int candidate) {
    if (current < 0) {
      return candidate;
    }
    boolean currentZero = values[current] == 0;
    boolean candidateZero = values[candidate] == 0;
    if (currentZero != candidateZero) {
      return currentZero ? candidate : current;
    }
    if (values[candidate] != values[current]) {
      return values[candidate] < values[current] ? candidate : current;
    }
    return Math.min(candidate, current);
  }
}
