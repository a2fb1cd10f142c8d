package org.sdelink.pipelines.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.sdelink.pipelines.grouping.SumInBuckets;

/**
 * A stage's counts (rows per file, rejects per reason, records per rule, ...): summed per key over bounded buckets
 * and written as one sorted run of {@code key<TAB>count} lines, which the driver reads back with {@link #read} to
 * build the stage's report. The count is what follows the last tab of a line.
 */
public final class CountsSink extends PTransform<PCollection<KV<String, Long>>, PCollection<String>> {
  private final Path directory;
  private final int buckets;

  private CountsSink(Path directory, int buckets) {
    this.directory = directory;
    this.buckets = buckets;
  }

  public static CountsSink to(Path directory, int buckets) {
    return new CountsSink(directory, buckets);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, Long>> counts) {
    return counts
        .apply("SumCounts", SumInBuckets.of(buckets))
        .apply("FormatCounts", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.strings()))
            .via((KV<String, Long> kv) -> KV.of(kv.getKey(), kv.getKey() + "\t" + kv.getValue())))
        .apply("WriteCounts", SortedCsvSink.to(directory.toString()));
  }

  /** The counts written under {@code directory}, by key. */
  public static Map<String, Long> read(Path directory) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : SortedCsvSink.readLines(directory)) {
      int tab = line.lastIndexOf('\t');
      counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
    }
    return counts;
  }
}
