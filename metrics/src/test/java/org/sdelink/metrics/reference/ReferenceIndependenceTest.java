package org.sdelink.metrics.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference implementation must stay independent: no import of the production metrics code. */
class ReferenceIndependenceTest {
  @Test
  void referenceSourcesImportNoProductionClasses() throws IOException {
    Path dir = Path.of("src/test/java/org/sdelink/metrics/reference");
    assertTrue(Files.isDirectory(dir), "run from the metrics module directory (surefire does)");
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
          assertFalse(line.startsWith("import org.sdelink.") || line.startsWith("import static org.sdelink."),
              file.getFileName() + ": " + line);
        }
      }
    }
  }
}
