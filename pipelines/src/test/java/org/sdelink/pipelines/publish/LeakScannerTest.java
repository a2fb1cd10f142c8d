package org.sdelink.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeakScannerTest {
  private final LeakScanner scanner = new LeakScanner();

  private Optional<LeakScanner.Leak> scan(String dataset, String column, String value, String... level1) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("person_id", "q0Qx6cLd1mVb2Gm9kzZr4A");
    row.put(column, value);
    return scanner.scan(dataset, row, List.of(level1));
  }

  @Test
  void cleanRowsPass() {
    assertTrue(scan("journeys", "start", "12").isEmpty());
    assertTrue(scan("persons", "birth_year", "1940-1944").isEmpty());
    assertTrue(scan("discharges", "provider", "RR8").isEmpty());
    assertTrue(scan("persons", "la_code", "E08000035").isEmpty());
  }

  @Test
  void eachKindOfLeakIsCaughtAndNamedWithoutItsValue() {
    assertEquals("a valid NHS number", scan("journeys", "type", "943 476 5919").orElseThrow().kind());
    assertEquals("a full postcode", scan("persons", "la_code", "LS1 4AP").orElseThrow().kind());
    assertEquals("a level-1 person id", scan("discharges", "la", "P0123456789abcdef").orElseThrow().kind());
    assertEquals("a value shaped like a keyed token",
        scan("journeys", "provider", "Ab3dEf6hIj9lMn2pQr5tUv").orElseThrow().kind());
    assertEquals("a full date in a person-level column",
        scan("persons", "date_of_death", "2024-02-29").orElseThrow().kind());
    LeakScanner.Leak own = scan("journeys", "type", "xx-secret-token-xx", "secret-token").orElseThrow();
    assertEquals("a level-1 (operator-zone) id or token", own.kind());
    assertFalse(own.message().contains("secret-token"), own.message());
    assertTrue(own.message().contains("journeys") && own.message().contains("type"));
  }

  @Test
  void invalidNhsNumbersAndDistrictsAreNotLeaks() {
    assertTrue(scan("journeys", "episodes", "9434765918").isEmpty(), "fails the check digit");
    assertTrue(scan("persons", "la_code", "LS1").isEmpty(), "a district alone");
  }
}
