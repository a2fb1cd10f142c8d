package org.sdelink.pipelines.pseudonymise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.GenerationSummary;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.fixtures.generator.SyntheticDataGenerator;
import org.sdelink.metrics.evaluation.ReportingPeriod;
import org.sdelink.pipelines.contract.InputContractException;
import org.sdelink.pipelines.contract.InputSource;
import org.sdelink.pipelines.link.LinkStage;
import org.sdelink.pipelines.link.ModelSpecFile;
import org.sdelink.pipelines.metrics.MetricsStage;
import org.sdelink.pipelines.run.SdelinkPipelineOptions;
import org.sdelink.pipelines.run.StageOptions;
import org.sdelink.pipelines.run.Stages;
import org.sdelink.pseudonymisation.keys.KeyPolicy;
import org.sdelink.pseudonymisation.keys.KeyRing;
import org.sdelink.pseudonymisation.keys.KeyStoreFile;
import org.sdelink.pseudonymisation.keys.MasterKey;

/**
 * Issue 15: keys are told apart by their fingerprint. Two keys that share an old-style id (two keystores made the
 * same day before ids carried a fingerprint) do not count as the same for stage reuse, and link and metrics refuse
 * CLD and APC records tokenised under different keys, naming both.
 */
class KeyConsistencyTest {
  private static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 6, 30);
  @TempDir static Path root;
  static Path cldFile;
  static Path apcFile;
  static SdelinkPipelineOptions options;
  /** Two different keys with the same old-style id, as two keystores made on 2026-12-06 held. */
  static MasterKey oldA;
  static MasterKey oldB;

  @BeforeAll
  static void generate() throws Exception {
    GenerationSummary generated = SyntheticDataGenerator.generate(GeneratorConfig.of(60, 15, root.resolve("input")));
    cldFile = generated.files().get("cld_events.csv");
    apcFile = generated.files().get("apc_episodes.csv");
    options = StageOptions.fromArgs(List.of());
    oldA = MasterKey.of("k20261206-1", random32());
    oldB = MasterKey.of("k20261206-1", random32());
  }

  private static byte[] random32() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static Path pseudonymise(InputSource source, MasterKey key, String folder) throws Exception {
    Path out = root.resolve(folder);
    Stages.pseudonymise(source, List.of(source == InputSource.CLD ? cldFile : apcFile), key, REFERENCE_DATE)
        .run(options, out);
    return out;
  }

  /** Issue 15: run kept every stage as "unchanged" after the keystore was swapped for one with the same key id. */
  @Test
  void aSwappedKeyWithTheSameIdIsNotUpToDate() throws Exception {
    Path out = pseudonymise(InputSource.CLD, oldA, "reuse-cld");
    assertTrue(Stages.pseudonymise(InputSource.CLD, List.of(cldFile), oldA, REFERENCE_DATE).isUpToDate(out));
    assertEquals(oldA.id(), oldB.id());
    assertFalse(Stages.pseudonymise(InputSource.CLD, List.of(cldFile), oldB, REFERENCE_DATE).isUpToDate(out),
        "another key under the same id must rerun the stage");
    String report = Files.readString(out.resolve(PseudonymiseStage.REPORT));
    assertEquals(oldA.fingerprint(), new ObjectMapper().readTree(report).path("key_fingerprint").asText());
  }

  /** Issue 15: two keys with the same old-style id are told apart by the fingerprint in report.json. */
  @Test
  void linkAndMetricsRefuseRecordsOfTwoKeysThatShareAnOldId() throws Exception {
    Path cld = pseudonymise(InputSource.CLD, oldA, "same-id-cld");
    Path apc = pseudonymise(InputSource.APC, oldB, "same-id-apc");
    InputContractException e = assertThrows(InputContractException.class,
        () -> LinkStage.of(cld, apc).run(options, root.resolve("same-id-linked")));
    assertTrue(e.getMessage().contains(oldA.label()), e.getMessage());
    assertTrue(e.getMessage().contains(oldB.label()), e.getMessage());
    assertNotEquals(oldA.label(), oldB.label());
    assertFalse(Files.exists(root.resolve("same-id-linked")), "nothing is written");
    Path spine = Files.writeString(root.resolve("given-spine.csv"), String.join(",", LinkStage.SPINE_COLUMNS) + "\n");
    assertThrows(InputContractException.class, () -> MetricsStage.of(cld, apc, spine,
        ReportingPeriod.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))).run(options, root.resolve("m")));
    Path apcSameKey = pseudonymise(InputSource.APC, oldA, "same-key-apc");
    assertDoesNotThrow(() -> KeyConsistency.requireSameKey(cld.resolve(PseudonymiseStage.RECORDS),
        apcSameKey.resolve(PseudonymiseStage.RECORDS)));
  }

  /**
   * Issue 15: after keys rotate, CLD under the old key and APC under the new one ended in an EM error not naming the
   * keys, and with --model-params in exit 0 with recall 0. Both now stop before any work, naming both key ids.
   */
  @Test
  void linkRefusesRecordsTokenisedEitherSideOfARotation() throws Exception {
    Path keystore = root.resolve("rotate.p12");
    char[] password = "rotation test password".toCharArray();
    KeyStoreFile.init(keystore, password.clone());
    MasterKey before = KeyStoreFile.open(keystore, password.clone(), KeyPolicy.PRODUCTION).primary();
    KeyStoreFile.rotate(keystore, password.clone());
    KeyRing ring = KeyStoreFile.open(keystore, password.clone(), KeyPolicy.PRODUCTION);
    MasterKey after = ring.primary();
    Path cld = pseudonymise(InputSource.CLD, before, "rotated-cld");
    Path apc = pseudonymise(InputSource.APC, after, "rotated-apc");
    for (Optional<Path> params : List.of(Optional.<Path>empty(), Optional.of(root.resolve("model-params.json")))) {
      InputContractException e = assertThrows(InputContractException.class,
          () -> LinkStage.of(cld, apc, ModelSpecFile.defaultCldApc(), params).run(options, root.resolve("linked")));
      assertTrue(e.getMessage().contains("key " + before.id()), e.getMessage());
      assertTrue(e.getMessage().contains("key " + after.id()), e.getMessage());
      assertTrue(e.getMessage().contains("different keys"), e.getMessage());
      assertTrue(e.getMessage().contains("Pseudonymise both sources"), e.getMessage());
    }
  }
}
