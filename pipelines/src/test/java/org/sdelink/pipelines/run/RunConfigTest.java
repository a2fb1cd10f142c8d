package org.sdelink.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
