package org.sdelink.linkage.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdelink.linkage.evaluation.PairwiseEvaluation.EntityRecordLink;

class PairwiseEvaluationTest {

  @Test
  void clusterModeCountsPairsWithinPredictedAndTrueClusters() {
    Map<String, String> predicted = Map.of("a", "P1", "b", "P1", "c", "P1", "d", "P2", "e", "P3");
    Map<String, String> truth = Map.of("a", "X", "b", "X", "c", "Y", "d", "X", "e", "Z");
    EvaluationReport report = PairwiseEvaluation.ofClusters(predicted, truth, Map.of());
    // predicted pairs: ab (TP), ac (FP), bc (FP); true pairs: ab, ad (FN), bd (FN)
    assertEquals(new PairwiseCounts(1, 2, 2), report.overall());
    assertEquals(1.0 / 3, report.overall().precision(), 1e-12);
    assertEquals(1.0 / 3, report.overall().recall(), 1e-12);
    assertEquals(1.0 / 3, report.overall().f1(), 1e-12);
  }

  @Test
  void subgroupsCountEachPairInTheGroupsOfItsRecords() {
    Map<String, String> predicted = Map.of("a", "P1", "b", "P1", "c", "P2", "d", "P2");
    Map<String, String> truth = Map.of("a", "X", "b", "X", "c", "Y", "d", "Z");
    Map<String, String> groups = Map.of("a", "g1", "b", "g1", "c", "g1", "d", "g2");
    EvaluationReport report = PairwiseEvaluation.ofClusters(predicted, truth, groups);
    assertEquals(new PairwiseCounts(1, 1, 0), report.overall());
    assertEquals(new PairwiseCounts(1, 1, 0), report.bySubgroup().get("g1"));
    assertEquals(new PairwiseCounts(0, 1, 0), report.bySubgroup().get("g2"));
  }

  @Test
  void recordsMissingFromOneSideAreSingletons() {
    EvaluationReport report = PairwiseEvaluation.ofClusters(
        Map.of("a", "P1"), Map.of("a", "X", "b", "X"), Map.of("a", "g"));
    assertEquals(new PairwiseCounts(0, 0, 1), report.overall());
    assertEquals(new PairwiseCounts(0, 0, 1), report.bySubgroup().get(PairwiseEvaluation.NO_SUBGROUP));
    assertEquals(new PairwiseCounts(0, 0, 1), report.bySubgroup().get("g"));
  }

  @Test
  void linkModeScoresEntityRecordPairs() {
    List<EntityRecordLink> predicted = List.of(
        new EntityRecordLink("cld-1", "apc:1"), new EntityRecordLink("cld-1", "apc:2"),
        new EntityRecordLink("cld-2", "apc:3"));
    List<EntityRecordLink> truth = List.of(
        new EntityRecordLink("cld-1", "apc:1"), new EntityRecordLink("cld-2", "apc:4"),
        new EntityRecordLink("cld-2", "apc:5"));
    EvaluationReport report =
        PairwiseEvaluation.ofLinks(predicted, truth, Map.of("cld-1", "women", "cld-2", "men"));
    assertEquals(new PairwiseCounts(1, 2, 2), report.overall());
    assertEquals(new PairwiseCounts(1, 1, 0), report.bySubgroup().get("women"));
    assertEquals(new PairwiseCounts(0, 1, 2), report.bySubgroup().get("men"));
    assertEquals(1.0, new PairwiseCounts(0, 0, 0).precision(), 0);
  }
}
