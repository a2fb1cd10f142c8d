package org.sdelink.pipelines.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Builds the Beam options of a stage from the arguments passed through the command line. The DirectRunner is the
 * default; on it sdelink turns off the immutability and encodability checks (a 2-5x speed-up measured here) unless
 * the user sets them; on Flink the default number of buckets is large ({@link #FLINK_BUCKETS}). Tests keep Beam's
 * defaults.
 */
public final class StageOptions {
  /**
   * Buckets on Flink unless given: Flink's cost does not grow with the number of keys (unlike the DirectRunner's),
   * so there a bucket holds a handful of people at any input size and no worker holds a growing share of the data.
   */
  static final int FLINK_BUCKETS = 1 << 20;

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
    PipelineOptionsFactory.register(SdelinkPipelineOptions.class);
    try {
      return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation()
          .as(SdelinkPipelineOptions.class);
    } catch (IllegalArgumentException e) {
      // Beam's own messages about options name the option and the allowed values, never data.
      throw new UserError("pipeline option error: " + e.getMessage()
          + " (the runners available are DirectRunner and FlinkRunner; see docs/operations.md)");
    }
  }

  private static void addDefault(List<String> args, String name, String value) {
    if (args.stream().noneMatch(a -> a.startsWith(name + "="))) {
      args.add(name + "=" + value);
    }
  }
}
