package org.sdelink.pipelines.grouping;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sdelink.pipelines.testing.TestPipelineExtension;

@ExtendWith(TestPipelineExtension.class)
class SumInBucketsTest {
  @Test
  void sumsEveryKeyOnceWhateverTheBuckets(TestPipeline p) {
    List<KV<String, Long>> input = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      input.add(KV.of("key-" + (i % 37), (long) (i % 5)));
    }
    List<KV<String, Long>> expected = new ArrayList<>();
    for (int k = 0; k < 37; k++) {
      long sum = 0;
      for (int i = k; i < 2000; i += 37) {
        sum += i % 5;
      }
      expected.add(KV.of("key-" + k, sum));
    }
    PCollection<KV<String, Long>> sums = p
        .apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply(SumInBuckets.of(5));
    PAssert.that(sums).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  /** Counts three things per element; emitted per bundle, they must add up to the same totals. */
  private static final class CountLettersFn extends CountingFn<String> {
    @ProcessElement
    public void process(@Element String word) {
      count("words");
      count("first:" + word.charAt(0));
      if (word.length() > 3) {
        count("long");
      }
    }
  }

  @Test
  void countingFnCountsPerBundleAndTheSumsAreExact(TestPipeline p) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      words.add((i % 2 == 0 ? "a" : "b") + "x".repeat(i % 4));
    }
    PCollection<KV<String, Long>> counts = p
        .apply(Create.of(words).withCoder(StringUtf8Coder.of()))
        .apply(ParDo.of(new CountLettersFn()))
        .apply(SumInBuckets.of(3));
    PAssert.that(counts).containsInAnyOrder(
        KV.of("words", 500L), KV.of("first:a", 250L), KV.of("first:b", 250L), KV.of("long", 125L));
    p.run().waitUntilFinish();
  }
}
