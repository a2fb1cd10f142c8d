package org.sdelink.policies.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only attacker on the published summary table: within each metric, the groups of every breakdown add up to
 * the metric's total (plus a never-published remainder when a breakdown leaves people out); it repeatedly solves any
 * such line with exactly one unknown cell and lists every suppressed cell it recovers. Independent of the production
 * solver.
 */
final class SummaryRecoveryBySubtraction {
  private SummaryRecoveryBySubtraction() {}

  static List<String> recoverableCells(List<SummaryRow> rows, ProtectedSummaryTable table) {
    List<String> recovered = new ArrayList<>();
    for (int column = 0; column < 2; column++) {
      // Unknowns: suppressed cells, plus one remainder per breakdown whose groups do not cover the total.
      Map<String, Integer> totalRow = new LinkedHashMap<>();
      Map<String, List<Integer>> lines = new LinkedHashMap<>();
      for (int r = 0; r < rows.size(); r++) {
        SummaryRow row = rows.get(r);
        if (row.isTotal()) {
          totalRow.put(row.metric(), r);
        } else {
          lines.computeIfAbsent(row.metric() + "\u0000" + row.breakdown(), k -> new ArrayList<>()).add(r);
        }
      }
      boolean[] known = new boolean[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        PublishedSummaryRow out = table.rows().get(r);
        known[r] = !(column == 0 ? out.numerator() : out.denominator()).equals("*");
      }
      List<int[]> lineCells = new ArrayList<>();
      List<Boolean> hasRemainder = new ArrayList<>();
      List<Long> remainders = new ArrayList<>();
      List<String> lineNames = new ArrayList<>();
      for (Map.Entry<String, List<Integer>> line : lines.entrySet()) {
        String metric = line.getKey().substring(0, line.getKey().indexOf('\u0000'));
        int total = totalRow.get(metric);
        long sum = 0;
        for (int r : line.getValue()) {
          sum += column == 0 ? rows.get(r).numerator() : rows.get(r).denominator();
        }
        long totalValue = column == 0 ? rows.get(total).numerator() : rows.get(total).denominator();
        int[] cells = new int[line.getValue().size() + 1];
        for (int i = 0; i < line.getValue().size(); i++) {
          cells[i] = line.getValue().get(i);
        }
        cells[cells.length - 1] = total;
        lineCells.add(cells);
        hasRemainder.add(sum != totalValue);
        remainders.add(totalValue - sum);
        lineNames.add(line.getKey().replace('\u0000', '/'));
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int l = 0; l < lineCells.size(); l++) {
          if (hasRemainder.get(l)) {
            continue; // an unpublished remainder is always unknown, so this line has one more unknown
          }
          int unknown = 0;
          int at = -1;
          for (int cell : lineCells.get(l)) {
            if (!known[cell]) {
              unknown++;
              at = cell;
            }
          }
          if (unknown == 1) {
            known[at] = true;
            changed = true;
          }
        }
      }
      for (int l = 0; l < lineCells.size(); l++) {
        boolean allKnown = true;
        for (int cell : lineCells.get(l)) {
          allKnown &= known[cell];
        }
        long remainder = remainders.get(l);
        if (hasRemainder.get(l) && allKnown && remainder >= 1 && remainder <= 7) {
          recovered.add(lineNames.get(l) + "/remainder" + (column == 0 ? "/num" : "/den"));
        }
      }
      for (int r = 0; r < rows.size(); r++) {
        PublishedSummaryRow out = table.rows().get(r);
        boolean suppressed = (column == 0 ? out.numerator() : out.denominator()).equals("*");
        if (known[r] && suppressed) {
          recovered.add(out.metric() + "/" + out.breakdown() + "/" + out.group() + (column == 0 ? "/num" : "/den"));
        }
      }
    }
    return recovered;
  }
}
