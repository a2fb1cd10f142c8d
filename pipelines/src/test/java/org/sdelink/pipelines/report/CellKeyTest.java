package org.sdelink.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellKeyTest {
  @Test
  void encodesAndDecodesAndControlCharactersCannotBreakTheEncoding() {
    CellKey key = CellKey.of(Measure.REQUESTS, "E08000025", "2024-04", "Community / Other route");
    assertEquals(key, CellKey.decode(key.encode()));
    CellKey odd = CellKey.of(Measure.DQ_FILLED, " E0\t1\u001f2 ", CellKey.PERIOD, "a\nb");
    assertEquals("E0 1 2", odd.council());
    assertEquals("a b", odd.category());
    assertEquals(odd, CellKey.decode(odd.encode()));
    assertTrue(odd.encode().indexOf('\t') < 0 && odd.encode().indexOf('\n') < 0);
    assertThrows(IllegalArgumentException.class, () -> CellKey.decode("REQUESTS"));
  }
}
