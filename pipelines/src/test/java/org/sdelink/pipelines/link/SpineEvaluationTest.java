package org.sdelink.pipelines.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.linkage.evaluation.PairwiseCounts;

/** Pairwise figures of {@link SpineEvaluation} on a spine small enough to count by hand. */
class SpineEvaluationTest {
  @TempDir Path dir;

  @Test
  void countsCouncilPersonEpisodePairs() throws Exception {
    writeTruthAndSpine();
    SpineEvaluation evaluation = SpineEvaluation.evaluate(dir.resolve("spine.csv"), dir);
    // true links: (LA1|T1,e1) (LA1|T1,e2) (LA2|T2,e3); predicted: (LA1|T1,e1) (LA2|T2,e3) (LA2|T2,e4)
    assertEquals(new PairwiseCounts(2, 1, 1), evaluation.links().overall());
    assertEquals(new PairwiseCounts(1, 0, 1), evaluation.links().bySubgroup().get("LA1"));
    assertEquals(new PairwiseCounts(1, 1, 0), evaluation.links().bySubgroup().get("LA2"));
    // NHS-number rule only: just (LA1|T1,e1)
    assertEquals(new PairwiseCounts(1, 0, 2), evaluation.nhsOnly().overall());
    assertTrue(evaluation.linksByEthnicGroup().isEmpty(), "no people.csv, no ethnicity");
    assertFalse(evaluation.table().contains("ethnic"));
  }

  private void writeTruthAndSpine() throws Exception {
    // Truth: T1 = LA1 client (2 records) + episodes e1, e2; T2 = LA2 client + episode e3; T3 = episode e4 only.
    Files.writeString(dir.resolve("truth.csv"), String.join("\n",
        "source,record_id,person_id",
        "cld,LA1:a,T1", "cld,LA1:b,T1", "apc,e1,T1", "apc,e2,T1",
        "cld,LA2:c,T2", "apc,e3,T2",
        "apc,e4,T3", ""));
    // Predicted: e2 missed, e4 wrongly joined to T2's person (probabilistic); e1 by NHS number, e3 probabilistic.
    Files.writeString(dir.resolve("spine.csv"), String.join("\n",
        "source,record_id,person_id,match_rule,match_weight",
        "cld,LA1:a,P1,nhs_number+dob,", "cld,LA1:b,P1,la_person_id,", "apc,e1,P1,nhs_number+dob,",
        "apc,e2,P9,unlinked,",
        "cld,LA2:c,P2,unlinked,", "apc,e3,P2,probabilistic,9.5000", "apc,e4,P2,probabilistic,8.1000", ""));
  }

  @Test
  void reportsLinksByTheTruePersonsEthnicityWhenPeopleCsvIsThere() throws Exception {
    writeTruthAndSpine();
    // T1 and T3 written in Release 1 form, T2 in Release 2 form of another group.
    Files.writeString(dir.resolve("people.csv"), String.join("\n",
        "person_id,given_name,ethnicity",
        "T1,X,Asian or Asian British - Indian", "T2,Y,White: Irish", "T3,Z,", ""));
    SpineEvaluation evaluation = SpineEvaluation.evaluate(dir.resolve("spine.csv"), dir);
    var byGroup = evaluation.linksByEthnicGroup().orElseThrow().bySubgroup();
    assertEquals(new PairwiseCounts(1, 0, 1), byGroup.get("Asian or Asian British"));
    assertEquals(new PairwiseCounts(1, 1, 0), byGroup.get("White"));
    assertEquals(new PairwiseCounts(1, 0, 1),
        evaluation.linksByEthnicity().orElseThrow().bySubgroup().get("Asian or Asian British: Indian"));
    assertTrue(evaluation.table().contains("  ethnic group White"));
    assertTrue(evaluation.toJson().contains("\"by_ethnic_group\"") && evaluation.toJson().contains("\"White: Irish\""));
    assertFalse(evaluation.toJson().contains("\"X\""), "no other column of people.csv is read out");
  }
}
