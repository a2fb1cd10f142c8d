package org.sdelink.pipelines.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Builds the Beam options of a stage from the arguments passed through the command line. The DirectRunner is the
 * default; on it sdelink turns off the immutability and encodability checks (a 2-5x speed-up measured here) unless
 * the user sets them; on Flink the default number of buckets is {@link #FLINK_BUCKETS}. Tests keep Beam's
 * defaults. Without a master, FlinkRunner runs on a Flink mini-cluster inside this process
 * ({@code --flinkMaster=[local]}) and SparkRunner on local Spark with one thread per processor
 * ({@code --sparkMaster=local[N]}). For Spark, sdelink also sets these JVM-wide {@code spark.*} system properties
 * unless they are set already: {@code spark.ui.enabled=false} (no web UI) and, for a {@code local} master,
 * {@code spark.driver.bindAddress} and {@code spark.driver.host} to 127.0.0.1 (nothing listens beyond this machine).
 */
public final class StageOptions {
  /**
   * Buckets on Flink unless given: few enough that each grouping first collects a worker's elements into one encoded
   * batch per bucket (Flink then sorts batches, not elements: 500,000 people 270 s with a million buckets, 223-236 s
   * with 512-4,096), many enough that a bucket is a small share of the data (1/1024) at national scale.
   */
  static final int FLINK_BUCKETS = 1024;
  /** The system property that switches Spark's web UI on or off; sdelink sets it to false unless it is set. */
  public static final String SPARK_UI = "spark.ui.enabled";

  private static final String LOOPBACK = "127.0.0.1";

  private StageOptions() {}

  public static SdelinkPipelineOptions fromArgs(List<String> beamArgs) {
    List<String> args = new ArrayList<>(beamArgs);
    boolean directRunner = args.stream().noneMatch(a -> a.startsWith("--runner="))
        || args.stream().anyMatch(a -> a.equals("--runner=DirectRunner"));
    if (directRunner) {
      addDefault(args, "--enforceImmutability", "false");
      addDefault(args, "--enforceEncodability", "false");
      addDefault(args, "--targetParallelism", Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }
    if (args.stream().anyMatch(a -> a.equals("--runner=FlinkRunner"))) {
      addDefault(args, "--flinkMaster", "[local]");
      addDefault(args, "--buckets", Integer.toString(FLINK_BUCKETS));
    }
    if (args.stream().anyMatch(a -> a.startsWith("--outputParts="))) {
      throw new UserError("--outputParts was removed: stage outputs are now written without a shuffle (see "
          + "docs/operations.md, \"Buckets and output files\"); delete the option from the command or run config");
    }
    if (args.stream().anyMatch(a -> a.equals("--runner=SparkRunner"))) {
      addDefault(args, "--sparkMaster", "local[" + Runtime.getRuntime().availableProcessors() + "]");
      // Spark takes its settings from spark.* system properties (Beam has no option for them). Its web UI would
      // listen on every network interface (port 4040) without authentication, and a local driver's RPC and block
      // ports (which serve shuffle blocks, raw rows included, to whoever asks) on the machine's address.
      setPropertyIfAbsent(SPARK_UI, "false");
      if (valueOf(args, "--sparkMaster").startsWith("local")) {
        setPropertyIfAbsent("spark.driver.bindAddress", LOOPBACK);
        setPropertyIfAbsent("spark.driver.host", LOOPBACK);
      }
    }
    PipelineOptionsFactory.register(SdelinkPipelineOptions.class);
    try {
      return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation()
          .as(SdelinkPipelineOptions.class);
    } catch (IllegalArgumentException e) {
      // Beam's own messages about options name the option and the allowed values, never data.
      throw new UserError("pipeline option error: " + e.getMessage()
          + " (the runners available are DirectRunner, FlinkRunner and SparkRunner; see docs/operations.md)");
    }
  }

  private static String valueOf(List<String> args, String name) {
    return args.stream().filter(a -> a.startsWith(name + "=")).findFirst().orElseThrow()
        .substring(name.length() + 1);
  }

  private static void setPropertyIfAbsent(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  private static void addDefault(List<String> args, String name, String value) {
    if (args.stream().noneMatch(a -> a.startsWith(name + "="))) {
      args.add(name + "=" + value);
    }
  }
}
