package org.sdelink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.TestModels;
import org.sdelink.linkage.evaluation.EvaluationReport;
import org.sdelink.linkage.evaluation.PairwiseEvaluation;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.model.ModelParameters;
import org.sdelink.linkage.record.LinkRecord;

/**
 * FEBRL 4 (5,000 + 5,000 records, 5,000 true links rec-N-org <-> rec-N-dup-0) linked in plaintext without
 * soc_sec_id, parameters estimated unsupervised. Published for clkhash + anonlink on Bloom filters: precision
 * 1.000, recall 0.992. Skipped when the shared data directory is absent.
 */
class Febrl4LinkageTest {
  private static LinkageModel model;
  private static List<LinkRecord> left;
  private static List<LinkRecord> right;
  private static LinkResult result;

  @BeforeAll
  static void link() {
    Path dir = Path.of(System.getProperty("sdelink.shared.dir", "../../shared")).resolve("data/febrl4");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("dataset4a.csv")) && Files.isRegularFile(
        dir.resolve("dataset4b.csv")), "FEBRL4 data not found under " + dir + " (sdelink.shared.dir); skipping");
    model = TestModels.resource("febrl4-plaintext");
    left = RecordFiles.readCsv(dir.resolve("dataset4a.csv"), model, "left");
    right = RecordFiles.readCsv(dir.resolve("dataset4b.csv"), model, "right");
    result = InMemoryLinker.link(left, right, model, Optional.empty());
  }

  private static Map<String, String> truth() {
    Map<String, String> truth = new HashMap<>();
    left.forEach(record -> truth.put(record.key(), record.id().replace("-org", "")));
    right.forEach(record -> truth.put(record.key(), record.id().replace("-dup-0", "")));
    return truth;
  }

  @Test
  void reachesPublishedPrecisionAndRecallWithoutSocialSecurityNumbers() {
    assertEquals(5000, left.size());
    assertEquals(5000, right.size());
    EvaluationReport report = PairwiseEvaluation.ofClusters(result.personIdByRecord(), truth(), Map.of());
    System.out.println("FEBRL4 plaintext: " + report.overall() + "\nFEBRL4 " + result.statistics());
    // Measured: TP 4995, FP 0, FN 5 (precision 1.0000, recall 0.9990); 3 of the 5 misses share no blocking key.
    assertTrue(report.overall().precision() >= 0.999, report.toString());
    assertTrue(report.overall().recall() >= 0.998, report.toString());
    assertEquals(5000 + 5000 - report.overall().truePositives(), result.statistics().clusters());
  }

  @Test
  void theEstimatedParametersReproduceTheRunExactly() {
    String json = result.parameters().toJson();
    LinkResult again = InMemoryLinker.link(left, right, model, Optional.of(ModelParameters.fromJson(json)));
    assertEquals(result.spineCsv(), again.spineCsv());
    assertEquals(json, again.parameters().toJson());
    assertEquals("deterministic", result.parameters().priorSource());
  }
}
