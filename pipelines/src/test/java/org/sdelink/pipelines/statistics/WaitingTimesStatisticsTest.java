package org.sdelink.pipelines.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.testing.TestPipelineExtension;

/** The waiting-times composite over hand-made persons: counts and medians per council and for England. */
@ExtendWith(TestPipelineExtension.class)
class WaitingTimesStatisticsTest {
  private static final List<String> COLUMNS = SaltEvent.READ_COLUMNS;
  /** DHSC's selection: each council's f.csv read for the year. */
  private static final JoinedSubmissions JOINED = JoinedSubmissions.ofChosen(Map.of(
      "E06000001", Map.of("f.csv", ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))),
      "E06000002", Map.of("f.csv", ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)))));

  private static List<String> row(String la, String person, String type, String start, String... more) {
    Map<String, String> values = new java.util.HashMap<>(Map.of("LA_Code", la, "la_person_token", person,
        "Client_Type", "Service User", "Event_Type", type, "Event_Start_Date", start, "Event_End_Date", start,
        "birth_year", "1950", "birth_month", "1", "source_file", "f.csv"));
    for (int i = 0; i < more.length; i += 2) {
      values.put(more[i], more[i + 1]);
    }
    List<String> row = new ArrayList<>();
    for (String column : COLUMNS) {
      row.add(values.getOrDefault(column, ""));
    }
    return row;
  }

  /** A request on {@code start}, an assessment {@code toAssessment} days later progressing to a service. */
  private static List<List<String>> person(String la, String person, int toAssessment, int toService) {
    java.time.LocalDate request = java.time.LocalDate.parse("2024-05-01");
    return List.of(
        row(la, person, "Request", request.toString(), "Event_Outcome", "Progress to Assessment"),
        row(la, person, "Assessment", request.plusDays(toAssessment).toString(), "Assessment_Type",
            "Long Term Assessment", "Event_Outcome", "Progress to Support Planning / Services"),
        row(la, person, "Service", request.plusDays(toService).toString(), "Service_Type",
            "Long Term Support: Community"));
  }

  @Test
  void countsAndMediansPerCellAndForEngland(TestPipeline p) {
    List<List<String>> rows = new ArrayList<>();
    rows.addAll(person("E06000001", "a", 4, 20));
    rows.addAll(person("E06000001", "b", 10, 30));
    rows.addAll(person("E06000002", "c", 7, 40));
    // Answered after the year: outside every quarter of 2024-25.
    rows.add(row("E06000002", "d", "Request", "2025-03-20", "Event_Outcome", "Progress to Assessment"));
    rows.add(row("E06000002", "d", "Assessment", "2025-04-02", "Assessment_Type", "Short Term Assessment"));
    PCollection<String> lines = p.apply(Create.of(rows).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply(WaitingTimesStatistics.of(COLUMNS, FinancialYear.parse("2024-25"), SubmissionWindow.all(), 3)
            .withJoined(JOINED))
        .apply(Values.create());
    PAssert.that(lines).containsInAnyOrder(
        "E06000001,2024-Q1,65+,first_response,2,7.0",
        "E06000001,2024-Q1,65+,first_service,2,25.0",
        "E06000002,2024-Q1,65+,first_response,1,7.0",
        "E06000002,2024-Q1,65+,first_service,1,40.0",
        "ENGLAND,2024-Q1,65+,first_response,3,7.0",
        "ENGLAND,2024-Q1,65+,first_service,3,30.0");
    p.run().waitUntilFinish();
  }
}
