package org.sdelink.pipelines.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.metrics.evaluation.FinancialYear;
import org.sdelink.metrics.submissions.SubmissionWindow;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.UserError;

/** The stage's choice of submissions: received dates, the window and the stop on undated files. */
class StatisticsStageTest {
  private static final String HEADER = "record_id,source_file,received_date,LA_Code,la_person_token,"
      + "Reporting_Period_Start_Date,Reporting_Period_End_Date,Client_Type,Event_Type,Event_Start_Date,"
      + "Event_End_Date,Service_Type,birth_year,birth_month";
  private static final FinancialYear YEAR = FinancialYear.parse("2024-25");

  @TempDir Path root;

  private Path records(List<String> lines) throws Exception {
    Path dir = Files.createDirectories(root.resolve("cld-written"));
    List<String> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(lines);
    Files.write(dir.resolve("records.csv"), all, StandardCharsets.UTF_8);
    // As the pseudonymise stage commits it: the statistics stage checks its _SUCCESS and hash.
    return org.sdelink.pipelines.io.StageFolders.seal(dir, root.resolve("cld"), "pseudonymise", "source=cld");
  }

  private static String row(int id, String file, String received, String la, String person, String rpStart,
      String rpEnd, String end) {
    return String.join(",", "r" + id, file, received, la, person, rpStart, rpEnd, "Service User", "Service",
        "2024-05-01", end, "Long Term Support: Community", "1950", "1");
  }

  private static String request(int id, String la, String end) {
    return String.join(",", "r" + id, "q4.csv", "2025-04-20", la, "z", "2024-04-01", "2025-03-31", "Service User",
        "Request", end, end, "", "1950", "1");
  }

  @Test
  void twoFilesOfOneCouncilWithoutReceivedDatesStopTheRun() throws Exception {
    Path cld = records(List.of(
        row(1, "q3.csv", "", "E06000001", "a", "2024-04-01", "2024-12-31", ""),
        row(2, "q4.csv", "", "E06000001", "a", "2024-04-01", "2025-03-31", "")));
    UserError e = assertThrows(UserError.class, () -> StatisticsStage.of(cld, YEAR, SubmissionWindow.all())
        .run(StageOptions.fromArgs(List.of()), root.resolve("out")));
    assertTrue(e.getMessage().contains("E06000001") && e.getMessage().contains("--submissions"), e.getMessage());
    assertTrue(!Files.exists(root.resolve("out")));
  }

  @Test
  void aBadLsoaLookupStopsTheRunNamingItsLine() throws Exception {
    Path cldDir = Files.createDirectories(root.resolve("cld-written"));
    Files.write(cldDir.resolve("records.csv"), List.of(HEADER + ",nhs_number_token",
        row(1, "q4.csv", "2025-04-20", "E06000001", "a", "2024-04-01", "2025-03-31", "") + ",t1"),
        StandardCharsets.UTF_8);
    Path cld = org.sdelink.pipelines.io.StageFolders.seal(cldDir, root.resolve("cld"), "pseudonymise", "source=cld");
    Path apcDir = Files.createDirectories(root.resolve("apc-written"));
    Files.write(apcDir.resolve("records.csv"), List.of("record_id,PROCODE3,ADMIDATE,age_at_disdate,nhs_number_token"),
        StandardCharsets.UTF_8);
    Path apc = org.sdelink.pipelines.io.StageFolders.seal(apcDir, root.resolve("apc"), "pseudonymise", "source=apc");
    Path lookup = root.resolve("lsoa.csv");
    Files.write(lookup, List.of("lsoa_code,la_code", "E01000001,E06000001", "E01000002,"), StandardCharsets.UTF_8);
    StatisticsStage stage = StatisticsStage.of(cld, YEAR, SubmissionWindow.all())
        .withHospital(HospitalInputs.of(apc, null, lookup));
    Exception e = assertThrows(Exception.class, () -> stage.run(StageOptions.fromArgs(List.of()),
        root.resolve("out")));
    assertTrue(e instanceof UserError && e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void theWindowDecidesWhichSubmissionTheYearTablesRead() throws Exception {
    Path cld = records(List.of(
        row(1, "q3.csv", "2025-01-20", "E06000001", "a", "2024-04-01", "2024-12-31", ""),
        row(2, "q4.csv", "2025-04-20", "E06000001", "a", "2024-04-01", "2025-03-31", "2024-12-31"),
        row(3, "q4.csv", "2025-04-20", "E06000001", "b", "2024-04-01", "2025-03-31", "")));
    Path all = StatisticsStage.of(cld, YEAR, SubmissionWindow.all())
        .run(StageOptions.fromArgs(List.of()), root.resolve("all"));
    JsonNode council = new ObjectMapper().readTree(all.resolve("report.json").toFile()).path("councils")
        .path("E06000001");
    assertEquals("q4.csv", council.path("submission_chosen").asText());
    assertEquals(2, council.path("submissions_received").asInt());
    assertEquals(1, council.path("events_deduplicated").asInt());
    // Without hospital data ASCOF 2D is not computed, and the report says why; waiting times are always written.
    JsonNode ascof2d = new ObjectMapper().readTree(all.resolve("report.json").toFile()).path("ascof_2d");
    assertTrue(!ascof2d.path("computed").asBoolean() && ascof2d.path("reason").asText().contains("--apc"));
    assertTrue(!Files.exists(all.resolve(Ascof2DStatistics.BY_LINKAGE_FILE)));
    assertEquals(List.of(String.join(",", WaitingTimesStatistics.HEADER)),
        Files.readAllLines(all.resolve(WaitingTimesStatistics.FILE)));
    assertEquals(List.of("la_code,age_band,support_setting,primary_support_reason,count",
        "E06000001,65+,Community,Invalid/NULL,1", "ENGLAND,65+,Community,Invalid/NULL,1"),
        Files.readAllLines(all.resolve("salt/LTS001b.csv")));

    Path early = StatisticsStage.of(cld, YEAR, SubmissionWindow.asOf(LocalDate.parse("2025-02-01")))
        .run(StageOptions.fromArgs(List.of()), root.resolve("early"));
    JsonNode earlyCouncil = new ObjectMapper().readTree(early.resolve("report.json").toFile()).path("councils")
        .path("E06000001");
    assertTrue(earlyCouncil.path("submission_chosen").isNull());
    assertEquals(2, earlyCouncil.path("rows_after_submission_window").asInt());
    assertEquals(1, Files.readAllLines(early.resolve("salt/LTS001a.csv")).size());
  }

  @Test
  void ascofIsWrittenForEveryCouncilAndEnglandAndRatesNeedThePopulation() throws Exception {
    // Each file also holds requests ending in April 2024 and March 2025: DHSC's derived reporting period (from event
    // end dates) then covers the year, so its joined-submissions selection reads the file for every quarter.
    Path cld = records(List.of(
        row(1, "q4.csv", "2025-04-20", "E06000001", "a", "2024-04-01", "2025-03-31", ""),
        row(2, "q4.csv", "2025-04-20", "E06000002", "b", "2024-04-01", "2025-03-31", ""),
        request(3, "E06000001", "2024-04-30"), request(4, "E06000001", "2025-03-31"),
        request(5, "E06000002", "2024-04-30"), request(6, "E06000002", "2025-03-31")));
    Path none = StatisticsStage.of(cld, YEAR, SubmissionWindow.all())
        .run(StageOptions.fromArgs(List.of()), root.resolve("none"));
    List<String> lines = Files.readAllLines(none.resolve(StatisticsStage.ASCOF));
    assertEquals("measure,la_code,group,numerator,denominator,value", lines.get(0));
    assertTrue(lines.contains("3D_1a,E06000001,all,0,1,0.0"), lines.toString());
    assertTrue(lines.contains("3D_1a,ENGLAND,65+,0,2,0.0"), lines.toString());
    assertTrue(lines.contains("2C,ENGLAND,65+,0,,"), lines.toString());
    JsonNode ascof = new ObjectMapper().readTree(none.resolve("report.json").toFile()).path("ascof");
    assertTrue(ascof.path("population").asText().startsWith("not given"));
    assertEquals(3, ascof.path("blank_values").path("2C").path("no population denominator given (--population)")
        .asInt());

    Path population = root.resolve("population.csv");
    Files.write(population, List.of("la_code,age_band,population", "E06000001,65+,1000", "E06000002,65+,3000",
        "E06000001,18-64,5000", "E06000002,18-64,7000"), StandardCharsets.UTF_8);
    Path given = StatisticsStage.of(cld, YEAR, SubmissionWindow.all()).withPopulation(population)
        .run(StageOptions.fromArgs(List.of()), root.resolve("given"));
    List<String> rates = Files.readAllLines(given.resolve(StatisticsStage.ASCOF));
    assertTrue(rates.contains("2C,ENGLAND,65+,0,4000,0.0"), rates.toString());

    Files.write(population, List.of("la_code,age_band,population", "E06000001,70+,1000"), StandardCharsets.UTF_8);
    UserError e = assertThrows(UserError.class, () -> StatisticsStage.of(cld, YEAR, SubmissionWindow.all())
        .withPopulation(population).run(StageOptions.fromArgs(List.of()), root.resolve("bad")));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("age_band")
        && !e.getMessage().contains("70+"), e.getMessage());
  }
}
