package org.sdelink.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class TaggedRowCoderTest {
  private static final TaggedRowCoder CODER = TaggedRowCoder.of(Map.of(
      "cld", List.of("record_id", "LA_Code", "Event_Type"), "spine", List.of("person_id")));

  @Test
  void rowsOfTheirTagsLayoutRoundTripWithoutTheirColumnNames() throws Exception {
    KV<String, Map<String, String>> row = KV.of("cld", Map.of("record_id", "r1", "LA_Code", "E08000025",
        "Event_Type", ""));
    CoderProperties.coderDecodeEncodeEqual(CODER, row);
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, row);
    byte[] whole = CoderUtils.encodeToByteArray(MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()),
        row.getValue());
    assertTrue(bytes.length < whole.length / 2, bytes.length + " bytes against " + whole.length);
    assertTrue(!new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("LA_Code"));
  }

  @Test
  void otherRowsRoundTripWhole() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, KV.of("cld", Map.of("record_id", "r1")));
    CoderProperties.coderDecodeEncodeEqual(CODER, KV.of("cld", Map.of("record_id", "r1", "LA_Code", "x",
        "Other", "y")));
    CoderProperties.coderDecodeEncodeEqual(CODER, KV.of("apc", Map.of("EPIKEY", "e1")));
    CoderProperties.coderDecodeEncodeEqual(CODER, KV.of("spine", Map.of("person_id", "P1")));
  }

  @Test
  void coderEqualityFollowsTheLayouts() {
    assertEquals(CODER, TaggedRowCoder.of(Map.of("spine", List.of("person_id"),
        "cld", List.of("record_id", "LA_Code", "Event_Type"))));
    assertNotEquals(CODER, TaggedRowCoder.of(Map.of("spine", List.of("person_id"))));
    CoderProperties.coderSerializable(CODER);
  }
}
