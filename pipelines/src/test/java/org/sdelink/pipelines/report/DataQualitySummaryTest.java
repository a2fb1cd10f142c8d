package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.report.DataQualitySummary.Aspect;

class DataQualitySummaryTest {
  private static final DataQualityRules RULES = DataQualityRules.with(CodeLists.none());

  private static DashboardFigures figures() {
    Map<CellKey, Long> cells = new HashMap<>();
    put(cells, "A", 1000, 920, 910);
    put(cells, "B", 200, 200, 196);
    put(cells, "C", 6, 6, 6);
    cells.put(CellKey.of(Measure.DQ_APPLICABLE, "A", CellKey.PERIOD, "Gender"), 1000L);
    cells.put(CellKey.of(Measure.DQ_FILLED, "A", CellKey.PERIOD, "Gender"), 1000L);
    return DashboardFigures.of(cells);
  }

  private static void put(Map<CellKey, Long> cells, String council, long applicable, long filled, long valid) {
    cells.put(CellKey.of(Measure.DQ_APPLICABLE, council, CellKey.PERIOD, "NHS_Number"), applicable);
    cells.put(CellKey.of(Measure.DQ_FILLED, council, CellKey.PERIOD, "NHS_Number"), filled);
    cells.put(CellKey.of(Measure.DQ_VALID, council, CellKey.PERIOD, "NHS_Number"), valid);
  }

  @Test
  void sharesPerCouncilAndNationallyAndCouncilsAtTheThreshold() {
    DataQualitySummary summary = DataQualitySummary.of(figures(), RULES, Disclosure.forAudience(Audience.OPERATOR),
        0.95);
    assertEquals(0.92, summary.row("A", DataQualityField.NHS_NUMBER).completeShare(), 1e-12);
    assertEquals(0.98, summary.row("B", DataQualityField.NHS_NUMBER).validShare(), 1e-12);
    assertEquals((910.0 + 196 + 6) / 1206, summary.row(null, DataQualityField.NHS_NUMBER).validShare(), 1e-12);
    assertEquals(3, summary.councilsAssessed(DataQualityField.NHS_NUMBER, Aspect.VALID));
    assertEquals(2, summary.councilsMeeting(DataQualityField.NHS_NUMBER, Aspect.VALID));
    assertEquals(2, summary.councilsMeeting(DataQualityField.NHS_NUMBER, Aspect.COMPLETE));
    assertEquals("92.0", summary.row("A", DataQualityField.NHS_NUMBER).shareText(Aspect.COMPLETE));
    assertEquals(DataQualitySummary.NOT_CHECKED, summary.row("A", DataQualityField.GENDER).shareText(Aspect.VALID));
    assertEquals("", summary.row("B", DataQualityField.GENDER).shareText(Aspect.COMPLETE), "applies to nothing");
    assertEquals(1, summary.councilsAssessed(DataQualityField.GENDER, Aspect.COMPLETE));
    String csv = summary.csv("A");
    assertTrue(csv.startsWith("field,applies_to,records,filled,complete_pct,national_complete_pct,valid,valid_pct,"
        + "national_valid_pct\n"), csv);
    assertTrue(csv.contains("NHS_Number,every record,1000,920,92.0,93.4,910,91.0,92.2\n"), csv);
    assertTrue(csv.contains("Gender,every record,1000,1000,100.0,100.0,not checked,not checked,not checked\n"), csv);
    assertTrue(summary.csv(null).contains("NHS_Number,every record,1206,1126,93.4,1112,92.2,3,2,2\n"),
        summary.csv(null));
  }

  @Test
  void forCouncilsSharesComeFromPublishedCountsAndSmallOnesAreNotShown() {
    DataQualitySummary summary = DataQualitySummary.of(figures(), RULES, Disclosure.forAudience(Audience.COUNCILS),
        0.95);
    DataQualitySummary.Row small = summary.row("C", DataQualityField.NHS_NUMBER);
    assertNull(small.applicable());
    assertNull(small.completeShare());
    assertEquals("*", small.shareText(Aspect.COMPLETE));
    assertEquals(2, summary.councilsAssessed(DataQualityField.NHS_NUMBER, Aspect.VALID));
    assertEquals(0.92, summary.row("A", DataQualityField.NHS_NUMBER).completeShare(), 1e-12);
    assertEquals(195.0 / 200, summary.row("B", DataQualityField.NHS_NUMBER).validShare(), 1e-12);
  }
}
