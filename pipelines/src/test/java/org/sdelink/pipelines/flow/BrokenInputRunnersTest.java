package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.broken.BrokenFileCorpus;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.io.StageDirectory;
import org.sdelink.pipelines.pseudonymise.PseudonymiseStage;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pipelines.pseudonymise.Submissions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * Every readable file of the broken-input corpus, one run per source with all of them as inputs, on the DirectRunner
 * and on embedded Flink: the same records, rejects and report byte for byte, counts that reconcile per file, and the
 * duplicate-EPIKEY rule at work across files (the APC files share EPIKEYs 1001 and 1002 with varying content).
 */
class BrokenInputRunnersTest {
  @TempDir static Path root;
  static MasterKey key;
  static CodeLists codeLists;

  @BeforeAll
  static void setUp() throws Exception {
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "test-password".toCharArray());
    key = Stages.openPrimaryKey(keystore, "test-password".toCharArray(), true);
    Path lists = Files.createDirectories(root.resolve("code-lists"));
    for (var file : BrokenFileCorpus.codeListsFor().entrySet()) {
      Files.writeString(lists.resolve(file.getKey()), file.getValue());
    }
    codeLists = CodeLists.load(lists);
  }

  @Test
  void theCorpusGivesTheSameOutputsOnBothRunners() throws Exception {
    for (InputSource source : InputSource.values()) {
      List<Path> files = new ArrayList<>();
      for (BrokenFileCorpus.Case c : BrokenFileCorpus.cases()) {
        if (c.source().equals(source.id()) && c.outcome() != BrokenFileCorpus.Outcome.STOP) {
          Path file = Files.createDirectories(root.resolve("in-" + source.id())).resolve(c.name() + ".csv");
          Files.write(file, c.content());
          files.add(file);
        }
      }
      var stage = Stages.pseudonymise(source, files, key, LocalDate.of(2025, 6, 30)).withMaxRejectRate(1.0)
          .withCodeLists(codeLists);
      if (source == InputSource.CLD) {
        // Several corpus files hold rows of one council: the stage needs their received dates (one a day).
        StringBuilder list = new StringBuilder(String.join(",", Submissions.COLUMNS)).append('\n');
        for (int i = 0; i < files.size(); i++) {
          list.append(files.get(i).getFileName()).append(",E08000035,")
              .append(LocalDate.of(2025, 4, 1).plusDays(i)).append('\n');
        }
        Path submissions = Files.writeString(root.resolve("submissions.csv"), list.toString());
        stage = stage.withSubmissions(Submissions.read(submissions));
      }
      Path direct = root.resolve("direct-" + source.id());
      Path flink = root.resolve("flink-" + source.id());
      StageReport report = stage.run(StageOptions.fromArgs(List.of()), direct);
      stage.run(StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--parallelism=2")), flink);

      assertEquals(hashes(direct), hashes(flink), source + ": Flink and the DirectRunner differ");
      for (Path file : files) {
        Map<String, Long> counts = report.fileCounts(file.getFileName().toString());
        assertTrue(counts.containsKey("rows_in"), "not read: " + file);
        assertEquals(counts.get("rows_in"), counts.get("accepted") + counts.get("rejected"), file.toString());
      }
      assertEquals(report.accepted(), FlowFixture.readCsv(direct.resolve(PseudonymiseStage.RECORDS)).size());
      assertEquals(report.rejected(), FlowFixture.readCsv(direct.resolve(PseudonymiseStage.REJECTS)).size());
      assertEquals(report.rowsIn(), report.accepted() + report.rejected());
      if (source == InputSource.APC) {
        assertTrue(report.rejectReasons().getOrDefault("DUPLICATE_KEY", 0L) > 0, "no DUPLICATE_KEY across files");
      } else {
        assertTrue(report.unknownCodes().get("Service_Type") >= 1, "the unknown Service_Type is counted");
      }
    }
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (!name.equals(StageDirectory.SUCCESS) && !name.startsWith("_SDELINK")) {
          out.put(name, StageDirectory.sha256(file));
        }
      }
    }
    assertTrue(out.keySet().containsAll(List.of(PseudonymiseStage.RECORDS, PseudonymiseStage.REJECTS,
        PseudonymiseStage.REPORT)), "records, rejects and report: " + out.keySet());
    return out;
  }
}
