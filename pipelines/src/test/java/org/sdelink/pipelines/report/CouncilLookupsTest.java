package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.run.UserError;

/**
 * The operator's council names and comparator files: what a well-formed file gives, the documented fallback without
 * one, and a stop naming the file, where it was given, the line and the column for every kind of malformed file,
 * never quoting a value from it.
 */
class CouncilLookupsTest {
  @TempDir Path dir;

  /** A value that must never appear in a message. */
  private static final String SECRET = "Zyxwvut Borough";

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private UserError refused(Path names) {
    UserError e = assertThrows(UserError.class,
        () -> CouncilLookups.read(names, "run configuration key report.council_names", null, "unused"));
    assertTrue(e.getMessage().contains(names.toString()), "the file is named: " + e.getMessage());
    assertTrue(e.getMessage().contains("report.council_names"), "where it was given: " + e.getMessage());
    assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains("Zyxwvut"), "a value: " + e.getMessage());
    return e;
  }

  @Test
  void namesAreShownWithTheirCodeAndCodesAreTheFallback() throws Exception {
    // A spreadsheet's byte-order mark, a quoted name with a comma, surrounding spaces and a blank line are fine.
    Path names = file("names.csv", "\uFEFFla_code,la_name\nE06000023,\"Bristol, City of\"\n\n E08000025 , "
        + SECRET + " \n");
    CouncilLookups lookups = CouncilLookups.read(names, null);
    assertTrue(lookups.namesGiven());
    assertEquals("Bristol, City of (E06000023)", lookups.label("E06000023"));
    assertEquals(SECRET, lookups.name("E08000025"));
    assertEquals("E09000033", lookups.label("E09000033"), "a council the file does not name: its code");
    assertFalse(lookups.hasName("E09000033"));
    assertEquals("Unitary authorities", lookups.group("E06000023"), "no comparator file: the council's type");

    CouncilLookups none = CouncilLookups.defaults();
    assertFalse(none.namesGiven());
    assertEquals("E08000025", none.label("E08000025"));
    assertFalse(none.operatorGroups());
  }

  @Test
  void aMissingFileStopsSayingWhatToDo() {
    UserError e = refused(dir.resolve("nowhere.csv"));
    assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("la_code,la_name"),
        e.getMessage());
  }

  @Test
  void aWrongHeaderIsLineOne() throws Exception {
    UserError e = refused(file("h.csv", "code,name\nE08000025," + SECRET + "\n"));
    assertTrue(e.getMessage().contains("line 1: the header must be exactly la_code,la_name"), e.getMessage());
    refused(file("empty.csv", ""));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsNamesItsLine() throws Exception {
    UserError e = refused(file("f.csv", "la_code,la_name\nE06000023,Bristol\nE08000025," + SECRET + ",extra\n"));
    assertTrue(e.getMessage().contains("line 3: 3 field(s) where 2 (la_code,la_name) are expected"),
        e.getMessage());
  }

  @Test
  void anEmptyCellNamesItsLineAndColumn() throws Exception {
    UserError name = refused(file("n.csv", "la_code,la_name\nE06000023,Bristol\nE08000025,  \n"));
    assertTrue(name.getMessage().contains("line 3, column la_name is empty"), name.getMessage());
    UserError code = refused(file("c.csv", "la_code,la_name\n," + SECRET + "\n"));
    assertTrue(code.getMessage().contains("line 2, column la_code is empty"), code.getMessage());
  }

  @Test
  void aCouncilListedTwiceIsRefused() throws Exception {
    UserError e = refused(file("d.csv", "la_code,la_name\nE08000025,Birmingham\nE06000023,Bristol\nE08000025,"
        + SECRET + "\n"));
    assertTrue(e.getMessage().contains("line 4, column la_code") && e.getMessage().contains("give each la_code once"),
        e.getMessage());
  }

  @Test
  void brokenCsvNoRowsAndNotUtf8AreRefused() throws Exception {
    UserError quote = refused(file("q.csv", "la_code,la_name\nE08000025,\"" + SECRET + "\n"));
    assertTrue(quote.getMessage().contains("not valid CSV"), quote.getMessage());
    UserError rows = refused(file("r.csv", "la_code,la_name\n"));
    assertTrue(rows.getMessage().contains("has no rows"), rows.getMessage());
    Path latin = dir.resolve("l.csv");
    Files.write(latin, ("la_code,la_name\nE08000025,Caf\u00e9 " + SECRET + "\n").getBytes(StandardCharsets.ISO_8859_1));
    UserError encoding = refused(latin);
    assertTrue(encoding.getMessage().contains("not UTF-8"), encoding.getMessage());
  }

  @Test
  void theComparatorFileSaysItsOwnOrigin() throws Exception {
    Path groups = file("g.csv", "la_code,comparator_group\nE08000025\n");
    UserError e = assertThrows(UserError.class, () -> CouncilLookups.read(null, groups));
    assertTrue(e.getMessage().startsWith("comparator file " + groups + " (--comparators) line 2"), e.getMessage());
  }
}
