package org.sdelink.pipelines.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every claim of {@code docs/threat-model.md} points to tests that exist: each {@code Class#method} (and each
 * {@code #method} that follows it in the same cell) names a test method of a test class in some module.
 */
class ThreatModelReferencesTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Pattern REFERENCE = Pattern.compile("`(?:[\\w./]*/)?(\\w+)#(\\w+)`|`#(\\w+)`");

  @Test
  void everyClaimNamesTestsThatExist() throws IOException {
    Map<String, String> testSources = new HashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
          .toList()) {
        testSources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
      }
    }
    List<String> claims = Files.readAllLines(ROOT.resolve("docs/threat-model.md")).stream()
        .filter(line -> line.matches("\\| \\d+ \\|.*")).toList();
    assertTrue(claims.size() >= 20, "too few claims found: " + claims.size());
    List<String> missing = new ArrayList<>();
    int references = 0;
    for (String claim : claims) {
      String shownBy = claim.substring(claim.lastIndexOf(" | ") + 3);
      if (!shownBy.contains("#") && !shownBy.contains("not yet")) {
        missing.add("claim without a test method: " + claim.substring(0, Math.min(60, claim.length())));
      }
      String currentClass = null;
      Matcher m = REFERENCE.matcher(shownBy);
      while (m.find()) {
        references++;
        String method = m.group(2) != null ? m.group(2) : m.group(3);
        if (m.group(1) != null) {
          currentClass = m.group(1);
        }
        String source = currentClass == null ? null : testSources.get(currentClass);
        if (source == null || !Pattern.compile("void " + method + "\\(").matcher(source).find()) {
          missing.add(currentClass + "#" + method);
        }
      }
    }
    assertTrue(references >= 40, "too few test references: " + references);
    assertTrue(missing.isEmpty(), "docs/threat-model.md names tests that do not exist: " + missing);
  }
}
