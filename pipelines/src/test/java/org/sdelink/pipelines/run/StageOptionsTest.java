package org.sdelink.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.junit.jupiter.api.Test;
import org.sdelink.pipelines.grouping.GroupIntoBuckets;

/** The runner defaults sdelink adds to a stage's Beam arguments, and the error for a runner it does not have. */
class StageOptionsTest {
  @Test
  void directRunnerIsTheDefaultWithItsChecksOff() {
    DirectOptions options = StageOptions.fromArgs(List.of("--buckets=8")).as(DirectOptions.class);
    assertEquals(DirectRunner.class, options.getRunner());
    assertFalse(options.isEnforceImmutability());
    assertFalse(options.isEnforceEncodability());
    assertEquals(8, options.as(SdelinkPipelineOptions.class).getBuckets());
  }

  @Test
  void flinkWithoutAMasterRunsEmbedded() {
    FlinkPipelineOptions options = StageOptions.fromArgs(List.of("--runner=FlinkRunner")).as(FlinkPipelineOptions.class);
    assertEquals(FlinkRunner.class, options.getRunner());
    assertEquals("[local]", options.getFlinkMaster());
    assertEquals(StageOptions.FLINK_BUCKETS, options.as(SdelinkPipelineOptions.class).getBuckets());
    assertTrue(StageOptions.FLINK_BUCKETS > 64 && StageOptions.FLINK_BUCKETS <= GroupIntoBuckets.BATCH_UP_TO_BUCKETS,
        "more buckets than the DirectRunner's, few enough to batch");
    SdelinkPipelineOptions told = StageOptions.fromArgs(List.of("--runner=FlinkRunner", "--buckets=256"));
    assertEquals(256, told.getBuckets());
  }

  @Test
  void theDirectRunnerKeepsFewBuckets() {
    assertEquals(64, StageOptions.fromArgs(List.of()).getBuckets());
  }

  @Test
  void theRemovedOutputPartsOptionStopsWithWhatToDo() {
    UserError e = assertThrows(UserError.class, () -> StageOptions.fromArgs(List.of("--outputParts=16")));
    assertTrue(e.getMessage().contains("--outputParts was removed") && e.getMessage().contains("delete the option"),
        e.getMessage());
  }

  @Test
  void sparkWithoutAMasterRunsLocallyOnEveryProcessor() {
    SparkPipelineOptions options = StageOptions.fromArgs(List.of("--runner=SparkRunner", "--buckets=4"))
        .as(SparkPipelineOptions.class);
    assertEquals(SparkRunner.class, options.getRunner());
    assertEquals("local[" + Runtime.getRuntime().availableProcessors() + "]", options.getSparkMaster());
    assertEquals(4, options.as(SdelinkPipelineOptions.class).getBuckets());
  }

  @Test
  void aGivenSparkMasterIsKept() {
    SparkPipelineOptions options = StageOptions.fromArgs(List.of("--runner=SparkRunner",
        "--sparkMaster=spark://spark-master.example:7077")).as(SparkPipelineOptions.class);
    assertEquals("spark://spark-master.example:7077", options.getSparkMaster());
  }

  @Test
  void localSparkListensOnLoopbackOnlyWithoutItsWebUiUnlessTheOperatorSaysOtherwise() {
    List<String> properties = List.of(StageOptions.SPARK_UI, "spark.driver.bindAddress", "spark.driver.host");
    Map<String, String> before = new HashMap<>();
    properties.forEach(p -> before.put(p, System.getProperty(p)));
    try {
      properties.forEach(System::clearProperty);
      StageOptions.fromArgs(List.of("--runner=FlinkRunner"));
      properties.forEach(p -> assertNull(System.getProperty(p), p + " set for another runner"));

      StageOptions.fromArgs(List.of("--runner=SparkRunner", "--sparkMaster=spark://spark-master.example:7077"));
      assertEquals("false", System.getProperty(StageOptions.SPARK_UI));
      assertNull(System.getProperty("spark.driver.host"), "a cluster's driver bound to loopback");

      System.setProperty(StageOptions.SPARK_UI, "true");
      System.setProperty("spark.driver.host", "10.1.2.3");
      StageOptions.fromArgs(List.of("--runner=SparkRunner"));
      assertEquals("true", System.getProperty(StageOptions.SPARK_UI));
      assertEquals("10.1.2.3", System.getProperty("spark.driver.host"));
      assertEquals("127.0.0.1", System.getProperty("spark.driver.bindAddress"));
    } finally {
      for (String p : properties) {
        if (before.get(p) == null) {
          System.clearProperty(p);
        } else {
          System.setProperty(p, before.get(p));
        }
      }
    }
  }

  @Test
  void anUnknownRunnerNamesTheRunnersAvailable() {
    UserError error = assertThrows(UserError.class, () -> StageOptions.fromArgs(List.of("--runner=SamzaRunner")));
    assertTrue(error.getMessage().contains("SamzaRunner"), error.getMessage());
    assertTrue(error.getMessage().contains("DirectRunner, FlinkRunner and SparkRunner"), error.getMessage());
  }
}
