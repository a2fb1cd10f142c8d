package org.sdelink.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.junit.jupiter.api.Test;

class StageOptionsTest {
  @Test
  void theDirectRunnerGetsFewBucketsAndItsChecksOff() {
    SdelinkPipelineOptions options = StageOptions.fromArgs(List.of());
    assertEquals(64, options.getBuckets());
    assertFalse(options.as(DirectOptions.class).isEnforceImmutability());
    assertFalse(options.as(DirectOptions.class).isEnforceEncodability());
  }

  @Test
  void flinkGetsManyBucketsAndTheEmbeddedClusterUnlessTold() {
    SdelinkPipelineOptions flink = StageOptions.fromArgs(List.of("--runner=FlinkRunner"));
    assertEquals(StageOptions.FLINK_BUCKETS, flink.getBuckets());
    assertTrue(flink.getBuckets() >= 1 << 20, "about a million buckets");
    assertEquals("[local]", flink.as(FlinkPipelineOptions.class).getFlinkMaster());
    SdelinkPipelineOptions told = StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--buckets=256"));
    assertEquals(256, told.getBuckets());
  }

  @Test
  void theRemovedOutputPartsOptionStopsWithWhatToDo() {
    UserError e = assertThrows(UserError.class, () -> StageOptions.fromArgs(List.of("--outputParts=16")));
    assertTrue(e.getMessage().contains("--outputParts was removed") && e.getMessage().contains("delete the option"),
        e.getMessage());
  }
}
