package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.CouncilFaultRates;
import org.sdelink.pipelines.cli.SdelinkCommand;

/** {@code sdelink report} as an operator runs it. */
class ReportCommandTest {
  @TempDir Path root;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SdelinkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void withoutCodeListsTheDataQualityPageSaysCodesWereNotChecked() throws Exception {
    ReportFixture fixture = ReportFixture.create(root, 150, 9, CouncilFaultRates.none());
    Result help = run("report", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--for-councils") && help.out().contains("--code-lists"), help.out());

    Path out = root.resolve("dash");
    Result done = run("report", "--cld", fixture.cldDir.toString(), "--period-start", "2024-04-01", "--period-end",
        "2025-03-31", "--output", out.toString(), "--buckets=4");
    assertEquals(0, done.code(), done.err());
    assertTrue(done.out().contains("index.html"), done.out());
    String page = Files.readString(out.resolve("all/data-quality.html"));
    assertTrue(page.contains("Code validity was not checked"), "the page must say codes were not checked");
    assertTrue(Files.readString(out.resolve("all/data-quality.csv")).contains("Gender,every record,"));
    assertTrue(Files.readString(out.resolve("all/data-quality.csv")).contains(",not checked,not checked"));
    assertTrue(Files.readString(out.resolve("methodology.html")).contains("none given: code validity not checked"));
  }

  @Test
  void mistakesAreOneActionableLine() throws Exception {
    Path noLists = root.resolve("empty");
    Files.createDirectories(noLists);
    Result badLists = run("report", "--cld", root.toString(), "--period-start", "2024-04-01", "--period-end",
        "2025-03-31", "--output", root.resolve("x").toString(), "--code-lists", noLists.toString());
    assertEquals(2, badLists.code());
    assertTrue(badLists.err().contains("cld_code_lists.json"), badLists.err());

    Result noRecords = run("report", "--cld", root.resolve("nowhere").toString(), "--period-start", "2024-04-01",
        "--period-end", "2025-03-31", "--output", root.resolve("y").toString());
    assertNotEquals(0, noRecords.code());
    assertTrue(noRecords.err().contains("records.csv"), noRecords.err());
    assertFalse(Files.exists(root.resolve("y")), "nothing written");

    Result backwards = run("report", "--cld", root.toString(), "--period-start", "2025-04-01", "--period-end",
        "2024-03-31", "--output", root.resolve("z").toString());
    assertEquals(2, backwards.code());
    assertTrue(backwards.err().contains("--period-end"), backwards.err());

    Path notRecords = root.resolve("apc");
    Files.createDirectories(notRecords);
    Files.writeString(notRecords.resolve("records.csv"), "record_id,EPIKEY\n1,1\n");
    Result wrong = run("report", "--cld", notRecords.toString(), "--period-start", "2024-04-01", "--period-end",
        "2025-03-31", "--output", root.resolve("w").toString());
    assertEquals(2, wrong.code(), wrong.err());
    assertTrue(wrong.err().contains("_SUCCESS") && wrong.err().contains("pseudonymise"), wrong.err());
  }
}
