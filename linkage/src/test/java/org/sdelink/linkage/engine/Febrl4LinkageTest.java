package org.sdelink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.evaluation.EvaluationReport;
import org.sdelink.linkage.evaluation.PairwiseEvaluation;
import org.sdelink.linkage.model.LinkageModel;
import org.sdelink.linkage.record.LinkRecord;

class Febrl4LinkageTest {

  @Test
  void linksFebrl4InPlaintextWithoutSocialSecurityNumber() throws Exception {
    Path dir = sharedDir().resolve("data/febrl4");
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("dataset4a.csv")), "FEBRL4 data not found under " + dir + "; skipping");
    LinkageModel model;
    try (InputStream in = getClass().getResourceAsStream("/org/sdelink/linkage/models/febrl4-plaintext.yaml")) {
      model = LinkageModel.load(in);
    }
    List<LinkRecord> left = RecordFiles.readCsv(dir.resolve("dataset4a.csv"), model, "left");
    List<LinkRecord> right = RecordFiles.readCsv(dir.resolve("dataset4b.csv"), model, "right");
    assertEquals(5000, left.size());
    assertEquals(5000, right.size());

    long start = System.nanoTime();
    LinkResult result = InMemoryLinker.link(left, right, model, Optional.empty());
    System.out.printf("FEBRL4 linked in %d ms%n", (System.nanoTime() - start) / 1_000_000);

    Map<String, String> truth = new HashMap<>();
    for (LinkRecord record : left) {
      truth.put(record.key(), record.id().replace("-org", ""));
    }
    for (LinkRecord record : right) {
      truth.put(record.key(), record.id().replace("-dup-0", ""));
    }
    EvaluationReport report = PairwiseEvaluation.ofClusters(result.personIdByRecord(), truth, Map.of());
    System.out.println("FEBRL4 " + report.overall());
    System.out.println("FEBRL4 " + result.statistics());
    System.out.println(result.parameters().toJson());
    result.ambiguous().forEach(a -> System.out.println("ambiguous " + a));
    // DIAGNOSTIC
    var scorer = org.sdelink.linkage.scoring.PairScorer.create(model, result.parameters(),
        org.sdelink.linkage.scoring.TermFrequencies.fromRecords(
            new java.util.ArrayList<LinkRecord>() {{ addAll(left); addAll(right); }}, model.termFrequencyFields()));
    Map<String, LinkRecord> rightById = new HashMap<>();
    right.forEach(r -> rightById.put(r.id().replace("-dup-0", ""), r));
    var pid = result.personIdByRecord();
    for (LinkRecord l : left) {
      LinkRecord r = rightById.get(l.id().replace("-org", ""));
      if (r == null) continue;
      if (!pid.get(l.key()).equals(pid.get(r.key()))) {
        boolean blocked = model.blockingRules().stream().anyMatch(rule -> rule.key(l).isPresent() && rule.key(l).equals(rule.key(r)));
        var sp = scorer.score(l, r);
        System.out.println("MISSED blocked=" + blocked + " " + scorer.waterfall(sp) + " L=" + l.values() + " R=" + r.values());
      }
    }
    assertTrue(report.overall().precision() >= 0.99);
  }

  static Path sharedDir() {
    return Path.of(System.getProperty("sdelink.shared.dir", "../../shared"));
  }
}
