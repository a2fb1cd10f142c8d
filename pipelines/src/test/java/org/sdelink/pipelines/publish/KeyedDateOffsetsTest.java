package org.sdelink.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdelink.pseudonymisation.keys.MasterKey;

class KeyedDateOffsetsTest {
  private static MasterKey key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed + i);
    }
    return MasterKey.of("k" + seed, bytes);
  }

  @Test
  void sameOffsetForAPersonNonZeroWithinRangeAndSpread() {
    KeyedDateOffsets offsets = KeyedDateOffsets.create(key(1), "PROJECT-A", 30);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      int offset = offsets.offsetDays("P" + i);
      assertEquals(offset, offsets.offsetDays("P" + i), "consistent within a person");
      assertTrue(offset != 0 && offset >= -30 && offset <= 30, "out of range: " + offset);
      seen.add(offset);
    }
    assertEquals(60, seen.size(), "every non-zero offset in [-30, 30] is used");
  }

  @Test
  void dependsOnTheKeyAndTheProject() {
    int same = 0;
    KeyedDateOffsets a = KeyedDateOffsets.create(key(1), "PROJECT-A", 365);
    KeyedDateOffsets otherKey = KeyedDateOffsets.create(key(2), "PROJECT-A", 365);
    KeyedDateOffsets otherProject = KeyedDateOffsets.create(key(1), "PROJECT-B", 365);
    for (int i = 0; i < 500; i++) {
      same += a.offsetDays("P" + i) == otherKey.offsetDays("P" + i) ? 1 : 0;
      same += a.offsetDays("P" + i) == otherProject.offsetDays("P" + i) ? 1 : 0;
    }
    assertTrue(same < 20, same + " offsets equal across keys or projects");
    assertNotEquals(0, KeyedDateOffsets.create(key(1), "X", 1).offsetDays("P1"));
    assertEquals(0, KeyedDateOffsets.create(key(1), "X", 0).offsetDays("P1"));
  }
}
