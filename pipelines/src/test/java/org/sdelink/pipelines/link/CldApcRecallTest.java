package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.fixtures.generator.GeneratorConfig;
import org.sdelink.pipelines.run.StageOptions;

/**
 * CLD-APC linkage quality on generated data carrying both miss patterns of issue 18 at the generator's default rates
 * (NHS number missing on one side with the date of birth or postcode different on the other; a wrong but valid NHS
 * number): 3,000 people, seed 18_061 (used by no other test), pseudonymised, Beam link stage on the DirectRunner.
 * Measured with the GP practice comparison and match_weight 6: TP 2,154, FP 2, FN 8 (precision 0.9991, recall
 * 0.9963; before them TP 2,073, FP 2, FN 31 on the generator of the time). The test asserts the targets,
 * precision >= 0.999 and recall >= 0.995 (docs/linkage.md, "CLD-APC recall on both miss patterns").
 */
class CldApcRecallTest {
  @TempDir static Path root;
  static SpineEvaluation evaluation;

  @BeforeAll
  static void link() throws Exception {
    LinkFixture fixture = LinkFixture.pseudonymised(root, GeneratorConfig.of(3000, 18_061L, root.resolve("input")));
    Path linked =
        LinkStage.of(fixture.cld(), fixture.apc()).run(StageOptions.fromArgs(List.of()), root.resolve("linked"));
    evaluation = SpineEvaluation.evaluate(linked.resolve(LinkStage.SPINE), root.resolve("input"));
    System.out.println(evaluation.table());
  }

  @Test
  void precisionAndRecallOnBothMissPatterns() {
    var links = evaluation.links().overall();
    assertTrue(links.precision() >= 0.999, "precision below 0.999: " + links);
    assertTrue(links.recall() >= 0.995, "recall below 0.995: " + links);
    assertTrue(links.recall() > evaluation.nhsOnly().overall().recall() + 0.04,
        "probabilistic links add less than 4 points of recall to the NHS-number rule: " + links);
  }
}
