package org.sdelink.pipelines.run;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options common to every sdelink pipeline, beside Beam's own (runner, parallelism, ...). */
public interface SdelinkPipelineOptions extends PipelineOptions {
  @Description("Number of hash buckets used for every grouping and join (bounded, so the DirectRunner stays usable;"
      + " raise it for national-scale runs on Flink or Spark)")
  @Default.Integer(64)
  int getBuckets();

  void setBuckets(int value);
}
