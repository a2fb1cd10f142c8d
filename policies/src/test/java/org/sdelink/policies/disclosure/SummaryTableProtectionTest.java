package org.sdelink.policies.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryTableProtectionTest {
  private static final SmallNumberRule HES = SmallNumberRule.hes();

  private static PublishedSummaryRow row(ProtectedSummaryTable table, String breakdown, String group) {
    return table.rows().stream().filter(r -> r.breakdown().equals(breakdown) && r.group().equals(group))
        .findFirst().orElseThrow();
  }

  @Test
  void smallGroupIsHiddenWithAPartnerAndTheRateWorkedOutFromRoundedCounts() {
    List<SummaryRow> rows = List.of(
        SummaryRow.proportion("reablement_after_discharge", "all", "all", 61, 203),
        SummaryRow.proportion("reablement_after_discharge", "sex", "1", 3, 20),
        SummaryRow.proportion("reablement_after_discharge", "sex", "2", 28, 90),
        SummaryRow.proportion("reablement_after_discharge", "sex", "unknown", 30, 93),
        SummaryRow.statistic("median_days_discharge_to_service", "all", "all", 40, 203, 4.5));
    ProtectedSummaryTable table = SummaryTableProtection.protect(rows, HES);
    PublishedSummaryRow small = row(table, "sex", "1");
    assertEquals("*", small.numerator());
    assertEquals(CellStatus.PRIMARY, small.numeratorStatus());
    assertEquals("20", small.denominator());
    assertEquals("", small.value(), "no rate from a hidden count");
    assertEquals(CellStatus.SECONDARY, row(table, "sex", "2").numeratorStatus(), "next smallest group");
    PublishedSummaryRow total = row(table, "all", "all");
    assertEquals("60", total.numerator());
    assertEquals("205", total.denominator());
    assertEquals("0.2927", total.value(), "60 / 205 from the published counts");
    PublishedSummaryRow median = table.rows().get(4);
    assertEquals("4.5", median.value());
    assertEquals(1, table.count(CellStatus.PRIMARY));
    assertEquals(1, table.count(CellStatus.SECONDARY));
  }

  @Test
  void writesCsvAndRefusesInconsistentTables() throws Exception {
    ProtectedSummaryTable table = SummaryTableProtection.protect(List.of(
        SummaryRow.ratio("emergency_admissions_per_1000_lts_years", "all", "all", 12, 36525, 365250.0)), HES);
    StringWriter csv = new StringWriter();
    table.writeCsv(csv);
    assertEquals("metric,breakdown,group,numerator,denominator,value\n"
        + "emergency_admissions_per_1000_lts_years,all,all,10,36525,100\n", csv.toString());
    IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
        () -> SummaryTableProtection.protect(List.of(
            SummaryRow.proportion("m", "all", "all", 5, 10),
            SummaryRow.proportion("m", "sex", "1", 4, 8),
            SummaryRow.proportion("m", "sex", "2", 4, 8)), HES));
    assertTrue(over.getMessage().contains("more than the total"), over.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SummaryTableProtection.protect(List.of(
        SummaryRow.proportion("m", "all", "all", 5, 10), SummaryRow.proportion("m", "all", "all", 5, 10)), HES));
  }

  /** A random summary table built from people, so every breakdown adds up to the same totals. */
  static List<SummaryRow> randomSummary(Random random, Map<String, int[]> groupCounts) {
    List<SummaryRow> rows = new ArrayList<>();
    int metrics = 1 + random.nextInt(3);
    for (int m = 0; m < metrics; m++) {
      String metric = "metric_" + m;
      int people = random.nextInt(4) == 0 ? random.nextInt(15) : random.nextInt(150);
      int breakdowns = 1 + random.nextInt(4);
      int[][] groupOf = new int[breakdowns][people];
      int[] groups = new int[breakdowns];
      boolean[] partial = new boolean[breakdowns];
      for (int b = 0; b < breakdowns; b++) {
        groups[b] = 2 + random.nextInt(5);
        partial[b] = random.nextInt(5) == 0;
        for (int p = 0; p < people; p++) {
          // Skewed: low group numbers are common, high ones rare; a partial breakdown leaves some people out.
          int g = Math.min(groups[b] - 1, (int) Math.abs(random.nextGaussian() * groups[b] / 2.5));
          groupOf[b][p] = partial[b] && random.nextInt(12) == 0 ? -1 : g;
        }
      }
      boolean[] counted = new boolean[people];
      int numerator = 0;
      for (int p = 0; p < people; p++) {
        counted[p] = random.nextDouble() < 0.35;
        numerator += counted[p] ? 1 : 0;
      }
      rows.add(SummaryRow.proportion(metric, "all", "all", numerator, people));
      for (int b = 0; b < breakdowns; b++) {
        groupCounts.put(metric + "/b" + b, new int[] {groups[b]});
        for (int g = 0; g < groups[b]; g++) {
          long den = 0;
          long num = 0;
          for (int p = 0; p < people; p++) {
            if (groupOf[b][p] == g) {
              den++;
              num += counted[p] ? 1 : 0;
            }
          }
          rows.add(SummaryRow.proportion(metric, "b" + b, "g" + g, num, den));
        }
      }
    }
    return rows;
  }

  @Test
  void noSmallCountIsShownAndNoSuppressedCellIsRecoverableOnRandomSummaries() {
    Random random = new Random(91L);
    int withSecondary = 0;
    for (int i = 0; i < 800; i++) {
      List<SummaryRow> rows = randomSummary(random, new LinkedHashMap<>());
      ProtectedSummaryTable table = SummaryTableProtection.protect(rows, HES);
      for (int r = 0; r < rows.size(); r++) {
        SummaryRow in = rows.get(r);
        PublishedSummaryRow out = table.rows().get(r);
        checkCell(in.numerator(), out.numerator());
        checkCell(in.denominator(), out.denominator());
        if (out.numerator().equals("*") || out.denominator().equals("*")) {
          assertEquals("", out.value());
        } else if (!out.denominator().equals("0")) {
          assertEquals(new BigDecimal(out.numerator()).divide(new BigDecimal(out.denominator()), 4,
              RoundingMode.HALF_UP).stripTrailingZeros(), new BigDecimal(out.value()).stripTrailingZeros());
        }
      }
      List<String> recovered = SummaryRecoveryBySubtraction.recoverableCells(rows, table);
      int tableNumber = i;
      assertTrue(recovered.isEmpty(), () -> "summary " + tableNumber + ": recoverable " + recovered);
      withSecondary += table.count(CellStatus.SECONDARY) > 0 ? 1 : 0;
    }
    assertTrue(withSecondary > 200, "the generator exercises secondary suppression: " + withSecondary);
  }

  private static void checkCell(long truth, String shown) {
    if (shown.equals("*")) {
      return;
    }
    assertFalse(HES.isSmall(truth), "a count of 1-7 is shown");
    long value = Long.parseLong(shown);
    assertEquals(0, value % 5);
    assertTrue(Math.abs(value - truth) <= 2);
  }
}
