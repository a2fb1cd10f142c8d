package org.sdelink.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdelink.policies.PolicyFormatException;

/** The run configuration is read as one YAML document; anything sdelink would ignore stops it (issue 15). */
class RunConfigTest {

  @Test
  void aSecondYamlDocumentIsRefusedNamingItsLine(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), "inputs:\n  cld: [a.csv]\n  apc: [b.csv]\n"
        + "output: out\n---\nproject: OTHER\n");
    PolicyFormatException refused = assertThrows(PolicyFormatException.class, () -> RunConfig.load(config));
    assertTrue(refused.getMessage().contains("second YAML document, starting at line 5"), refused.getMessage());
  }

  @Test
  void anUnknownKeyIsStillNamed(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), "inputs:\n  cld: [a.csv]\n  apc: [b.csv]\n"
        + "outptu: out\n");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RunConfig.load(config));
    assertTrue(refused.getMessage().contains("unknown key 'outptu'"), refused.getMessage());
  }

  @Test
  void theStatisticsLsoaLookupResolvesAgainstTheConfigurationFolder(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), "inputs:\n  cld: [a.csv]\n  apc: [b.csv]\n"
        + "output: out\nkeystore: k.p12\nperiod:\n  start: 2024-04-01\n  end: 2025-03-31\nstatistics:\n  year: \"2024-25\"\n  lsoa_lookup: ref/lsoa.csv\n");
    RunConfig run = RunConfig.load(config);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(dir.resolve("ref/lsoa.csv").normalize()),
        run.lsoaLookupFile());
  }

  private static final String BASE = "inputs:\n  cld: [a.csv]\n  apc: [b.csv]\noutput: out\nkeystore: k.p12\n"
      + "period:\n  start: 2024-04-01\n  end: 2025-03-31\n";

  @Test
  void theDashboardLookupsResolveAgainstTheConfigurationFolder(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), BASE + "statistics:\n  year: \"2024-25\"\n"
        + "report:\n  council_names: ref/names.csv\n  comparators: ../groups.csv\n");
    RunConfig run = RunConfig.load(config);
    assertEquals(Optional.of(dir.resolve("ref/names.csv").normalize()), run.councilNamesFile());
    assertEquals(Optional.of(dir.getParent().resolve("groups.csv").normalize()), run.comparatorsFile());

    RunConfig without = RunConfig.load(Files.writeString(dir.resolve("plain.yaml"), BASE
        + "statistics:\n  year: \"2024-25\"\n"));
    assertEquals(Optional.empty(), without.councilNamesFile(), "no names file: councils shown by code");
    assertEquals(Optional.empty(), without.comparatorsFile());
  }

  @Test
  void dashboardLookupsWithoutStatisticsAreRefused(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), BASE + "report:\n  council_names: names.csv\n");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RunConfig.load(config));
    assertTrue(refused.getMessage().contains("add a statistics section"), refused.getMessage());
  }

  @Test
  void aMistypedKeyInASectionIsNamedWithItsSection(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("run.yaml"), BASE + "statistics:\n  year: \"2024-25\"\n"
        + "report:\n  council_name: names.csv\n");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RunConfig.load(config));
    assertTrue(refused.getMessage().contains("unknown key 'report.council_name'")
        && refused.getMessage().contains("the keys under report are comparators, council_names"),
        refused.getMessage());
  }
}
