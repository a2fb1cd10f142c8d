package org.sdelink.pipelines.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

/** The SALT tables are opened in spreadsheets: a cell that starts like a formula is written as text (issue 15). */
class StatisticsLinesTest {

  @Test
  void aCouncilCodeThatStartsLikeAFormulaIsNeutralisedAndPlainCellsAreUntouched() {
    String sep = SaltStatistics.SEP;
    assertEquals("\"'=HYPERLINK(1)\",18-64,Planned,7",
        StatisticsStage.line(KV.of("LTS002b" + sep + "=HYPERLINK(1)" + sep + "18-64" + sep + "Planned", 7L)));
    assertEquals("E08000025,65+,Planned,12",
        StatisticsStage.line(KV.of("LTS002b" + sep + "E08000025" + sep + "65+" + sep + "Planned", 12L)));
  }
}
