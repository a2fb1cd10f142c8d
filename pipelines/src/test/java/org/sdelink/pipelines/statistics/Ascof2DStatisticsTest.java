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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.metrics.ascof.CouncilOfResidence;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.metrics.salt.SaltEvent;
import org.sdelink.metrics.submissions.JoinedSubmissions;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.testing.TestPipelineExtension;

/**
 * The 2D composite over hand-made records: one person whose CLD NHS number token differs from the hospital's (a typo)
 * but whom the spine links, and one whose tokens agree. The spine linkage counts both discharges into reablement;
 * the NHS-number linkage only the second, and counts the first discharge in part 2's denominator without a link.
 */
@ExtendWith(TestPipelineExtension.class)
class Ascof2DStatisticsTest {
  private static final List<String> CLD_COLUMNS = cldColumns();
  private static final List<String> APC_COLUMNS = Ascof2DStatisticsTest.apcColumns();
  private static final String SEP = SaltStatistics.SEP;

  private static List<String> cldColumns() {
    List<String> columns = new ArrayList<>(SaltEvent.READ_COLUMNS);
    columns.add(0, "record_id");
    return columns;
  }

  private static List<String> apcColumns() {
    return Ascof2DStatistics.APC_COLUMNS;
  }

  private static List<String> values(List<String> columns, Map<String, String> values) {
    List<String> row = new ArrayList<>();
    for (String column : columns) {
      row.add(values.getOrDefault(column, ""));
    }
    return row;
  }

  private static List<String> reablement(String id, String la, String person, String nhs, String start) {
    return values(CLD_COLUMNS, Map.ofEntries(Map.entry("record_id", id), Map.entry("LA_Code", la),
        Map.entry("la_person_token", person), Map.entry("nhs_number_token", nhs), Map.entry("source_file", "f.csv"),
        Map.entry("Client_Type", "Service User"), Map.entry("Event_Type", "Service"),
        Map.entry("Service_Type", "Short Term Support: ST-Max"), Map.entry("Service_Component", "Reablement"),
        Map.entry("Event_Start_Date", start), Map.entry("Event_End_Date", LocalDate.parse(start).plusDays(20)
            .toString()), Map.entry("birth_year", "1940"), Map.entry("birth_month", "3")));
  }

  private static List<String> discharge(String id, String nhs, String admitted, String discharged, String la) {
    return values(APC_COLUMNS, Map.ofEntries(Map.entry("record_id", id), Map.entry("nhs_number_token", nhs),
        Map.entry("PROCODE3", "RXX"), Map.entry("ADMIDATE", admitted), Map.entry("DISDATE", discharged),
        Map.entry("ADMIMETH", "21"), Map.entry("DISMETH", "1"), Map.entry("DISDEST", "19"),
        Map.entry("TRETSPEF", "300"), Map.entry("SPELEND", "Y"), Map.entry("age_at_disdate", "84"),
        Map.entry("RESLADST_ONS", la)));
  }

  @Test
  void spineLinksWhatTheNhsNumberMisses(TestPipeline p) {
    List<List<String>> cld = List.of(reablement("E06000001:1", "E06000001", "a", "tokA", "2024-06-12"),
        reablement("E06000001:2", "E06000001", "b", "tokB", "2024-07-12"));
    List<List<String>> apc = List.of(discharge("10", "tokA-typo", "2024-06-01", "2024-06-10", "E06000001"),
        discharge("11", "tokB", "2024-07-01", "2024-07-10", "E06000001"),
        discharge("12", "tokC", "2024-08-01", "2024-08-10", "E08000001"));
    List<List<String>> spine = List.of(List.of("cld", "E06000001:1", "P1"), List.of("apc", "10", "P1"),
        List.of("cld", "E06000001:2", "P2"), List.of("apc", "11", "P2"));
    var coder = ListCoder.of(StringUtf8Coder.of());
    PCollectionTuple input = PCollectionTuple
        .of(Ascof2DStatistics.CLD, p.apply("Cld", Create.of(cld).withCoder(coder)))
        .and(Ascof2DStatistics.APC, p.apply("Apc", Create.of(apc).withCoder(coder)))
        .and(Ascof2DStatistics.SPINE_ROWS, p.apply("Spine", Create.of(spine).withCoder(coder)));
    PCollection<KV<String, Long>> cells = input.apply(Ascof2DStatistics.of(CLD_COLUMNS, APC_COLUMNS, true,
        ReportingPeriod.of(LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31")), SubmissionWindow.all(),
        CouncilOfResidence.fallback(), 3).withJoined(JoinedSubmissions.ofChosen(Map.of("E06000001",
            Map.of("f.csv", ReportingPeriod.of(LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31")))))));
    List<KV<String, Long>> expected = new ArrayList<>();
    for (String la : List.of("E06000001", "ENGLAND")) {
      expected.add(cell("spine", "2D_part1", la, "numerator", 2));
      expected.add(cell("spine", "2D_part1", la, "denominator", 2));
      expected.add(cell("spine", "2D_part2", la, "numerator", 2));
      expected.add(cell("spine", "2D_part2", la, "denominator", 2));
      expected.add(cell("nhs_number", "2D_part1", la, "numerator", 1));
      expected.add(cell("nhs_number", "2D_part1", la, "denominator", 1));
      expected.add(cell("nhs_number", "2D_part2", la, "numerator", 1));
      expected.add(cell("nhs_number", "2D_part2", la, "denominator", 2));
    }
    expected.add(cell("spine", "2D_part2", "E08000001", "denominator", 1));
    expected.add(cell("nhs_number", "2D_part2", "E08000001", "denominator", 1));
    expected.add(cell("spine", "2D_part2", "ENGLAND", "denominator", 1));
    expected.add(cell("nhs_number", "2D_part2", "ENGLAND", "denominator", 1));
    PAssert.that(cells).containsInAnyOrder(merge(expected));
    p.run().waitUntilFinish();
  }

  private static KV<String, Long> cell(String linkage, String measure, String la, String part, long n) {
    return KV.of(String.join(SEP, linkage, measure, la, part), n);
  }

  private static List<KV<String, Long>> merge(List<KV<String, Long>> cells) {
    Map<String, Long> sums = new java.util.TreeMap<>();
    cells.forEach(c -> sums.merge(c.getKey(), c.getValue(), Long::sum));
    return sums.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList();
  }

  @Test
  void rowsCoverEveryCouncilAndEngland() {
    Map<String, Long> cells = Map.of(String.join(SEP, "spine", "2D_part1", "E06000001", "numerator"), 1L,
        String.join(SEP, "spine", "2D_part1", "E06000001", "denominator"), 3L,
        String.join(SEP, "spine", "2D_part1", "ENGLAND", "numerator"), 1L,
        String.join(SEP, "spine", "2D_part1", "ENGLAND", "denominator"), 3L);
    List<List<String>> rows = Ascof2DStatistics.rows(cells, List.of("E06000001", "E06000002"), List.of("spine"));
    org.junit.jupiter.api.Assertions.assertEquals(6, rows.size());
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("spine", "2D_part1", "E06000001", "65+", "1", "3", "33.3"), rows.get(0));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("spine", "2D_part1", "E06000002", "65+", "0", "0", ""), rows.get(1));
    org.junit.jupiter.api.Assertions.assertEquals("ENGLAND", rows.get(2).get(2));
  }
}
