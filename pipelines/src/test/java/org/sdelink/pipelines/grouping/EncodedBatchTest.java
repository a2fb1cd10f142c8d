package org.sdelink.pipelines.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class EncodedBatchTest {
  private static final KvCoder<String, List<String>> CODER =
      KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of()));

  @Test
  void aBatchDecodesToTheElementsAddedInTheirOrder() {
    Random random = new Random(11);
    for (int round = 0; round < 50; round++) {
      EncodedBatch<KV<String, List<String>>> batch = new EncodedBatch<>(CODER);
      List<KV<String, List<String>>> added = new ArrayList<>();
      int n = random.nextInt(round < 5 ? 2 : 2_000);
      for (int i = 0; i < n; i++) {
        List<String> values = new ArrayList<>();
        for (int v = random.nextInt(6); v > 0; v--) {
          values.add(random.nextBoolean() ? "" : "caf\u00e9 " + random.nextInt() + ",\"\n");
        }
        KV<String, List<String>> element = KV.of("key" + random.nextInt(50), values);
        batch.add(element);
        added.add(element);
      }
      assertEquals(added, EncodedBatch.decode(batch.bytes(), CODER), "round " + round);
    }
  }
}
