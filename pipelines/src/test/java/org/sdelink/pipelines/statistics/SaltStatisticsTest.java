package org.sdelink.pipelines.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.testing.TestPipelineExtension;

/** The composite over hand-made rows: cells per council and summed for England, older versions counted. */
@ExtendWith(TestPipelineExtension.class)
class SaltStatisticsTest {
  private static final List<String> COLUMNS = SaltEvent.READ_COLUMNS;

  private static List<String> row(Map<String, String> values) {
    List<String> row = new ArrayList<>();
    for (String column : COLUMNS) {
      row.add(values.getOrDefault(column, ""));
    }
    return row;
  }

  private static List<String> community(String la, String person, String file, String received, String end) {
    return row(Map.ofEntries(Map.entry("LA_Code", la), Map.entry("la_person_token", person),
        Map.entry("source_file", file), Map.entry("received_date", received),
        Map.entry("Reporting_Period_Start_Date", "2024-04-01"), Map.entry("Reporting_Period_End_Date", "2025-03-31"),
        Map.entry("Client_Type", "Service User"), Map.entry("Event_Type", "Service"),
        Map.entry("Service_Type", "Long Term Support: Community"), Map.entry("Event_Start_Date", "2024-05-01"),
        Map.entry("Event_End_Date", end), Map.entry("birth_year", "1950"), Map.entry("birth_month", "1"),
        Map.entry("Primary_Support_Reason", "Mental Health Support")));
  }

  @Test
  void cellsPerCouncilAndForEnglandAndOlderVersionsCounted(TestPipeline p) {
    List<List<String>> rows = List.of(
        community("E06000001", "a", "q3.csv", "2025-01-20", ""),
        community("E06000001", "a", "q4.csv", "2025-04-20", "2024-12-31"),
        community("E06000001", "b", "q4.csv", "2025-04-20", ""),
        community("E06000002", "c", "all.csv", "", ""));
    PCollectionTuple out = p.apply(Create.of(rows).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply(SaltStatistics.of(COLUMNS, FinancialYear.parse("2024-25"), SubmissionWindow.all(),
            Map.of("E06000001", "q4.csv", "E06000002", "all.csv"), 3));
    String setting = "Community" + SaltStatistics.SEP + "Mental Health Support";
    PAssert.that(out.get(SaltStatistics.CELLS)).containsInAnyOrder(
        KV.of(cell("LTS001a", "E06000001", setting), 2L),
        KV.of(cell("LTS001a", "E06000002", setting), 1L),
        KV.of(cell("LTS001a", "ENGLAND", setting), 3L),
        KV.of(cell("LTS001b", "E06000001", setting), 1L),
        KV.of(cell("LTS001b", "E06000002", setting), 1L),
        KV.of(cell("LTS001b", "ENGLAND", setting), 2L));
    p.run().waitUntilFinish();
  }

  private static String cell(String table, String la, String values) {
    return table + SaltStatistics.SEP + la + SaltStatistics.SEP + "65+" + SaltStatistics.SEP + values;
  }
}
