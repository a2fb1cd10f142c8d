package org.sdelink.pipelines.pseudonymise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * The councils' submissions: each CLD row gets its file's received date and its month of birth; submissions.csv and
 * report.json list each council's files; a council's files without dates, or a submissions file that does not match
 * the inputs, stop the run without output.
 */
class SubmissionsTest {
  @TempDir static Path root;
  static MasterKey key;

  private static final String HEADER = "LA_Code,LA_Person_Unique_Identifier,Date_of_Birth,Event_Type,Event_Start_Date";

  @BeforeAll
  static void key() throws Exception {
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "submissions-test-password".toCharArray());
    key = Stages.openPrimaryKey(keystore, "submissions-test-password".toCharArray(), true);
  }

  private static Path file(String name, String... rows) throws Exception {
    Path path = root.resolve(name);
    Files.writeString(path, HEADER + "\n" + String.join("\n", rows) + "\n");
    return path;
  }

  private static Path submissions(String name, String... rows) throws Exception {
    Path path = root.resolve(name);
    Files.writeString(path, "file,la_code,received_date\n" + String.join("\n", rows) + "\n");
    return path;
  }

  private static List<CSVRecord> csv(Path path) throws Exception {
    try (Reader reader = Files.newBufferedReader(path)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  private static PseudonymiseStage stage(List<Path> inputs) {
    return Stages.pseudonymise(InputSource.CLD, inputs, key, LocalDate.of(2025, 6, 30));
  }

  @Test
  void rowsCarryTheirFilesReceivedDateAndBirthMonth() throws Exception {
    Path q1 = file("leeds_q1.csv", "E08000035,P1,1950-03-17,Request,2024-05-01",
        "E08000035,P2,,Request,2024-05-02");
    Path q2 = file("leeds_q2.csv", "E08000035,P1,17/03/1950,Request,2024-05-01",
        "E08000035,P3,2090-01-01,Service,2024-08-01", "E08000035,P4,1948-11-30,Review,2024-08-02");
    Path york = file("york_q2.csv", "E06000014,P9,1960-12-01,Service,2024-07-01");
    Path list = submissions("subs.csv", "leeds_q2.csv,E08000035,2024-11-05", "leeds_q1.csv,E08000035,2024-07-20",
        "york_q2.csv,E06000014,2024-10-30");
    Path out = root.resolve("out-dated");
    StageReport report = stage(List.of(q1, q2, york)).withSubmissions(Submissions.read(list))
        .run(StageOptions.fromArgs(List.of()), out);

    Map<String, String> received = new HashMap<>();
    Map<String, Integer> blankMonths = new HashMap<>();
    for (CSVRecord row : csv(out.resolve(PseudonymiseStage.RECORDS))) {
      received.merge(row.get("source_file"), row.get("received_date"), (a, b) -> {
        assertEquals(a, b, "one received date per file");
        return a;
      });
      String month = row.get("birth_month");
      assertEquals(row.get("birth_year").isEmpty(), month.isEmpty(), "birth month blank exactly when the year is");
      if (!month.isEmpty()) {
        int m = Integer.parseInt(month);
        assertTrue(m >= 1 && m <= 12);
      } else {
        blankMonths.merge(row.get("source_file"), 1, Integer::sum);
      }
    }
    assertEquals(Map.of("leeds_q1.csv", "2024-07-20", "leeds_q2.csv", "2024-11-05", "york_q2.csv", "2024-10-30"),
        received);
    // A missing date of birth and one in the future (after the reference date) leave the month blank.
    assertEquals(Map.of("leeds_q1.csv", 1, "leeds_q2.csv", 1), blankMonths);

    List<CSVRecord> listed = csv(out.resolve(Submissions.OUTPUT_FILE));
    assertEquals(List.of("file", "la_code", "received_date", "rows"),
        CSVFormat.RFC4180.builder().setHeader().get().parse(Files.newBufferedReader(out.resolve("submissions.csv")))
            .getHeaderNames());
    assertEquals(3, listed.size());
    assertEquals(List.of("york_q2.csv", "E06000014", "2024-10-30", "1"), listed.get(0).toList());
    assertEquals(List.of("leeds_q1.csv", "E08000035", "2024-07-20", "2"), listed.get(1).toList());
    assertEquals(List.of("leeds_q2.csv", "E08000035", "2024-11-05", "3"), listed.get(2).toList());

    assertEquals(Map.of("E06000014", 1, "E08000035", 2), report.submissionsReceived());
    JsonNode json = new ObjectMapper().readTree(out.resolve(PseudonymiseStage.REPORT).toFile());
    assertTrue(json.path("submissions").path("received_dates_given").asBoolean());
    assertEquals(2, json.path("submissions").path("councils").path("E08000035").path("received").asInt());
    assertEquals(Map.of("E06000014", 1, "E08000035", 2),
        StageReport.read(out.resolve(PseudonymiseStage.REPORT)).submissionsReceived(), "read back");
    String text = Files.readString(out.resolve(PseudonymiseStage.RECORDS));
    assertFalse(text.contains("1950-03-17") || text.contains("17/03/1950"), "a date of birth was written");
  }

  @Test
  void twoFilesOfOneCouncilWithoutReceivedDatesStopTheRun() throws Exception {
    Path a = file("a.csv", "E08000035,P1,1950-03-17,Request,2024-05-01");
    Path b = file("b.csv", "E08000035,P1,1950-03-17,Request,2024-05-01");
    Path out = root.resolve("out-undated");
    InputContractException e = assertThrows(InputContractException.class,
        () -> stage(List.of(a, b)).run(StageOptions.fromArgs(List.of()), out));
    assertTrue(e.getMessage().contains("E08000035 (2 files)"), e.getMessage());
    assertTrue(e.getMessage().contains("--submissions FILE"), e.getMessage());
    assertTrue(e.getMessage().contains("file,la_code,received_date"), e.getMessage());
    assertFalse(Files.exists(out.resolve(PseudonymiseStage.RECORDS)), "output written");
  }

  @Test
  void oneFilePerCouncilWithoutDatesIsListedWithBlankDates() throws Exception {
    Path a = file("one.csv", "E08000035,P1,1950-03-17,Request,2024-05-01", "E06000014,P2,1950-03-17,Request,2024-05-01");
    Path out = root.resolve("out-one");
    stage(List.of(a)).run(StageOptions.fromArgs(List.of()), out);
    List<CSVRecord> listed = csv(out.resolve(Submissions.OUTPUT_FILE));
    assertEquals(List.of("one.csv", "E06000014", "", "1"), listed.get(0).toList());
    assertEquals(List.of("one.csv", "E08000035", "", "1"), listed.get(1).toList());
    for (CSVRecord row : csv(out.resolve(PseudonymiseStage.RECORDS))) {
      assertEquals("", row.get("received_date"));
    }
  }

  @Test
  void aSubmissionsFileMustNameExactlyTheInputFiles() throws Exception {
    Path a = file("x1.csv", "E08000035,P1,1950-03-17,Request,2024-05-01");
    Path b = file("x2.csv", "E08000035,P1,1950-03-17,Request,2024-05-01");
    Path missingRow = submissions("missing-row.csv", "x1.csv,E08000035,2024-07-20");
    InputContractException unlisted = assertThrows(InputContractException.class,
        () -> stage(List.of(a, b)).withSubmissions(Submissions.read(missingRow)).checkInputs());
    assertTrue(unlisted.getMessage().contains("no row for the input file(s) x2.csv"), unlisted.getMessage());

    Path extraRow = submissions("extra-row.csv", "x1.csv,E08000035,2024-07-20", "x3.csv,E08000035,2024-10-20");
    InputContractException extra = assertThrows(InputContractException.class,
        () -> stage(List.of(a)).withSubmissions(Submissions.read(extraRow)).checkInputs());
    assertTrue(extra.getMessage().contains("not given as input: x3.csv"), extra.getMessage());
  }

  @Test
  void aBrokenSubmissionsFileIsNamedByLineAndColumn() throws Exception {
    Path badDate = submissions("bad-date.csv", "x1.csv,E08000035,20/07/2024");
    InputContractException date = assertThrows(InputContractException.class, () -> Submissions.read(badDate));
    assertEquals("submissions file bad-date.csv line 2, column received_date: not a date in the form yyyy-MM-dd",
        date.getMessage());
    Path blank = submissions("blank.csv", "x1.csv,,2024-07-20");
    assertTrue(assertThrows(InputContractException.class, () -> Submissions.read(blank)).getMessage()
        .contains("line 2, column la_code is empty"));
    Path twice = submissions("twice.csv", "x1.csv,E08000035,2024-07-20", "dir/x1.csv,E08000035,2024-08-20");
    assertTrue(assertThrows(InputContractException.class, () -> Submissions.read(twice)).getMessage()
        .contains("line 3, column file: the file x1.csv is named twice"));
    Path header = root.resolve("header.csv");
    Files.writeString(header, "file,council,received\nx1.csv,E08000035,2024-07-20\n");
    assertTrue(assertThrows(InputContractException.class, () -> Submissions.read(header)).getMessage()
        .contains("the header must be exactly file,la_code,received_date"));
  }
}
