package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdelink.fixtures.broken.BrokenFileCorpus;
import org.sdelink.pipelines.contract.CodeLists;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.pseudonymise.StageReport;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/** Every file of the broken-input corpus through the pseudonymise stage: the stated error or reject, counts reconcile. */
class BrokenInputTest {
  @TempDir static Path root;
  static MasterKey key;

  static CodeLists codeLists;

  @BeforeAll
  static void key() throws Exception {
    Path keystore = root.resolve("keys.p12");
    KeyStoreFile.initDemo(keystore, "test-password".toCharArray());
    key = Stages.openPrimaryKey(keystore, "test-password".toCharArray(), true);
    Path lists = Files.createDirectories(root.resolve("code-lists"));
    for (var file : BrokenFileCorpus.codeListsFor().entrySet()) {
      Files.writeString(lists.resolve(file.getKey()), file.getValue());
    }
    codeLists = CodeLists.load(lists);
  }

  static Stream<BrokenFileCorpus.Case> cases() {
    return BrokenFileCorpus.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBrokenFileGivesItsStatedOutcome(BrokenFileCorpus.Case c) throws Exception {
    Path file = root.resolve(c.name() + ".csv");
    Files.write(file, c.content());
    Path out = root.resolve("out-" + c.name());
    var stage = Stages.pseudonymise(InputSource.fromId(c.source()), List.of(file), key, LocalDate.of(2025, 6, 30))
        .withMaxRejectRate(1.0).withCodeLists(codeLists);
    if (c.outcome() == BrokenFileCorpus.Outcome.STOP) {
      InputContractException stop = assertThrows(InputContractException.class,
          () -> stage.run(StageOptions.fromArgs(List.of()), out));
      assertTrue(stop.getMessage().contains(c.reason()), stop.getMessage());
      assertTrue(stop.getMessage().contains(file.getFileName().toString()), "the message names the file");
      assertFalse(Files.exists(out), "a stopped run left output");
      return;
    }
    StageReport report = stage.run(StageOptions.fromArgs(List.of()), out);
    List<Map<String, String>> rejects = FlowFixture.readCsv(out.resolve("rejects.csv"));
    List<Map<String, String>> records = FlowFixture.readCsv(out.resolve("records.csv"));
    assertEquals(report.rowsIn(), report.accepted() + report.rejected(), "rows in = accepted + rejected");
    assertEquals(records.size(), report.accepted());
    assertEquals(rejects.size(), report.rejected());
    assertEquals(c.acceptedRows(), records.size(), "accepted rows");
    assertTrue(report.codesChecked());
    for (Map.Entry<String, Long> unknown : report.unknownCodes().entrySet()) {
      long expected = c.unknownCodes().getOrDefault(unknown.getKey(), 0L);
      assertEquals(expected, unknown.getValue(), "unknown values of " + unknown.getKey());
      assertEquals(expected, report.fileCounts(file.getFileName().toString())
          .getOrDefault(StageReport.UNKNOWN_CODE + unknown.getKey(), 0L), "per file");
    }
    assertTrue(report.unknownCodes().keySet().containsAll(c.unknownCodes().keySet()), "columns checked");
    if (c.outcome() == BrokenFileCorpus.Outcome.ACCEPT) {
      assertTrue(rejects.isEmpty(), "unexpected rejects: " + rejects);
    } else {
      assertEquals(c.rejectedLines(), rejects.stream().map(r -> Long.parseLong(r.get("line"))).toList());
      assertEquals(List.of(c.reason()), rejects.stream().map(r -> r.get("reason")).distinct().toList());
      for (Map<String, String> reject : rejects) {
        assertEquals(file.getFileName().toString(), reject.get("file"));
        assertFalse(reject.get("message").contains("-20.50") || reject.get("message").contains("Jos"),
            "a reject quotes a value");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aFileThatIsMostlyGarbageStopsTheRunNamingTheFile() throws Exception {
    BrokenFileCorpus.Case c = BrokenFileCorpus.cases().stream()
        .filter(x -> x.name().equals("too_many_columns")).findFirst().orElseThrow();
    Path file = root.resolve("mostly_garbage.csv");
    Files.write(file, c.content());
    Path out = root.resolve("out-garbage");
    var stage = Stages.pseudonymise(InputSource.APC, List.of(file), key, LocalDate.of(2025, 6, 30))
        .withMaxRejectRate(0.25);
    InputContractException stop = assertThrows(InputContractException.class,
        () -> stage.run(StageOptions.fromArgs(List.of()), out));
    assertTrue(stop.getMessage().contains("mostly_garbage.csv") && stop.getMessage().contains("COLUMN_COUNT"),
        stop.getMessage());
    assertFalse(Files.exists(out), "a stopped run left output");
    assertFalse(Files.exists(root.resolve("out-garbage.partial")), "a stopped run left its partial folder");
  }
}
