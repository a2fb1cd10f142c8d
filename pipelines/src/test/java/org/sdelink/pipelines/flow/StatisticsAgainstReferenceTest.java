package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.pipelines.cli.SdelinkCommand;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.pseudonymise.Submissions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import picocli.CommandLine;

/**
 * The SALT tables of {@code sdelink statistics} (Beam, on pseudonymised data with the councils' submissions) equal,
 * cell by cell, those of {@link SaltReference}: plain loops over the raw generated files following NHS England's
 * replication SQL ({@link SaltReference} for LTS001a/b/c and LTS003, {@link SaltSequelReference} for STS001,
 * STS002a/b and LTS002a/b), written without the stage's classes: every cell of the nine tables. Skipped, with the reason, while the statistics command is not part of the build.
 */
class StatisticsAgainstReferenceTest {
  private static final LocalDate START = LocalDate.of(2024, 4, 1);
  private static final LocalDate END = LocalDate.of(2025, 3, 31);

  @TempDir static Path root;
  static FlowFixture fixture;
  static List<SaltReference.Row> latest;
  static List<SaltReference.Row> raw;

  @BeforeAll
  static void generate() throws Exception {
    fixture = FlowFixture.generate(root, 3000, 160_016);
    raw = SaltReference.read(root.resolve("input"), FlowFixture.REFERENCE_DATE);
    latest = SaltReference.latestSubmission(raw, START, END, null);
  }

  @Test
  void theGeneratedYearGivesNonTrivialTables() {
    Set<String> councils = new TreeSet<>();
    raw.forEach(r -> councils.add(r.la()));
    Set<String> covered = new TreeSet<>();
    latest.forEach(r -> covered.add(r.la()));
    // Councils sending only their quarter have no file covering the year: the method leaves them out.
    assertTrue(covered.size() < councils.size() && covered.size() >= councils.size() / 2,
        covered.size() + " of " + councils.size() + " councils have a submission covering the year");
    Map<String, Long> lts001b = SaltReference.withEngland(SaltReference.lts001b(latest, END));
    Set<String> settings = new TreeSet<>();
    long people = 0;
    for (Map.Entry<String, Long> cell : lts001b.entrySet()) {
      String[] key = cell.getKey().split("\t");
      if (key[0].equals(SaltReference.ENGLAND)) {
        settings.add(key[2]);
        people += cell.getValue();
      }
    }
    assertTrue(settings.size() >= 4, "LTS001b settings " + settings);
    assertTrue(people > 200, "LTS001b people " + people);
    Map<String, Long> lts003 = SaltReference.withEngland(SaltReference.lts003(latest, START, END));
    Set<String> support = new TreeSet<>();
    lts003.keySet().stream().filter(k -> k.startsWith(SaltReference.ENGLAND)).forEach(k -> support.add(
        k.split("\t")[2]));
    assertTrue(support.size() >= 5, "LTS003 support kinds " + support);
    Map<String, Long> lts001c = SaltReference.withEngland(SaltReference.lts001c(latest, END, END.plusYears(1)));
    assertTrue(lts001c.getOrDefault(SaltReference.ENGLAND + "\t65+", 0L) > 50, "LTS001c " + lts001c);

    List<SaltSequelReference.Client> clients = SaltSequelReference.clients(raw, END, null);
    SaltSequelReference.Sts001 sts001 = SaltSequelReference.sts001(clients, START, END);
    assertTrue(englandValues(sts001.table(), 2).size() >= 8, "STS001 sequels " + englandValues(sts001.table(), 2));
    assertTrue(englandValues(sts001.table(), 1).size() >= 4, "STS001 routes " + englandValues(sts001.table(), 1));
    var sts002a = SaltSequelReference.sts002a(clients, sts001.stMaxCohort(), START, END);
    assertTrue(englandValues(sts002a, 1).size() >= 4, "STS002a sequels " + englandValues(sts002a, 1));
    long existing = SaltReference.withEngland(SaltSequelReference.sts002b(clients, START, END)).entrySet().stream()
        .filter(e -> e.getKey().startsWith(SaltReference.ENGLAND)).mapToLong(Map.Entry::getValue).sum();
    assertTrue(existing > 10, "STS002b ST-Max periods of existing clients " + existing);
    var lts002a = SaltSequelReference.lts002(latest,
        SaltReference.persons(SaltReference.lts001aCohort(latest, START, END), END), false, START, END);
    assertTrue(englandValues(lts002a, 1).size() >= 3, "LTS002a reasons " + englandValues(lts002a, 1));
    var lts002b = SaltSequelReference.lts002(latest,
        SaltReference.persons(SaltReference.lts001cChained(latest, END, END.plusYears(1)), END), true, START, END);
    assertTrue(englandValues(lts002b, 1).size() >= 2, "LTS002b outcomes " + englandValues(lts002b, 1));
  }

  /** The distinct values of key column {@code column} (0 = age band) among a table's ENGLAND cells. */
  private static Set<String> englandValues(Map<String, Map<String, Long>> table, int column) {
    Set<String> values = new TreeSet<>();
    SaltReference.withEngland(table).keySet().stream().filter(k -> k.startsWith(SaltReference.ENGLAND + "\t"))
        .forEach(k -> values.add(k.split("\t")[column + 1]));
    return values;
  }

  @Test
  void everyCellEqualsTheReference() throws Exception {
    CommandLine cli = new CommandLine(new SdelinkCommand());
    assumeTrue(cli.getSubcommands().containsKey("statistics"),
        "sdelink statistics is not in this build yet (another change adds it): nothing to compare");
    Path cld = root.resolve("cld");
    List<Path> files = fixture.generated.cldSubmissionFiles();
    Stages.pseudonymise(InputSource.CLD, files, fixture.key, FlowFixture.REFERENCE_DATE)
        .withSubmissions(Submissions.read(fixture.generated.cldSubmissions()))
        .run(StageOptions.fromArgs(List.of()), cld);
    Path out = root.resolve("statistics");
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("statistics", "--cld", cld.toString(), "--year", "2024-25", "--output", out.toString());
    assertEquals(0, code, "statistics failed: " + err);
    compareAll(raw, latest, null, out);

    // The submission window: councils whose year-end file came later have no covering submission, and the request
    // and ST-Max tables read the versions received by the date.
    LocalDate submittedBy = LocalDate.of(2025, 4, 25);
    Path windowed = root.resolve("statistics-window");
    code = cli.execute("statistics", "--cld", cld.toString(), "--year", "2024-25", "--submitted-by",
        submittedBy.toString(), "--output", windowed.toString());
    assertEquals(0, code, "statistics --submitted-by failed: " + err);
    List<SaltReference.Row> latestByDate = SaltReference.latestSubmission(raw, START, END, submittedBy);
    assertTrue(latestByDate.size() < latest.size(), "the window leaves out no year-end submission");
    compareAll(raw, latestByDate, submittedBy, windowed);
  }

  private static void compareAll(List<SaltReference.Row> raw, List<SaltReference.Row> latest, LocalDate submittedBy,
      Path out) throws Exception {
    compare("LTS001a", SaltReference.withEngland(SaltReference.lts001a(latest, START, END)), out);
    compare("LTS001b", SaltReference.withEngland(SaltReference.lts001b(latest, END)), out);
    compare("LTS001c", SaltReference.withEngland(SaltReference.lts001c(latest, END, END.plusYears(1))), out);
    compare("LTS003", SaltReference.withEngland(SaltReference.lts003(latest, START, END)), out);

    List<SaltSequelReference.Client> clients = SaltSequelReference.clients(raw, END, submittedBy);
    SaltSequelReference.Sts001 sts001 = SaltSequelReference.sts001(clients, START, END);
    compare("STS001", SaltReference.withEngland(sts001.table()), out);
    compare("STS002a", SaltReference.withEngland(
        SaltSequelReference.sts002a(clients, sts001.stMaxCohort(), START, END)), out);
    compare("STS002b", SaltReference.withEngland(SaltSequelReference.sts002b(clients, START, END)), out);
    compare("LTS002a", SaltReference.withEngland(SaltSequelReference.lts002(latest,
        SaltReference.persons(SaltReference.lts001aCohort(latest, START, END), END), false, START, END)), out);
    compare("LTS002b", SaltReference.withEngland(SaltSequelReference.lts002(latest,
        SaltReference.persons(SaltReference.lts001cChained(latest, END, END.plusYears(1)), END), true, START,
        END)), out);
  }

  private static void compare(String table, Map<String, Long> expected, Path out) throws Exception {
    Path csv = out.resolve("salt").resolve(table + ".csv");
    assertTrue(Files.exists(csv), "statistics wrote no salt/" + table + ".csv");
    Map<String, Long> actual = SaltReference.readTable(csv);
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys) {
      Long e = expected.get(key);
      Long a = actual.get(key);
      if (!java.util.Objects.equals(e, a)) {
        differences.add(key.replace('\t', '|') + ": reference " + e + ", statistics " + a);
      }
    }
    assertTrue(differences.isEmpty(), out.getFileName() + " " + table + ": " + differences.size() + " of " + keys.size()
        + " cells differ, e.g. " + differences.subList(0, Math.min(10, differences.size())));
  }
}
